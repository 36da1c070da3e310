package com.ringside.desktop.shell;

import com.ringside.desktop.DeskSession;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Messages;
import java.text.NumberFormat;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the bottom: where the data comes from and how much of it there is. */
final class StatusBar {
    private final HBox root = new HBox(18);
    private final Label connection = new Label(Messages.get("status.opening"));
    private final Label customers = new Label();
    private final Label cache = new Label();

    StatusBar() {
        root.setId("status-bar");
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        connection.setId("status-connection");
        connection.setGraphic(Icons.of("mdi2d-database-clock-outline"));
        customers.setId("status-customers");
        customers.setGraphic(Icons.of("mdi2a-account-multiple-outline"));
        cache.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(connection, customers, spacer, cache);
    }

    Node node() {
        return root;
    }

    void show(DeskSession session, Background background) {
        connection.setText(Messages.get("status.localOnly"));
        connection.setGraphic(Icons.of("mdi2c-cloud-off-outline", "offline"));
        cache.setText(Messages.get("status.cache", session.cacheFile()));
        background.run(() -> session.customers().count(),
                count -> customers.setText(Messages.get("status.customers", NumberFormat.getIntegerInstance().format(count))),
                failure -> customers.setText(""));
    }

    void showFailure() {
        connection.setText(Messages.get("status.failed"));
        connection.setGraphic(Icons.of("mdi2a-alert-circle-outline", "danger"));
    }
}
