package com.ringside.desktop;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.TimelineEntry;
import com.ringside.cti.BaresipTelephony;
import com.ringside.cti.CallEvent;
import com.ringside.cti.CallEvent.CallState;
import com.ringside.cti.CallerId;
import com.ringside.desktop.shell.MainWindow;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.testing.Baresip;
import com.ringside.testing.Fx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The screen pop as the agent sees it: who is calling, a shared number, a new caller, a call while busy. */
@ExtendWith(ApplicationExtension.class)
class ScreenPopTest {
    private static final Instant RANG = DialPanelTest.NOON_IN_CALIFORNIA.instant();

    @TempDir
    Path dataDir;
    DeskSession session;
    MainWindow window;
    Customer ben;
    Customer bea;

    @Start
    void start(Stage stage) {
        session = DeskSession.open(dataDir, DialPanelTest.NOON_IN_CALIFORNIA,
                new DeskUser(UUID.randomUUID(), "Sky", UserRole.AGENT), number -> { });
        ben = customer("Ben", "Okafor").phone("+14155550199").born(LocalDate.of(1961, 4, 2)).build();
        bea = customer("Bea", "Okafor").phone("+14155550199").born(LocalDate.of(1994, 9, 30)).build();
        session.customers().saveAll(List.of(ben, bea));
        window = Fx.showDesk(stage, session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aKnownCallerIsOnScreenAtOnceAndTheAnsweredCallGoesOnTheTimelineWithItsLength(FxRobot robot) throws Exception {
        window.acceptCall(new CallEvent("c1", CallState.RINGING, true, "sip:+14155550123@pbx", "test", RANG, ""));
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
        assertThat(text(robot, "#pop-title")).isEqualTo("Incoming call · +1 415-555-0123");
        assertThat(text(robot, "#pop-detail")).isEqualTo("Ana Ruiz");

        window.acceptCall(new CallEvent("c1", CallState.ANSWERED, true, "", "test", RANG.plusSeconds(4), ""));
        window.acceptCall(new CallEvent("c1", CallState.ENDED, true, "", "test", RANG.plusSeconds(99), ""));
        TableView<TimelineEntry> timeline = robot.lookup("#timeline-table").queryTableView();
        Fx.waitUntil(() -> timeline.getItems().stream().anyMatch(entry -> entry.event().direction() == Direction.INBOUND
                && entry.event().occurredAt().equals(RANG)));
        TimelineEntry inbound = timeline.getItems().stream().filter(entry -> entry.event().occurredAt().equals(RANG))
                .findFirst().orElseThrow();
        assertThat(inbound.event().outcome()).isEqualTo(Outcome.CONVERSATION);
        assertThat(inbound.event().durationSeconds()).isEqualTo(95);
        assertThat(robot.lookup("#pop-bar").query().isVisible()).as("the pop bar goes when the call ends").isFalse();
    }

    @Test
    void aSharedNumberAsksWhichOneAndAMissedCallIsRecordedForTheOnePicked(FxRobot robot) throws Exception {
        window.acceptCall(new CallEvent("c2", CallState.RINGING, true, "(415) 555-0199", "test", RANG, ""));
        Fx.waitUntil(() -> choices(robot).getItems().size() == 2);
        assertThat(text(robot, "#pop-detail")).isEqualTo("2 customers share this number: pick the one on the line.");
        assertThat(choices(robot).getItems()).extracting(Object::toString)
                .anySatisfy(line -> assertThat(line).contains("Bea Okafor", "1994"))
                .anySatisfy(line -> assertThat(line).contains("Ben Okafor", "1961"));
        assertThat(text(robot, "#customer-name")).as("no silent guess").isNotEqualTo("Ben Okafor").isNotEqualTo("Bea Okafor");

        Node bea = robot.lookup("#pop-choices .list-cell").match(
                (javafx.scene.control.ListCell<?> cell) -> cell.getText() != null && cell.getText().contains("Bea")).query();
        robot.clickOn(bea);
        Fx.waitUntil(() -> "Bea Okafor".equals(text(robot, "#customer-name")));

        robot.clickOn("#search").write("ana ruiz").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
        window.acceptCall(new CallEvent("c2", CallState.ENDED, true, "", "test", RANG.plusSeconds(20), ""));
        Fx.waitUntil(() -> session.events().history(this.bea.id(), RANG.minusSeconds(1)).size() == 1);
        Fx.waitUntil(() -> !robot.lookup("#pop-bar").query().isVisible());
        assertThat(text(robot, "#customer-name")).as("recording the call does not take the agent away from Ana")
                .isEqualTo("Ana Ruiz");
        assertThat(session.events().history(this.bea.id(), RANG.minusSeconds(1)).get(0).outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(session.events().history(ben.id(), RANG.minusSeconds(1))).isEmpty();
    }

    @Test
    void aNewCallerAWithheldNumberAndCallsWhileBusyAreSaidPlainly(FxRobot robot) throws Exception {
        window.acceptCall(new CallEvent("c3", CallState.RINGING, true, "sip:+16505550100@pbx", "test", RANG, ""));
        Fx.waitUntil(() -> text(robot, "#pop-detail").startsWith("New caller"));
        robot.clickOn("#pop-dismiss");
        window.acceptCall(new CallEvent("c4", CallState.RINGING, true, "sip:anonymous@anonymous.invalid", "test", RANG, ""));
        Fx.waitUntil(() -> "Incoming call · Number withheld".equals(text(robot, "#pop-title")));
        assertThat(text(robot, "#pop-detail")).contains("ask who is calling");
        robot.clickOn("#pop-dismiss");

        robot.clickOn("#search").write("ana ruiz").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
        for (int i = 0; i < 1_000; i++) {
            window.acceptCall(new CallEvent("flood-" + i, CallState.RINGING, true, "+1415555" + String.format("%04d", i),
                    "test", RANG, ""));
        }
        Fx.waitUntil(() -> text(robot, "#pop-waiting").equals("20 calls waiting"));
        assertThat(text(robot, "#customer-name")).as("the agent keeps their customer").isEqualTo("Ana Ruiz");
        assertThat(text(robot, "#pop-title")).startsWith("Call waiting · ");
        robot.clickOn("#pop-show-waiting");
        Fx.waitUntil(() -> text(robot, "#pop-waiting").equals("19 calls waiting"));
        assertThat(text(robot, "#pop-title")).startsWith("Incoming call · ");
    }

    @Test
    void aNewCallerIsCreatedFromThePopAndTheCallIsRecordedForThem(FxRobot robot) throws Exception {
        window.acceptCall(new CallEvent("c5", CallState.RINGING, true, "tel:+16505550100", "test", RANG, ""));
        Fx.waitUntil(() -> robot.lookup("#pop-new-caller").query().isVisible());
        robot.clickOn("#pop-create");
        Fx.waitUntil(() -> text(robot, "#pop-create-problem").equals("Give the caller's name first."));
        robot.clickOn("#pop-given").write("Nia");
        robot.clickOn("#pop-family").write("Park");
        robot.clickOn("#pop-create");
        Fx.waitUntil(() -> "Nia Park".equals(text(robot, "#customer-name")));
        assertThat(text(robot, "#pop-detail")).isEqualTo("Nia Park");
        assertThat(robot.lookup("#pop-new-caller").query().isVisible()).isFalse();
        Customer nia = session.customers().withNumber(PhoneNumber.of("+16505550100")).get(0);
        assertThat(nia.displayName()).isEqualTo("Nia Park");

        window.acceptCall(new CallEvent("c5", CallState.ENDED, true, "", "test", RANG.plusSeconds(30), "the softphone went away"));
        Fx.waitUntil(() -> session.events().history(nia.id(), RANG.minusSeconds(1)).size() == 1);
        Fx.waitUntil(() -> text(robot, "#status-calls").contains("the softphone went away"));
        assertThat(text(robot, "#status-calls")).startsWith("Missed call recorded.");
    }

    @Test
    void closingTheCustomerBringsUpTheCallThatWaitedButNotWhileAWrapUpIsOpen(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("ana ruiz").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> robot.lookup("#call-14155550123").tryQuery().isPresent());
        robot.clickOn("#call-14155550123");
        Fx.waitUntil(() -> text(robot, "#dial-message").contains("+14155550123"));
        window.acceptCall(new CallEvent("c7", CallState.RINGING, true, "+14155550199", "test", RANG, ""));
        Fx.waitUntil(() -> text(robot, "#pop-waiting").equals("1 call waiting"));

        robot.clickOn("#customer-close");
        Fx.waitUntil(() -> text(robot, "#dial-message").startsWith("Save the wrap-up"));
        assertThat(text(robot, "#customer-name")).isEqualTo("Ana Ruiz");

        robot.clickOn("#wrap-up-outcome");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("No answer")).<Node>query());
        robot.clickOn("#wrap-up-save");
        Fx.waitUntil(() -> text(robot, "#dial-message").startsWith("Wrap-up saved"));
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W).release(javafx.scene.input.KeyCode.CONTROL);
        Fx.waitUntil(() -> text(robot, "#pop-detail").startsWith("2 customers share this number"));
        assertThat(onScreen(robot.lookup("#customer-card").query())).as("the card was put away").isFalse();
        assertThat(text(robot, "#pop-title")).isEqualTo("Incoming call · +1 415-555-0199");
    }

    @Test
    void callerIdsInEveryShapeFindTheCallerOrSayPlainlyWhatTheyAre(FxRobot robot) throws Exception {
        for (String shape : List.of("+1 415 555 0123 ext. 12", "011 1 415 555 0123", "tel:+1-415-555-0123;ext=7",
                "1 (415) 555-0123")) {
            window.openNumber(shape);
            Fx.waitUntil(() -> "Number from a link · +1 415-555-0123".equals(text(robot, "#pop-title"))
                    && "Ana Ruiz".equals(text(robot, "#customer-name")));
            robot.clickOn("#pop-dismiss");
            Fx.waitUntil(() -> !robot.lookup("#pop-bar").query().isVisible());
        }
        robot.clickOn("#customer-close");
        window.acceptCall(new CallEvent("c8", CallState.RINGING, true, "\"ACME SALES\" <sip:sales@acme.example>", "test", RANG, ""));
        Fx.waitUntil(() -> "Incoming call · ACME SALES".equals(text(robot, "#pop-title")));
        assertThat(text(robot, "#pop-detail")).startsWith("The caller id is not a phone number");
        robot.clickOn("#pop-dismiss");
        window.acceptCall(new CallEvent("c9", CallState.RINGING, true, "1".repeat(10_000), "test", RANG, ""));
        Fx.waitUntil(() -> text(robot, "#pop-title").endsWith("…"));
        assertThat(text(robot, "#pop-title")).hasSizeLessThan(100);
        assertThat(text(robot, "#pop-detail")).startsWith("The caller id is not a phone number");
        robot.clickOn("#pop-dismiss");
        window.acceptCall(new CallEvent("c10", CallState.RINGING, true, "1-800-FLOWERS", "test", RANG, ""));
        Fx.waitUntil(() -> "Incoming call · +1 800-356-9377".equals(text(robot, "#pop-title")));
        assertThat(text(robot, "#pop-detail")).startsWith("New caller");
        window.acceptCall(new CallEvent("c10", CallState.ENDED, true, "", "test", RANG.plusSeconds(5), ""));
        Fx.waitUntil(() -> !robot.lookup("#pop-bar").query().isVisible());
        assertThat(session.events().history(ben.id(), RANG.minusSeconds(1))).as("nothing recorded for anyone").isEmpty();

        window.acceptCall(new CallEvent("c11", CallState.RINGING, true, "\"Ana Ruiz\" <sip:+16505550999@pbx>", "test", RANG, ""));
        Fx.waitUntil(() -> choices(robot).getItems().size() > 0);
        assertThat(text(robot, "#pop-detail")).startsWith("New caller: no customer has this number as written");
        assertThat(choices(robot).getItems()).extracting(Object::toString)
                .anySatisfy(line -> assertThat(line).contains("Ana Ruiz"));
    }

    @Test
    void aTelLinkShowsItsCustomerAtOnceAndTheCallInTheBarWaits(FxRobot robot) throws Exception {
        window.acceptCall(new CallEvent("c6", CallState.RINGING, true, "+14155550199", "test", RANG, ""));
        Fx.waitUntil(() -> choices(robot).getItems().size() == 2);
        window.openNumber("+1 415 555 0123");
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
        assertThat(text(robot, "#pop-title")).isEqualTo("Number from a link · +1 415-555-0123");
        assertThat(text(robot, "#pop-waiting")).as("the ringing call is not lost").isEqualTo("1 call waiting");
        robot.clickOn("#pop-show-waiting");
        Fx.waitUntil(() -> text(robot, "#pop-detail").startsWith("2 customers share this number"));
    }

    @Test
    void hangingUpAnOutboundCallFillsItsLengthAndSuggestsTheOutcome(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("ana ruiz").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> robot.lookup("#call-14155550123").tryQuery().isPresent());
        robot.clickOn("#call-14155550123");
        TableView<TimelineEntry> timeline = robot.lookup("#timeline-table").queryTableView();
        Fx.waitUntil(() -> timeline.getItems().get(0).event().outcome() == Outcome.PENDING);

        window.acceptCall(new CallEvent("o1", CallState.RINGING, false, "sip:+14155550123@pbx", "test", RANG, ""));
        window.acceptCall(new CallEvent("o1", CallState.ANSWERED, false, "sip:+14155550123@pbx", "test", RANG.plusSeconds(8), ""));
        window.acceptCall(new CallEvent("o2", CallState.ENDED, false, "sip:+16505550100@pbx", "test", RANG.plusSeconds(9), ""));
        window.acceptCall(new CallEvent("o1", CallState.ENDED, false, "sip:+14155550123@pbx", "test", RANG.plusSeconds(133), ""));
        Fx.waitUntil(() -> text(robot, "#dial-message").contains("ended after 2:05"));
        javafx.scene.control.ComboBox<?> outcome = robot.lookup("#wrap-up-outcome").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(outcome.getValue()).isEqualTo(Outcome.CONVERSATION);
        robot.clickOn("#wrap-up-save");
        Fx.waitUntil(() -> timeline.getItems().get(0).event().outcome() == Outcome.CONVERSATION);
        assertThat(timeline.getItems().get(0).event().durationSeconds()).isEqualTo(125);
    }

    @Test
    void aRealSoftphoneRingingPopsTheCallerAndClickToDialRingsTheirPhone(FxRobot robot) throws Exception {
        Baresip.assumeInstalled();
        try (Baresip agentPhone = Baresip.start(dataDir.resolve("agent-phone"), "+442079460958", false);
             Baresip anasPhone = Baresip.start(dataDir.resolve("ana-phone"), "+14155550123", false);
             BaresipTelephony desk = new BaresipTelephony(agentPhone.control(), anasPhone.dialUri(), java.time.Clock.systemUTC());
             BaresipTelephony ana = new BaresipTelephony(anasPhone.control(), agentPhone.dialUri(), java.time.Clock.systemUTC())) {
            BlockingQueue<CallEvent> atAnasPhone = new LinkedBlockingQueue<>();
            desk.start(window::acceptCall);
            ana.start(atAnasPhone::add);
            Fx.waitUntil(() -> desk.connected() && ana.connected());

            ana.dial(PhoneNumber.of("+442079460958"));
            Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
            assertThat(text(robot, "#pop-title")).isEqualTo("Incoming call · +1 415-555-0123");

            desk.dial(PhoneNumber.of("+14155550123"));
            CallEvent ringing = null;
            for (int i = 0; i < 5 && ringing == null; i++) {
                CallEvent event = atAnasPhone.poll(10, TimeUnit.SECONDS);
                if (event != null && event.inbound() && event.state() == CallState.RINGING) {
                    ringing = event;
                }
            }
            assertThat(ringing).as("Ana's phone rings").isNotNull();
            assertThat(CallerId.numberIn(ringing.callerId())).contains("+442079460958");
        }
    }

    private static boolean onScreen(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static ListView<?> choices(FxRobot robot) {
        return robot.lookup("#pop-choices").queryAs(ListView.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
