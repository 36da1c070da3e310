package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.desktop.merges.DuplicatesService;
import com.ringside.desktop.merges.DuplicatesWindow;
import com.ringside.desktop.sources.DataQualityWindow;
import com.ringside.desktop.support.FxBackground;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.UserRole;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.server.TestMasters.Backend;
import com.ringside.sync.MasterClient;
import com.ringside.testing.Fx;
import com.ringside.wire.WireRecords.SourceQualityJson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A supervisor sees a possible duplicate side by side at a real master, merges it, and undoes the merge. */
@ExtendWith(ApplicationExtension.class)
class DuplicatesWindowTest {
    private static final Path SHIPPED = Path.of("assets/ingest");

    @TempDir
    Path dir;
    JdbcMasterStore master;
    MasterServer server;
    URI address;
    UUID lanLoans;
    UUID lanCampaigns;

    @Start
    void start(Stage stage) {
        master = TestMasters.store(Backend.SQLITE, dir);
        Importer importer = new Importer(master.directory());
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        for (String[] file : new String[][] {{"loan_servicing", "csv"}, {"campaign_hub", "csv"}}) {
            importer.run(SourceMapping.read(SHIPPED.resolve(file[0] + ".mapping.json")),
                    SHIPPED.resolve(file[0] + "." + file[1]), now);
        }
        lanLoans = master.directory().bySourceKey(SourceSystem.of("LOAN_SERVICING"), "L-700004").orElseThrow().id();
        lanCampaigns = master.directory().bySourceKey(SourceSystem.of("CAMPAIGN_HUB"), "M-100002").orElseThrow().id();
        server = new MasterServer(master, Clock.systemUTC(), Duration.ofHours(1));
        address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "sky-password".toCharArray());
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        MasterClient supervisor = new MasterClient(address);
        supervisor.signIn("sky", "sky-password");
        Fx.show(stage, new DuplicatesWindow(new DuplicatesService(supervisor, () -> { }), new FxBackground()).root());
    }

    @AfterEach
    void close() {
        server.close();
        master.close();
    }

    @Test
    void thePairIsShownSideBySideMergedAndTheMergeUndone(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> text(robot, "#dup-summary").equals("1 possible duplicate waits for a decision"));
        assertThat(robot.lookup(".duplicate-card .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("New record", "May be", "lan.nguyen@example.com", "LOAN_SERVICING L-700004 (Personal loan)",
                        "CAMPAIGN_HUB M-100002 (Event sign-up\n(spring))")
                .anyMatch(text -> text.startsWith("Score 0.90 · CAMPAIGN_HUB campaign_hub.csv line 3"));

        robot.clickOn("#dup-merge");
        Fx.waitUntil(() -> text(robot, "#dup-summary").equals("No possible duplicates are waiting."));
        assertThat(text(robot, "#dup-message")).isEqualTo("Merged Lan Nguyen into Lan Nguyen: one customer now, with both timelines.");
        assertThat(master.customer(lanCampaigns).orElseThrow().mergedInto()).isEqualTo(lanLoans);

        robot.clickOn("#dup-undo");
        Fx.waitUntil(() -> text(robot, "#dup-message").startsWith("The merge is undone"));
        assertThat(master.customer(lanCampaigns).orElseThrow().mergedInto()).isNull();
        assertThat(master.customer(lanLoans).orElseThrow().accounts()).hasSize(1);
        assertThat(text(robot, "#dup-summary")).as("the pair was decided; undoing does not ask again")
                .isEqualTo("No possible duplicates are waiting.");
    }

    @Test
    void dataQualityShowsEachSourceSystemAndWhoChangesWhat(FxRobot robot) throws Exception {
        MasterClient supervisor = new MasterClient(address);
        supervisor.signIn("sky", "sky-password");
        robot.interact(() -> new DataQualityWindow(supervisor, new FxBackground(), ZoneOffset.UTC)
                .show(robot.listTargetWindows().get(0)));
        Fx.waitUntil(() -> robot.lookup("#quality-table").queryTableView().getItems().size() == 2);
        List<SourceQualityJson> rows = robot.lookup("#quality-table").<SourceQualityJson>queryTableView().getItems();
        SourceQualityJson campaigns = rows.stream().filter(q -> q.system().equals("CAMPAIGN_HUB")).findFirst().orElseThrow();
        assertThat(campaigns.customers()).isEqualTo(3);
        assertThat(campaigns.withoutPhone()).as("Lan Nguyen, whose number did not read").isEqualTo(1);
        assertThat(campaigns.possibleDuplicates()).isEqualTo(1);
        assertThat(campaigns.lastFile()).isEqualTo("campaign_hub.csv");
        assertThat(campaigns.lastRejected()).isEqualTo(1);
        assertThat(campaigns.lastRows()).isEqualTo(4);
        SourceQualityJson loans = rows.stream().filter(q -> q.system().equals("LOAN_SERVICING")).findFirst().orElseThrow();
        assertThat(loans.customers()).isEqualTo(4);
        assertThat(loans.stale()).isZero();
        Fx.waitUntil(() -> robot.lookup("#entity-map .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().equals("Call-frequency rule")));
    }

    @Test
    void anAgentIsRefusedByTheMaster() {
        MasterClient agent = new MasterClient(address);
        agent.signIn("sam", "sam-password");
        assertThatThrownBy(() -> new DuplicatesService(agent, () -> { }).waiting())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SUPERVISOR");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
