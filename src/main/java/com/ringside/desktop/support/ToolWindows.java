package com.ringside.desktop.support;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The desk's secondary windows (rules, duplicates, data quality): owned by the desk, in the desk's theme. */
public final class ToolWindows {
    private ToolWindows() {
    }

    public static Stage open(Window owner, Parent root, String title, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
