package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.LineOfBusiness;
import com.ringside.wire.WireRecords.FlaggedCallJson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Offline calls the master found in breach, and calls made despite a rule: filtered, with the customer one click
 * away, each signed off once with a comment.
 */
final class FlaggedCallsPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final List<String> KINDS = List.of("", "VIOLATION", "OVERRIDE");
    private static final List<String> STATES = List.of("false", "true", "");

    private final SupervisionService service;
    private final Background background;
    private final Clock clock;
    private final Consumer<UUID> openCustomer;
    private final ComboBox<String> kind = combo("flagged-kind", KINDS, "flagged.kind.");
    private final ComboBox<String> state = combo("flagged-state", STATES, "flagged.state.");
    private final ComboBox<String> line = combo("flagged-line", lines(), "flagged.line.");
    private final DatePicker first = new DatePicker();
    private final DatePicker last = new DatePicker();
    private final TextField text = new TextField();
    private final Button show = new Button(Messages.get("report.show"), Icons.of("mdi2r-refresh"));
    private final TableView<FlaggedCallJson> table = new TableView<>();
    private final Label status = new Label();
    private final Label detail = new Label();
    private final TextArea comment = new TextArea();
    private final Button acknowledge = new Button(Messages.get("flagged.acknowledge"), Icons.of("mdi2c-check-decagram"));
    private final Button open = new Button(Messages.get("flagged.openCustomer"), Icons.of("mdi2a-account-arrow-right"));
    private final VBox root;

    FlaggedCallsPane(SupervisionService service, Background background, Clock clock, Consumer<UUID> openCustomer) {
        this.service = service;
        this.background = background;
        this.clock = clock;
        this.openCustomer = openCustomer;
        first.setValue(LocalDate.now(clock).minusDays(ReportTab.DEFAULT_DAYS - 1));
        last.setValue(LocalDate.now(clock));
        first.setPrefWidth(140);
        last.setPrefWidth(140);
        text.setId("flagged-text");
        text.setPromptText(Messages.get("flagged.textPrompt"));
        text.setOnAction(event -> load());
        HBox.setHgrow(text, Priority.ALWAYS);
        show.setId("flagged-show");
        show.getStyleClass().add("accent");
        show.setOnAction(event -> load());
        HBox filters = new HBox(8, kind, state, line, new Label(Messages.get("report.from")), first,
                new Label(Messages.get("report.to")), last, text, show);
        filters.setAlignment(Pos.CENTER_LEFT);
        status.setId("flagged-status");
        status.getStyleClass().add("text-muted");
        buildTable();
        VBox side = side();
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, table, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(10, filters, status, body);
        root.getStyleClass().add("report-tab");
        root.setId("flagged-calls");
    }

    Node root() {
        return root;
    }

    void load() {
        load("");
    }

    /** Lists the calls the filters select; {@code done} (what was just done, or "") leads the summary. */
    private void load(String done) {
        if (first.getValue() != null && last.getValue() != null && first.getValue().isAfter(last.getValue())) {
            status.setText(Messages.get("flagged.badDates"));
            return;
        }
        Map<String, String> filters = new HashMap<>();
        filters.put("kind", kind.getValue());
        filters.put("acknowledged", state.getValue());
        filters.put("line", line.getValue());
        filters.put("text", text.getText());
        if (first.getValue() != null) {
            filters.put("from", first.getValue().atStartOfDay(clock.getZone()).toInstant().toString());
        }
        if (last.getValue() != null) {
            filters.put("to", last.getValue().plusDays(1).atStartOfDay(clock.getZone()).toInstant().toString());
        }
        filters.put("limit", Integer.toString(SupervisionService.LIST_LIMIT));
        show.setDisable(true);
        status.setText(Messages.get("report.loading"));
        String selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().eventId();
        background.run(() -> service.flaggedCalls(filters), calls -> {
            show.setDisable(false);
            table.getItems().setAll(calls);
            long open = calls.stream().filter(c -> c.acknowledgedAt() == null).count();
            status.setText(done + (calls.isEmpty() ? Messages.get("flagged.none")
                    : Messages.get("flagged.summary", calls.size(), open, calls.size() == SupervisionService.LIST_LIMIT
                    ? Messages.get("flagged.capped", SupervisionService.LIST_LIMIT) : "")));
            calls.stream().filter(c -> c.eventId().equals(selected)).findFirst()
                    .ifPresent(c -> table.getSelectionModel().select(c));
        }, failure -> {
            show.setDisable(false);
            status.setText(failure.getMessage());
        });
    }

    private void buildTable() {
        table.setId("flagged-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("flagged.when", 155, c -> WHEN.format(Instant.parse(c.occurredAt()).atZone(clock.getZone()))),
                column("flagged.what", 120, c -> Messages.get("flagged.kind." + c.kind())),
                column("flagged.customer", 140, FlaggedCallJson::customerName),
                column("flagged.agent", 120, FlaggedCallJson::agentName),
                column("flagged.line", 100, c -> c.lineOfBusiness() == null ? ""
                        : Labels.of(LineOfBusiness.valueOf(c.lineOfBusiness()))),
                column("flagged.rules", 150, c -> String.join(", ", c.rules())),
                column("flagged.status", 150, c -> c.acknowledgedAt() == null ? Messages.get("flagged.open")
                        : Messages.get("flagged.signedBy", c.acknowledgedBy()))));
        table.setPlaceholder(new Label(Messages.get("flagged.none")));
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, call) -> select(call));
    }

    private VBox side() {
        detail.setId("flagged-detail");
        detail.setWrapText(true);
        detail.setText(Messages.get("flagged.pick"));
        comment.setId("flagged-comment");
        comment.setPromptText(Messages.get("flagged.commentPrompt"));
        comment.setWrapText(true);
        comment.setPrefRowCount(4);
        acknowledge.setId("flagged-acknowledge");
        acknowledge.getStyleClass().add("accent");
        open.setId("flagged-open");
        acknowledge.setOnAction(event -> acknowledgeSelected());
        open.setOnAction(event -> {
            FlaggedCallJson call = table.getSelectionModel().getSelectedItem();
            if (call != null) {
                openCustomer.accept(UUID.fromString(call.customerId()));
            }
        });
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        rebindAcknowledge();
        HBox actions = new HBox(8, open, acknowledge);
        VBox side = new VBox(10, detail, comment, actions);
        side.setPrefWidth(330);
        side.setMinWidth(300);
        side.getStyleClass().add("flagged-side");
        return side;
    }

    private void select(FlaggedCallJson call) {
        if (call == null) {
            detail.setText(Messages.get("flagged.pick"));
            comment.setEditable(false);
            return;
        }
        String when = WHEN.format(Instant.parse(call.occurredAt()).atZone(clock.getZone()));
        String reason = Messages.get(call.kind().equals("OVERRIDE") ? "flagged.overrideDetail" : "flagged.violationDetail",
                call.agentName().isEmpty() ? Messages.get("flagged.someone") : call.agentName(), call.customerName(), when,
                call.reason(), call.rules().isEmpty() ? Messages.get("flagged.aRule") : String.join("\u201d, \u201c", call.rules()));
        if (call.acknowledgedAt() != null) {
            reason += "\n\n" + Messages.get("flagged.signedDetail", call.acknowledgedBy(),
                    WHEN.format(Instant.parse(call.acknowledgedAt()).atZone(clock.getZone())), call.acknowledgement());
        }
        detail.setText(reason);
        comment.setEditable(call.acknowledgedAt() == null);
        comment.clear();
    }

    private void acknowledgeSelected() {
        FlaggedCallJson call = table.getSelectionModel().getSelectedItem();
        String words = comment.getText().strip();
        acknowledge.disableProperty().unbind();
        acknowledge.setDisable(true);
        background.run(() -> {
            service.acknowledge(call.eventId(), words);
            return call;
        }, done -> {
            rebindAcknowledge();
            load(Messages.get("flagged.acknowledged", call.customerName()) + " ");
        }, failure -> {
            rebindAcknowledge();
            status.setText(failure.getMessage());
        });
    }

    private void rebindAcknowledge() {
        acknowledge.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            FlaggedCallJson call = table.getSelectionModel().getSelectedItem();
            return call == null || call.acknowledgedAt() != null || comment.getText().isBlank();
        }, table.getSelectionModel().selectedItemProperty(), comment.textProperty()));
    }

    private static List<String> lines() {
        List<String> lines = new java.util.ArrayList<>(List.of(""));
        for (LineOfBusiness value : LineOfBusiness.values()) {
            lines.add(value.name());
        }
        return lines;
    }

    private static ComboBox<String> combo(String id, List<String> values, String prefix) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId(id);
        combo.getItems().setAll(values);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                if (value == null) {
                    return "";
                }
                if (prefix.equals("flagged.line.") && !value.isEmpty()) {
                    return Labels.of(LineOfBusiness.valueOf(value));
                }
                return Messages.get(prefix + (value.isEmpty() ? "any" : value));
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        combo.getSelectionModel().selectFirst();
        return combo;
    }

    private static TableColumn<FlaggedCallJson, String> column(String key, double width,
                                                               Function<FlaggedCallJson, String> value) {
        TableColumn<FlaggedCallJson, String> column = FullText.column(key, width, value);
        column.setMinWidth(width * 0.8);
        return column;
    }
}
