package com.ringside.desktop;

import com.ringside.cache.DataDirectory;
import com.ringside.cti.TelLinkDialer;
import com.ringside.desktop.support.Labels;
import com.ringside.domain.Checks;
import com.ringside.domain.UserRole;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import com.ringside.desktop.shell.MainWindow;
import com.ringside.desktop.support.FxBackground;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.Theme;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desk window: shown at once, filled in when the cache is open. */
public final class DeskApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DeskApplication.class);

    private final FxBackground background = new FxBackground();
    private DeskSession session;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> LOG.error("Uncaught on {}", thread.getName(), error));
        Path dataDirectory = DataDirectory.resolve(flag(getParameters().getRaw(), "--data-dir"));
        Theme theme = new Theme(Preferences.userNodeForPackage(DeskApplication.class));
        theme.apply();
        MainWindow window = new MainWindow(background, theme);
        Scene scene = new Scene(window.root(), 1360, 860);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setTitle(Messages.get("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(DeskApplication.class.getResource("icons/ringside-" + size + ".png").toExternalForm()));
        }
        stage.setScene(scene);
        stage.show();
        LOG.info("Window shown {} ms after JVM start", sinceJvmStart());
        window.open(dataDirectory, Clock.systemDefaultZone(), user(getParameters().getRaw()), new TelLinkDialer(), opened -> {
            session = opened;
            LOG.info("Desk interactive {} ms after JVM start (cache {})", sinceJvmStart(), opened.cacheFile());
        });
    }

    @Override
    public void stop() {
        background.close();
        if (session != null) {
            session.close();
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * The demo agent, with the role from --role (agent by default). Until the desk signs in to a master this is a
     * local convenience, not a security boundary: the master will check roles on every request.
     */
    private static DeskUser user(List<String> args) {
        String role = flag(args, "--role");
        UserRole chosen = role == null ? UserRole.AGENT : Checks.parseEnum("--role", UserRole.class, role);
        return new DeskUser(UUID.nameUUIDFromBytes("ringside-demo-desk-user".getBytes(StandardCharsets.UTF_8)),
                "Demo " + Labels.of(chosen).toLowerCase(Locale.ROOT), chosen);
    }

    private static String flag(List<String> args, String name) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : null;
    }
}
