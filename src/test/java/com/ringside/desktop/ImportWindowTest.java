package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.sources.FilePicker;
import com.ringside.desktop.sources.ImportWindow;
import com.ringside.desktop.supervision.ExportTarget;
import com.ringside.desktop.support.FxBackground;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.sync.MasterClient;
import com.ringside.testing.Fx;
import com.ringside.wire.WireRecords.RejectedRowJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An administrator imports a shipped extract at a real master from the desk and reads and saves its report. */
@ExtendWith(ApplicationExtension.class)
class ImportWindowTest {
    private static final Path SHIPPED = Path.of("assets/ingest");

    @TempDir
    Path dir;
    JdbcMasterStore master;
    MasterServer server;
    URI address;
    final Deque<Path> picks = new ArrayDeque<>();
    Stage stage;

    @Start
    void start(Stage stage) {
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterServer(master, Clock.systemUTC(), Duration.ofHours(1));
        address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        server.authenticator().addUser("ada", "Ada Admin", UserRole.ADMIN, "ada-password".toCharArray());
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "sky-password".toCharArray());
        this.stage = stage;
        Fx.show(stage, window("ada", "ada-password").root());
    }

    @AfterEach
    void close() {
        server.close();
        master.close();
    }

    @Test
    void theReportShowsEveryRejectedRowAndIsSavedAndASecondImportChangesNothing(FxRobot robot) throws Exception {
        picks.add(SHIPPED.resolve("campaign_hub.mapping.json"));
        picks.add(SHIPPED.resolve("campaign_hub.csv"));
        robot.clickOn("#import-mapping");
        robot.clickOn("#import-extract");
        robot.clickOn("#import-run");
        Fx.waitUntil(() -> text(robot, "#import-status").equals("Imported campaign_hub.csv into CAMPAIGN_HUB."));
        assertThat(text(robot, "#import-figures")).isEqualTo("4 rows read · 3 created · 0 matched · 0 merged · 0 suggested · 1 rejected");
        RejectedRowJson row = robot.lookup("#import-rejected").<RejectedRowJson>queryTableView().getItems().get(0);
        assertThat(row.line()).isPositive();
        assertThat(row.reason()).isNotBlank();
        assertThat(master.directory().bySourceKey(SourceSystem.of("CAMPAIGN_HUB"), "M-100002")).isPresent();

        robot.clickOn("#import-save");
        Path saved = dir.resolve("campaign_hub.csv.report.txt");
        Fx.waitUntil(() -> Files.exists(saved));
        assertThat(Files.readString(saved)).contains("line " + row.line() + ": " + row.reason());

        long seq = master.latestSeq();
        robot.clickOn("#import-run");
        Fx.waitUntil(() -> text(robot, "#import-figures").contains("0 created"));
        assertThat(master.latestSeq()).as("importing the same file again changes nothing").isEqualTo(seq);
    }

    @Test
    void aSupervisorIsToldTheImportNeedsAnAdministrator(FxRobot robot) throws Exception {
        picks.add(SHIPPED.resolve("campaign_hub.mapping.json"));
        picks.add(SHIPPED.resolve("campaign_hub.csv"));
        robot.interact(() -> stage.getScene().setRoot(window("sky", "sky-password").root()));
        robot.clickOn("#import-mapping");
        robot.clickOn("#import-extract");
        robot.clickOn("#import-run");
        Fx.waitUntil(() -> text(robot, "#import-status").contains("ADMIN"));
        assertThat(master.directory().bySourceKey(SourceSystem.of("CAMPAIGN_HUB"), "M-100002")).isEmpty();
    }

    private ImportWindow window(String user, String password) {
        MasterClient client = new MasterClient(address);
        client.signIn(user, password);
        FilePicker fromTheTest = (owner, title, extensions) -> Optional.ofNullable(picks.poll());
        ExportTarget intoTempDir = (owner, name, extension) -> Optional.of(dir.resolve(name + "." + extension));
        return new ImportWindow(client, new FxBackground(), fromTheTest, intoTempDir);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
