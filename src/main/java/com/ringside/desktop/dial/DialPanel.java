package com.ringside.desktop.dial;

import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Verdict;
import com.ringside.identity.PhoneNormalizer;
import java.util.Arrays;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Each number with its guard state and reasons, the call button, the override, and the wrap-up. */
public final class DialPanel {
    private final VBox root = new VBox(8);
    private final VBox numbers = new VBox(8);
    private final DialViewModel model;

    public DialPanel(DialViewModel model) {
        this.model = model;
        root.setId("dial-panel");
        root.getStyleClass().add("dial-panel");
        Label title = new Label(Messages.get("dial.title"));
        title.getStyleClass().add("section-title");

        ComboBox<LineOfBusiness> line = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(LineOfBusiness.values())));
        line.setId("dial-line");
        line.setButtonCell(new LineCell());
        line.setCellFactory(list -> new LineCell());
        line.valueProperty().bindBidirectional(model.lineProperty());
        TextField campaign = new TextField();
        campaign.setId("dial-campaign");
        campaign.setPromptText(Messages.get("dial.campaign"));
        campaign.setPrefColumnCount(10);
        campaign.textProperty().bindBidirectional(model.campaignProperty());
        HBox purpose = new HBox(8, new Label(Messages.get("dial.for")), line, campaign);
        purpose.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("dial-message");
        message.getStyleClass().add("dial-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox wrapUp = wrapUp();
        wrapUp.visibleProperty().bind(model.inCallProperty().isNotNull());
        wrapUp.managedProperty().bind(wrapUp.visibleProperty());

        // An open call's wrap-up comes first: it is what the agent must finish.
        root.getChildren().addAll(title, wrapUp, message, purpose, numbers);
        model.guards().addListener((ListChangeListener<NumberGuard>) change -> rebuild());
    }

    public Node node() {
        return root;
    }

    private void rebuild() {
        numbers.getChildren().setAll(model.guards().stream().map(this::row).toList());
    }

    private Node row(NumberGuard guard) {
        Verdict verdict = guard.decision().verdict();
        String id = guard.phone().number().digits();
        Label state = new Label(DialViewModel.state(guard.decision()));
        state.setId("guard-" + id);
        state.getStyleClass().addAll("guard", "guard-" + verdict.name().toLowerCase(Locale.ROOT));
        state.setGraphic(Icons.of(switch (verdict) {
            case ALLOW -> "mdi2c-check-circle-outline";
            case WARN -> "mdi2a-alert-outline";
            case BLOCK -> "mdi2c-cancel";
        }));
        Label number = new Label(PhoneNormalizer.display(guard.phone().number()) + "  " + Labels.of(guard.phone().type())
                + (guard.phone().optedOut() ? "  ·  " + Messages.get("card.optedOut") : ""));
        number.getStyleClass().add("dial-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        Button call = new Button(Messages.get("dial.call"), Icons.of("mdi2p-phone-outgoing"));
        call.setId("call-" + id);
        call.getStyleClass().add("accent");
        call.setMinWidth(Region.USE_PREF_SIZE);
        call.setDisable(verdict == Verdict.BLOCK || model.inCallProperty().get() != null);
        call.setOnAction(event -> model.call(guard, null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, number, spacer, call);
        head.setAlignment(Pos.CENTER_LEFT);
        state.setMinWidth(Region.USE_PREF_SIZE);
        VBox row = new VBox(5, head, state);
        row.getStyleClass().add("dial-row");
        if (!guard.decision().reasons().isEmpty()) {
            Label reasons = new Label(DialViewModel.reasons(guard.decision()));
            reasons.setId("reasons-" + id);
            reasons.getStyleClass().add("muted");
            wrap(reasons);
            row.getChildren().add(reasons);
        }
        String again = model.allowedAgain(guard.decision());
        if (!again.isEmpty()) {
            Label next = new Label(again, Icons.of("mdi2c-clock-outline"));
            next.setId("again-" + id);
            next.getStyleClass().add("allowed-again");
            wrap(next);
            row.getChildren().add(next);
        }
        if (model.canOverride(guard)) {
            TextField reason = new TextField();
            reason.setId("override-reason-" + id);
            reason.setPromptText(Messages.get("dial.overrideReason"));
            HBox.setHgrow(reason, Priority.ALWAYS);
            Button anyway = new Button(Messages.get("dial.override"));
            anyway.setId("override-" + id);
            anyway.getStyleClass().add("danger");
            anyway.setMinWidth(Region.USE_PREF_SIZE);
            anyway.disableProperty().bind(reason.textProperty().isEmpty().or(model.inCallProperty().isNotNull()));
            anyway.setOnAction(event -> model.call(guard, reason.getText()));
            row.getChildren().add(new HBox(8, reason, anyway));
        }
        return row;
    }

    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
    }

    private VBox wrapUp() {
        Label title = new Label();
        title.getStyleClass().add("wrap-up-title");
        model.inCallProperty().addListener((observable, before, pending) -> title.setText(pending == null ? ""
                : Messages.get("dial.wrapUpFor", PhoneNormalizer.display(pending.number()))));
        ComboBox<Outcome> outcome = new ComboBox<>(FXCollections.observableArrayList(Arrays.stream(Outcome.values())
                .filter(o -> o != Outcome.PENDING).toList()));
        outcome.setId("wrap-up-outcome");
        outcome.setPromptText(Messages.get("dial.outcome"));
        outcome.setButtonCell(new OutcomeCell());
        outcome.setCellFactory(list -> new OutcomeCell());
        TextArea notes = new TextArea();
        notes.setId("wrap-up-notes");
        notes.setPromptText(Messages.get("dial.notes"));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        TextField callback = new TextField();
        callback.setId("wrap-up-callback");
        callback.setPromptText(Messages.get("dial.callback"));
        Button save = new Button(Messages.get("dial.saveWrapUp"));
        save.setId("wrap-up-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(outcome.valueProperty().isNull());
        save.setOnAction(event -> model.wrapUp(outcome.getValue(), notes.getText(), callback.getText()));
        model.suggestedOutcomeProperty().addListener((observable, before, suggested) -> {
            if (suggested != null && outcome.getValue() == null) {
                outcome.setValue(suggested);
            }
        });
        model.inCallProperty().addListener((observable, before, pending) -> {
            if (pending == null) {
                outcome.setValue(null);
                notes.clear();
                callback.clear();
            }
        });
        VBox box = new VBox(6, title, outcome, notes, callback, save);
        box.getStyleClass().add("wrap-up");
        return box;
    }

    private static final class LineCell extends ListCell<LineOfBusiness> {
        @Override
        protected void updateItem(LineOfBusiness value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : Labels.of(value));
        }
    }

    private static final class OutcomeCell extends ListCell<Outcome> {
        @Override
        protected void updateItem(Outcome value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : Labels.of(value));
        }
    }

}
