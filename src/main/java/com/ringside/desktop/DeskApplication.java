package com.ringside.desktop;

import com.ringside.cache.DataDirectory;
import com.ringside.cti.BaresipTelephony;
import com.ringside.cti.CallEvent;
import com.ringside.cti.DeskEndpoint;
import com.ringside.cti.Dialer;
import com.ringside.cti.TelLinkDialer;
import com.ringside.cti.Telephony;
import com.ringside.desktop.shell.MainWindow;
import com.ringside.desktop.signin.DeskConnector;
import com.ringside.desktop.support.FxBackground;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.Theme;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desk window: shown at once, then signed in to its master and filled in as the cache syncs. */
public final class DeskApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DeskApplication.class);
    /** Set by {@link DeskLauncher}: JavaFX makes the application itself, so it cannot be passed in. */
    static volatile EmbeddedMasterStarter embeddedMaster;

    private final FxBackground background = new FxBackground();
    private DeskConnector connector;
    private DeskSession session;
    private Telephony telephony;
    private volatile ScreenPopUrl popUrl;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> LOG.error("Uncaught on {}", thread.getName(), error));
        List<String> args = getParameters().getRaw();
        Path dataDirectory = DataDirectory.resolve(flag(args, "--data-dir"));
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
        listenForPops(dataDirectory, args, window);
        Dialer dialer = telephony(args);
        connector = new DeskConnector(window, background, Clock.systemDefaultZone(), dialer, opened -> {
            session = opened;
            if (dialer instanceof Telephony phone) {
                phone.start(window::acceptCall);
            }
            LOG.info("Desk interactive {} ms after JVM start (cache {})", sinceJvmStart(), opened.cacheFile());
        });
        String server = flag(args, "--server");
        String role = flag(args, "--role");
        connector.begin(dataDirectory, server == null ? null : URI.create(server), embeddedMaster,
                role == null ? "agent" : role.toLowerCase(Locale.ROOT));
    }

    /**
     * Opens the screen-pop URL off the FX thread, then plays what this start was asked to show: {@code --open NUMBER}
     * (a tel: link) or {@code --ring NUMBER} (a call reported by {@code ringside pop}). Both wait for the sign-in.
     */
    private void listenForPops(Path dataDirectory, List<String> args, MainWindow window) {
        String port = flag(args, "--pop-port");
        int preferred = port == null ? DeskEndpoint.DEFAULT_PORT : Integer.parseInt(port);
        background.run(() -> ScreenPopUrl.start(dataDirectory, preferred, window, Clock.systemUTC()),
                started -> popUrl = started,
                failure -> LOG.error("The screen-pop URL could not be opened; calls still pop from the softphone",
                        failure));
        String open = flag(args, "--open");
        if (open != null) {
            window.openNumber(open);
        }
        String ring = flag(args, "--ring");
        if (ring != null) {
            window.acceptCall(new CallEvent("ring-" + UUID.randomUUID(), CallEvent.CallState.RINGING, true, ring,
                    "command line", Instant.now(), ""));
        }
    }

    /**
     * The telephony from the command line: {@code --baresip HOST:PORT} (its ctrl_tcp) with an optional
     * {@code --dial-uri sip:{number}@pbx}, else the system's tel: handler.
     */
    private Dialer telephony(List<String> args) {
        String baresip = flag(args, "--baresip");
        if (baresip == null) {
            return new TelLinkDialer();
        }
        int colon = baresip.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("--baresip takes HOST:PORT of baresip's ctrl_tcp, e.g. 127.0.0.1:4444");
        }
        String dialUri = flag(args, "--dial-uri");
        telephony = new BaresipTelephony(new InetSocketAddress(baresip.substring(0, colon),
                Integer.parseInt(baresip.substring(colon + 1))), dialUri == null ? "{number}" : dialUri,
                Clock.systemDefaultZone());
        return telephony;
    }

    @Override
    public void stop() {
        if (telephony != null) {
            telephony.close();
        }
        if (popUrl != null) {
            popUrl.close();
        }
        background.close();
        if (session != null) {
            session.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static String flag(List<String> args, String name) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : null;
    }
}
