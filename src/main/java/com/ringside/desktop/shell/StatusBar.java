package com.ringside.desktop.shell;

import com.ringside.desktop.DeskSession;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Messages;
import com.ringside.sync.SyncStatus;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the bottom: where the data comes from and how much of it there is. */
final class StatusBar {
    private final HBox root = new HBox(18);
    private Background background;
    private boolean countPending;
    private final Label connection = new Label(Messages.get("status.opening"));
    private final Label customers = new Label();
    private final Label cache = new Label();
    private final Label outbox = new Label();
    private final Label violations = new Label();
    private final Label user = new Label();
    private final Label calls = new Label();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);

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
        outbox.setId("status-outbox");
        outbox.setGraphic(Icons.of("mdi2t-tray-full"));
        violations.setId("status-violations");
        violations.setGraphic(Icons.of("mdi2a-alert-outline", "danger"));
        user.setId("status-user");
        user.setGraphic(Icons.of("mdi2a-account-circle-outline"));
        for (Label hidden : new Label[] {outbox, violations, user}) {
            hidden.managedProperty().bind(hidden.visibleProperty());
            hidden.setVisible(false);
        }
        calls.setId("status-calls");
        calls.setGraphic(Icons.of("mdi2p-phone-outline"));
        calls.visibleProperty().bind(calls.textProperty().isNotEmpty());
        calls.managedProperty().bind(calls.visibleProperty());
        customers.visibleProperty().bind(customers.textProperty().isNotEmpty());
        customers.managedProperty().bind(customers.visibleProperty());
        root.getChildren().addAll(connection, outbox, violations, customers, calls, spacer, user, cache);
    }

    Node node() {
        return root;
    }

    void show(DeskSession session, Background background) {
        this.background = background;
        connection.setText(Messages.get("status.localOnly"));
        connection.setGraphic(Icons.of("mdi2c-cloud-off-outline", "offline"));
        cache.setText(Messages.get("status.cache", session.cacheFile()));
        background.run(() -> session.customers().count(),
                count -> customers.setText(Messages.get("status.customers", NumberFormat.getIntegerInstance().format(count))),
                failure -> customers.setText(""));
    }

    /** Shows the latest word from the telephony: a call recorded, a flood of rings, a softphone gone. */
    void showCalls(ReadOnlyStringProperty notice) {
        calls.textProperty().bind(notice);
    }

    /** Keeps the bar in step with the sync engine: online or not, last sync, what waits, what broke a rule. */
    void follow(DeskSession session, SyncFeed feed) {
        user.setText(Messages.get("status.user", session.user().name()));
        user.setVisible(true);
        feed.statusProperty().addListener((observable, before, latest) -> show(latest, session));
        show(feed.statusProperty().get(), session);
    }

    private void show(SyncStatus latest, DeskSession session) {
        String synced = latest.lastSync() == null ? null : TIME.format(latest.lastSync().atZone(session.clock().getZone()));
        if (latest.online()) {
            connection.setText(synced == null ? Messages.get("status.onlineNever") : Messages.get("status.online", synced));
            connection.setGraphic(Icons.of("mdi2c-cloud-check-outline", "online"));
        } else {
            connection.setText(synced == null ? Messages.get("status.offlineNever") : Messages.get("status.offline", synced));
            connection.setGraphic(Icons.of("mdi2c-cloud-off-outline", "offline"));
        }
        connection.setTooltip(latest.problem() == null ? null : new javafx.scene.control.Tooltip(latest.problem()));
        outbox.setText(Messages.get("status.waiting", latest.waiting()));
        outbox.setVisible(latest.waiting() > 0);
        violations.setText(Messages.get("status.violations", latest.violations()));
        violations.setVisible(latest.violations() > 0);
        if (latest.received() > 0) {
            refreshCount(session);
        }
    }

    private void refreshCount(DeskSession session) {
        if (countPending) {
            return;
        }
        countPending = true;
        background.run(() -> session.customers().count(), count -> {
            countPending = false;
            customers.setText(Messages.get("status.customers", NumberFormat.getIntegerInstance().format(count)));
        }, failure -> countPending = false);
    }

    void showSignedOut() {
        connection.setText(Messages.get("status.signedOut"));
        connection.setGraphic(Icons.of("mdi2a-account-key-outline"));
    }

    void showFailure() {
        connection.setText(Messages.get("status.failed"));
        connection.setGraphic(Icons.of("mdi2a-alert-circle-outline", "danger"));
    }
}
