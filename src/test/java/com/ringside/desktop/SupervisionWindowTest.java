package com.ringside.desktop;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.supervision.ExportTarget;
import com.ringside.desktop.supervision.SupervisionService;
import com.ringside.desktop.supervision.SupervisionWindow;
import com.ringside.desktop.support.FxBackground;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.FlaggedCall;
import com.ringside.server.MasterServer;
import com.ringside.server.MasterStoreFixtures;
import com.ringside.server.TestMasters;
import com.ringside.server.User;
import com.ringside.sync.MasterClient;
import com.ringside.testing.Fx;
import com.ringside.wire.WireRecords.AuditEntryJson;
import com.ringside.wire.WireRecords.FlaggedCallJson;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A supervisor at a real master: signs off a flagged call, opens the customer, reads and exports the reports. */
@ExtendWith(ApplicationExtension.class)
class SupervisionWindowTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    JdbcMasterStore master;
    MasterServer server;
    Customer ana;
    ContactEvent offline;
    final AtomicReference<UUID> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"), CLOCK);
        server = new MasterServer(master, CLOCK, Duration.ofHours(1));
        URI address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        User sam = server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        User sky = server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "sky-password".toCharArray());
        ana = master.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build(), NOW);
        master.saveRule(MasterStoreFixtures.threePerWeek(), null, NOW);
        for (int minutes : new int[] {10, 20, 30}) {
            master.permit(ask(minutes), Ids.newId(), sam, null);
        }
        master.permit(ask(40), Ids.newId(), sam, null);
        master.permit(ask(50), Ids.newId(), sky, "She asked us to ring back before six");
        ContactEvent call = outboundCall(ana, NOW.plus(Duration.ofMinutes(60)), LineOfBusiness.ORDERS, Outcome.NO_ANSWER);
        offline = new ContactEvent(call.id(), call.customerId(), call.occurredAt(), call.channel(), call.direction(),
                call.lineOfBusiness(), null, sam.id(), call.number(), call.outcome(), 0, "", call.sourceSystem(), true, null);
        master.push(List.of(offline), NOW.plus(Duration.ofHours(2)));

        MasterClient client = new MasterClient(address);
        client.signIn("sky", "sky-password");
        ExportTarget intoTempDir = (owner, name, extension) -> Optional.of(dir.resolve(name + "." + extension));
        Fx.show(stage, new SupervisionWindow(new SupervisionService(client), new FxBackground(), intoTempDir, CLOCK,
                opened::set).root());
    }

    @AfterEach
    void close() {
        server.close();
        master.close();
    }

    @Test
    void aBreachIsSignedOffWithACommentAndTheCustomerIsOneClickAway(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> flagged(robot).getItems().size() == 2);
        assertThat(text(robot, "#flagged-status")).isEqualTo("2 calls, 2 open");
        robot.interact(() -> flagged(robot).getSelectionModel().select(0));
        assertThat(text(robot, "#flagged-detail")).startsWith("Sam Agent called Ana Ruiz on 8 Mar 2026 19:00 while offline")
                .contains("broke “3 calls per 7 days”: 4 calls in the last 7 days (limit 3)");
        assertThat(robot.lookup("#flagged-acknowledge").queryButton().isDisabled()).as("not without a comment").isTrue();

        robot.clickOn("#flagged-open");
        assertThat(opened.get()).isEqualTo(ana.id());

        robot.clickOn("#flagged-comment").write("Talked to Sam: the laptop lost Wi-Fi on the train.");
        robot.clickOn("#flagged-acknowledge");
        Fx.waitUntil(() -> text(robot, "#flagged-status").equals("Signed off the call to Ana Ruiz. 1 call, 1 open"));
        assertThat(flagged(robot).getItems()).as("the list shows open calls unless asked otherwise")
                .extracting(FlaggedCallJson::kind).containsExactly("OVERRIDE");
        FlaggedCall.Acknowledgement signed = master.flaggedCalls(FlaggedCall.Query.all(5)).stream()
                .filter(c -> c.eventId().equals(offline.id())).findFirst().orElseThrow().acknowledgement();
        assertThat(signed.byName()).isEqualTo("Sky Supervisor");
        assertThat(signed.comment()).isEqualTo("Talked to Sam: the laptop lost Wi-Fi on the train.");

        robot.interact(() -> robot.lookup("#flagged-state").<String>queryComboBox().getSelectionModel().select("true"));
        robot.clickOn("#flagged-show");
        Fx.waitUntil(() -> flagged(robot).getItems().size() == 1 && flagged(robot).getItems().get(0).kind().equals("VIOLATION"));
        robot.interact(() -> flagged(robot).getSelectionModel().select(0));
        assertThat(text(robot, "#flagged-detail")).endsWith("Signed off by Sky Supervisor on 8 Mar 2026 18:00: "
                + "\u201cTalked to Sam: the laptop lost Wi-Fi on the train.\u201d");
        assertThat(robot.lookup("#flagged-acknowledge").queryButton().isDisabled()).as("signed off once only").isTrue();
    }

    @Test
    void theReportsDrawWhatHappenedAndExportToCsvAndPng(FxRobot robot) throws Exception {
        select(robot, 1);
        Fx.waitUntil(() -> robot.lookup("#repeat-table").tryQuery().isPresent());
        TableView<?> repeat = robot.lookup("#repeat-table").queryTableView();
        assertThat(repeat.getItems()).hasSize(1);
        assertThat(text(robot, "#repeat-status")).isEqualTo("Customers called in one week — 5 times: 1");
        assertThat(robot.lookup(".heat-4").queryAll()).as("5 calls on 8 March: the darkest cell").hasSize(1);
        robot.clickOn("#repeat-csv");
        Path csv = dir.resolve("repeat-2026-02-09-to-2026-03-08.csv");
        Fx.waitUntil(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFcustomer_id,customer,most_calls_in_a_week,week_of,calls_in_period");
        assertThat(lines.get(1)).startsWith(ana.id() + ",Ana Ruiz,5,2026-03-02,5,0,0,5,0,0,");
        robot.clickOn("#repeat-png");
        Path png = dir.resolve("repeat-2026-02-09-to-2026-03-08.png");
        Fx.waitUntil(() -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(600);

        select(robot, 2);
        Fx.waitUntil(() -> robot.lookup("#rules-chart").tryQuery().isPresent());
        BarChart<String, Number> rules = robot.lookup("#rules-chart").query();
        assertThat(rules.getData()).extracting(XYChart.Series::getName)
                .containsExactly("Placed while it applied", "Blocked", "Overridden", "Broken offline");
        assertThat(rules.getData()).extracting(s -> s.getData().get(0).getYValue().longValue())
                .containsExactly(3L, 1L, 1L, 1L);
        assertThat(text(robot, "#rules-status")).isEqualTo("1 rules · 1 attempts blocked · 1 overridden · 1 offline breaches");

        select(robot, 3);
        Fx.waitUntil(() -> robot.lookup("#rates-contact").tryQuery().isPresent());
        LineChart<Number, Number> contact = robot.lookup("#rates-contact").query();
        assertThat(contact.getData()).extracting(XYChart.Series::getName).containsExactly("Orders");
        assertThat(text(robot, "#rates-status")).startsWith("5 outbound calls · 0.0% reached someone");

        select(robot, 4);
        Fx.waitUntil(() -> !robot.lookup("#audit-table").queryTableView().getItems().isEmpty());
        robot.clickOn("#audit-text").write("override");
        robot.clickOn("#audit-search");
        Fx.waitUntil(() -> robot.lookup("#audit-table").queryTableView().getItems().size() == 1);
        AuditEntryJson entry = (AuditEntryJson) robot.lookup("#audit-table").queryTableView().getItems().get(0);
        assertThat(entry.actorName()).isEqualTo("Sky Supervisor");
        assertThat(entry.detail()).contains("She asked us to ring back before six");
    }

    @Test
    void aPeriodBackToFrontIsRefusedOnTheSpot(FxRobot robot) throws Exception {
        select(robot, 2);
        Fx.waitUntil(() -> robot.lookup("#rules-chart").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#rules-first").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(NOW.atZone(ZoneOffset.UTC).toLocalDate().plusDays(3)));
        robot.clickOn("#rules-show");
        assertThat(text(robot, "#rules-status")).isEqualTo("The first day must not be after the last day.");
    }

    private DialRequest ask(int minutes) {
        return new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS, null, null,
                NOW.plus(Duration.ofMinutes(minutes)));
    }

    private static void select(FxRobot robot, int tab) {
        robot.interact(() -> robot.lookup("#supervision").queryAs(TabPane.class).getSelectionModel().select(tab));
    }

    @SuppressWarnings("unchecked")
    private static TableView<FlaggedCallJson> flagged(FxRobot robot) {
        return robot.lookup("#flagged-table").<FlaggedCallJson>queryTableView();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
