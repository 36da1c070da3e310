package com.ringside.desktop;

import java.util.List;
import javafx.application.Application;

/** Starts the JavaFX desk from a plain main method (the runnable jar's entry point is not an Application). */
public final class DeskLauncher {
    private DeskLauncher() {
    }

    /** Opens the desk; {@code embeddedMaster} runs the master on this computer when no --server is given. */
    public static void launch(List<String> args, EmbeddedMasterStarter embeddedMaster) {
        DeskApplication.embeddedMaster = embeddedMaster;
        Application.launch(DeskApplication.class, args.toArray(String[]::new));
    }
}
