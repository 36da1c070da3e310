package com.ringside.desktop;

import java.util.List;
import javafx.application.Application;

/** Starts the JavaFX desk from a plain main method (the runnable jar's entry point is not an Application). */
public final class DeskLauncher {
    private DeskLauncher() {
    }

    public static void launch(List<String> args) {
        Application.launch(DeskApplication.class, args.toArray(String[]::new));
    }
}
