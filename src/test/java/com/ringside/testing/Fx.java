package com.ringside.testing;

import com.ringside.desktop.DeskSession;
import com.ringside.desktop.shell.MainWindow;
import com.ringside.desktop.support.FxBackground;
import com.ringside.desktop.support.Theme;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What UI tests share: the desk in a stage the size of the headless screen, and waiting for it. */
public final class Fx {
    private Fx() {
    }

    /** Shows the themed desk window on {@code stage}; attaches it to {@code session} when one is given. */
    public static MainWindow showDesk(Stage stage, DeskSession session) {
        Theme theme = new Theme(Preferences.userRoot().node("ringside-tests"));
        theme.apply();
        MainWindow window = new MainWindow(new FxBackground(), theme);
        show(stage, window.root());
        if (session != null) {
            window.attach(session);
        }
        return window;
    }

    /** Shows {@code root} with the app's stylesheet, sized to Monocle's 1280×800 headless screen. */
    public static void show(Stage stage, Parent root) {
        new Theme(Preferences.userRoot().node("ringside-tests")).apply();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Waits until {@code condition} holds, asking it on the FX thread: a lookup from the test thread can meet a node
     * that is in its parent's children but not yet in the scene.
     */
    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
