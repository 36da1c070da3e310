package com.ringside.desktop;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.shell.MainWindow;
import com.ringside.desktop.signin.DeskConnector;
import com.ringside.desktop.support.FxBackground;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.testing.Fx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Signing in to a real master on loopback, as the agent does it, and what the desk shows when the master goes. */
@ExtendWith(ApplicationExtension.class)
class SignInTest {
    @TempDir
    Path dir;
    private JdbcMasterStore master;
    private MasterServer server;
    private URI address;
    private MainWindow window;
    private final AtomicReference<DeskSession> opened = new AtomicReference<>();
    private DeskConnector connector;

    @BeforeEach
    void startMaster() {
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterServer(master, Clock.systemUTC(), Duration.ofHours(1));
        address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        master.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").build(), Clock.systemUTC().instant());
    }

    @Start
    void start(Stage stage) {
        window = Fx.showDesk(stage, null);
    }

    @AfterEach
    void stop() {
        if (opened.get() != null) {
            opened.get().close();
        }
        server.close();
        master.close();
    }

    @Test
    void aWrongPasswordIsSaidPlainlyThenTheDeskSyncsAndGoesOfflineWhenTheMasterStops(FxRobot robot) throws Exception {
        robot.interact(() -> {
            connector = new DeskConnector(window, new FxBackground(), Clock.systemUTC(), number -> { }, opened::set);
            connector.begin(dir.resolve("desk"), address, null, "sam");
        });
        Fx.waitUntil(() -> robot.lookup("#signin-password").tryQuery().isPresent());
        assertThat(robot.lookup("#signin-brand .label").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the sign-in says whose window this is").contains("Ringside");
        robot.clickOn("#signin-password").write("not-the-password").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> robot.lookup("#signin-problem").queryAs(Label.class).getText().contains("wrong"));

        robot.interact(() -> robot.lookup("#signin-password").queryAs(PasswordField.class).clear());
        robot.clickOn("#signin-password").write("sam-password").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> opened.get() != null);
        Fx.waitUntil(() -> robot.lookup("#status-connection").queryAs(Label.class).getText().startsWith("Online · synced"));
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).isEqualTo("Signed in as Sam Agent");
        assertThat(robot.lookup("#open-supervision").queryButton().isVisible()).as("an agent has no console").isFalse();

        robot.clickOn("#search").write("ruiz");
        Fx.waitUntil(() -> robot.lookup("#search-results").queryAs(ListView.class).getItems().size() == 1);

        server.close();
        opened.get().link().orElseThrow().engine().wake();
        Fx.waitUntil(() -> robot.lookup("#status-connection").queryAs(Label.class).getText().startsWith("Offline"));
    }

    @Test
    void aSupervisorsDeskOpensTheSupervisionConsoleFromTheMaster(FxRobot robot) throws Exception {
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "sky-password".toCharArray());
        robot.interact(() -> {
            connector = new DeskConnector(window, new FxBackground(), Clock.systemUTC(), number -> { }, opened::set);
            connector.begin(dir.resolve("desk"), address, null, "sky");
        });
        Fx.waitUntil(() -> robot.lookup("#signin-password").tryQuery().isPresent());
        robot.clickOn("#signin-password").write("sky-password").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil(() -> opened.get() != null && robot.lookup("#open-supervision").queryButton().isVisible());
        robot.clickOn("#open-supervision");
        Fx.waitUntil(() -> robot.lookup("#flagged-status").tryQuery()
                .map(node -> ((Label) node).getText().equals("No flagged calls match.")).orElse(false));
    }
}
