package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Messages;
import com.ringside.wire.WireRecords.AuditEntryJson;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The master's audit trail, newest first, searched by action, subject, detail or who did it. */
final class AuditPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);
    private final SupervisionService service;
    private final Background background;
    private final Clock clock;
    private final TextField text = new TextField();
    private final Button search = new Button(Messages.get("audit.search"), Icons.of("mdi2m-magnify"));
    private final TableView<AuditEntryJson> table = new TableView<>();
    private final Label status = new Label();
    private final VBox root;

    AuditPane(SupervisionService service, Background background, Clock clock) {
        this.service = service;
        this.background = background;
        this.clock = clock;
        text.setId("audit-text");
        text.setPromptText(Messages.get("audit.prompt"));
        text.setOnAction(event -> load());
        HBox.setHgrow(text, Priority.ALWAYS);
        search.setId("audit-search");
        search.getStyleClass().add("accent");
        search.setOnAction(event -> load());
        HBox bar = new HBox(8, text, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        status.setId("audit-status");
        status.getStyleClass().add("text-muted");
        table.setId("audit-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(FullText.column("audit.seq", 60, e -> Long.toString(e.seq())),
                FullText.column("audit.when", 150, e -> WHEN.format(Instant.parse(e.at()).atZone(clock.getZone()))),
                FullText.column("audit.who", 130, e -> e.actor() == null ? Messages.get("audit.commandLine")
                        : e.actorName() == null ? e.actor() : e.actorName()),
                FullText.column("audit.action", 110, AuditEntryJson::action),
                FullText.column("audit.subject", 260, AuditEntryJson::subject),
                FullText.column("audit.detail", 380, AuditEntryJson::detail)));
        table.setPlaceholder(new Label(Messages.get("audit.none")));
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, bar, status, table);
        root.getStyleClass().add("report-tab");
        root.setId("audit");
    }

    Node root() {
        return root;
    }

    void load() {
        String asked = text.getText().strip();
        search.setDisable(true);
        status.setText(Messages.get("report.loading"));
        background.run(() -> service.audit(asked), entries -> {
            search.setDisable(false);
            table.getItems().setAll(entries);
            status.setText(entries.size() == SupervisionService.LIST_LIMIT
                    ? Messages.get("audit.capped", entries.size()) : Messages.get("audit.count", entries.size()));
        }, failure -> {
            search.setDisable(false);
            status.setText(failure.getMessage());
        });
    }

}
