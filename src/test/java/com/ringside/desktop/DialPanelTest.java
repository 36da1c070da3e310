package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.TimelineEntry;
import com.ringside.cache.TimelineFilter;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.testing.Fx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** A supervisor calls Ana at lunchtime in California: the call, the wrap-up, the cap, the override. */
@ExtendWith(ApplicationExtension.class)
class DialPanelTest {
    static final Clock NOON_IN_CALIFORNIA = Clock.fixed(Instant.parse("2026-03-08T20:00:00Z"), ZoneOffset.UTC);
    static final String ANA_MOBILE = "14155550123";

    @TempDir
    Path dataDir;
    final List<PhoneNumber> dialled = new CopyOnWriteArrayList<>();
    DeskSession session;

    @Start
    void start(Stage stage) {
        session = DeskSession.open(dataDir, NOON_IN_CALIFORNIA, new DeskUser(UUID.randomUUID(), "Sky", UserRole.SUPERVISOR),
                dialled::add);
        Fx.showDesk(stage, session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aCallIsRecordedAtOnceWrapUpUpdatesTheCountsAndTheCapNeedsAReasonedOverride(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("ana ruiz").type(KeyCode.ENTER);
        Fx.waitUntil(() -> "Ana Ruiz".equals(robot.lookup("#customer-name").queryAs(Label.class).getText()));
        Fx.waitUntil(() -> robot.lookup("#guard-" + ANA_MOBILE).tryQuery().isPresent());
        assertThat(text(robot, "#guard-" + ANA_MOBILE)).isEqualTo("Allowed");
        assertThat(text(robot, "#stat-7d")).isEqualTo("2");

        robot.clickOn("#call-" + ANA_MOBILE);
        Fx.waitUntil(() -> dialled.size() == 1);
        assertThat(dialled).containsExactly(PhoneNumber.of("+" + ANA_MOBILE));
        TableView<TimelineEntry> timeline = robot.lookup("#timeline-table").queryTableView();
        Fx.waitUntil(() -> timeline.getItems().get(0).event().outcome() == Outcome.PENDING);
        Fx.waitUntil(() -> "3".equals(text(robot, "#stat-7d")));

        robot.clickOn("#wrap-up-outcome");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Voicemail")).<Node>query());
        robot.clickOn("#wrap-up-notes").write("Left a message about the renewal");
        robot.clickOn("#wrap-up-callback").write("next week");
        robot.clickOn("#wrap-up-save");
        Fx.waitUntil(() -> text(robot, "#dial-message").contains("is not a time"));
        assertThat(timeline.getItems().get(0).event().outcome()).as("nothing saved yet").isEqualTo(Outcome.PENDING);
        robot.doubleClickOn("#wrap-up-callback").eraseText(9).write("tomorrow 17:30");
        robot.clickOn("#wrap-up-save");
        Fx.waitUntil(() -> timeline.getItems().get(0).event().outcome() == Outcome.VOICEMAIL);
        Fx.waitUntil(() -> "Callback promised for Mon 9 Mar 17:30".equals(text(robot, "#customer-callback")));
        assertThat(timeline.getItems().get(0).event().notes()).isEqualTo("Left a message about the renewal");

        Fx.waitUntil(() -> "Blocked".equals(text(robot, "#guard-" + ANA_MOBILE)));
        assertThat(text(robot, "#reasons-" + ANA_MOBILE)).contains("3 calls in the last 7 days (limit 3)");
        assertThat(robot.lookup("#call-" + ANA_MOBILE).queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#override-" + ANA_MOBILE).queryButton().isDisabled()).as("no reason yet").isTrue();

        robot.clickOn("#override-reason-" + ANA_MOBILE).write("Customer asked us to call back today");
        robot.clickOn("#override-" + ANA_MOBILE);
        Fx.waitUntil(() -> dialled.size() == 2);
        Fx.waitUntil(() -> timeline.getItems().size() > 0 && timeline.getItems().get(0).event().override() != null);
        ContactEvent overridden = timeline.getItems().get(0).event();
        assertThat(overridden.override().reason()).isEqualTo("Customer asked us to call back today");
        assertThat(overridden.override().by()).isEqualTo(session.user().id());
        assertThat(session.events().decisionRuleVersions(overridden.id())).get().asString().contains("\":1");
        assertThat(session.events().outboxSize()).as("both calls wait for the master").isEqualTo(2);
        Fx.waitUntil(() -> !robot.lookup("#customer-callback").queryAs(Label.class).isVisible());
        assertThat(session.events().timeline(overridden.customerId(), TimelineFilter.ALL, null, 10).entries())
                .filteredOn(e -> e.event().outcome() == Outcome.PENDING).hasSize(1);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

}
