package com.ringside.desktop;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/** Starts the JavaFX desk from a plain main method (the runnable jar's entry point is not an Application). */
public final class DeskLauncher {
    private DeskLauncher() {
    }

    /**
     * Opens the desk; {@code embeddedMaster} runs the master on this computer when no --server is given. Returns
     * false, having said why on {@code err}, when this computer cannot show a window.
     */
    public static boolean launch(List<String> args, EmbeddedMasterStarter embeddedMaster, PrintStream err) {
        Optional<String> problem = DisplayCheck.problem();
        if (problem.isPresent()) {
            err.println(problem.get());
            return false;
        }
        DeskApplication.embeddedMaster = embeddedMaster;
        Application.launch(DeskApplication.class, args.toArray(String[]::new));
        return true;
    }
}
