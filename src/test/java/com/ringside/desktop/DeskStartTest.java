package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import com.ringside.domain.UserRole;
import com.ringside.testing.Fx;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Start-up as the agent sees it when the cache is not something Ringside can use. */
@ExtendWith(ApplicationExtension.class)
class DeskStartTest {
    @TempDir
    Path dataDir;
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = Fx.showDesk(stage, null);
    }

    @Test
    void aForeignFileWhereTheCacheShouldBeIsExplainedAndKept(FxRobot robot) throws Exception {
        Path cache = Files.writeString(dataDir.resolve("cache.db"), "quarterly figures, not a cache");

        robot.interact(() -> window.open(dataDir, Clock.systemUTC(), new DeskUser(UUID.randomUUID(), "Sam", UserRole.AGENT), number -> { }, session -> { }));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#center-message").queryAs(Label.class)
                .getText().contains("is not a Ringside cache"));
        assertThat(robot.lookup("#center-message").queryAs(Label.class).getText()).contains("left untouched");
        assertThat(robot.lookup("#status-connection").queryAs(Label.class).getText())
                .isEqualTo("The local cache could not be opened");
        assertThat(robot.lookup("#search").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(Files.readString(cache)).isEqualTo("quarterly figures, not a cache");
    }
}
