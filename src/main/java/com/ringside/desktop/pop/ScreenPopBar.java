package com.ringside.desktop.pop;

import com.ringside.cache.SearchHit;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import com.ringside.identity.PhoneNormalizer;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bar above the customer that says who is calling: the caller's name, a pick list when a number is shared, near
 * matches for a new caller, and the calls waiting while the agent is with someone else.
 */
public final class ScreenPopBar {
    private static final double CHOICE_HEIGHT = 30;
    private static final int MAX_CHOICES_IN_SIGHT = 6;
    private static final DateTimeFormatter BORN = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final ScreenPopModel model;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label detail = new Label();
    private final ListView<Choice> choices = new ListView<>();
    private final Label waiting = new Label();
    private final Button showWaiting = new Button(Messages.get("pop.showWaiting"), Icons.of("mdi2p-phone-incoming"));
    private final Button dismiss = new Button(Messages.get("pop.dismiss"), Icons.of("mdi2c-close"));
    private final TextField givenName = new TextField();
    private final TextField familyName = new TextField();
    private final Button create = new Button(Messages.get("pop.create"), Icons.of("mdi2a-account-plus-outline"));
    private final Label createProblem = new Label();
    private final HBox newCaller;

    /** One line of the pick list: a customer and what tells them apart from the others. */
    record Choice(UUID customerId, String name, String tellsApart) {
    }

    public ScreenPopBar(ScreenPopModel model) {
        this.model = model;
        root.setId("pop-bar");
        root.getStyleClass().add("pop-bar");
        title.setId("pop-title");
        title.getStyleClass().add("pop-title");
        title.setGraphic(Icons.of("mdi2p-phone-ring-outline", "pop-icon"));
        detail.setId("pop-detail");
        detail.setWrapText(true);
        choices.setId("pop-choices");
        choices.setFixedCellSize(CHOICE_HEIGHT);
        choices.setMinHeight(Region.USE_PREF_SIZE);
        choices.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.name() + (choice.tellsApart().isEmpty() ? ""
                        : "  ·  " + choice.tellsApart()));
            }
        });
        choices.setOnMouseClicked(event -> pick());
        choices.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                pick();
            }
        });
        waiting.setId("pop-waiting");
        waiting.getStyleClass().add("muted");
        showWaiting.setId("pop-show-waiting");
        showWaiting.setOnAction(event -> {
            if (!model.waiting().isEmpty()) {
                model.show(model.waiting().get(0));
            }
        });
        dismiss.setId("pop-dismiss");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(event -> model.dismiss());
        givenName.setId("pop-given");
        givenName.setPromptText(Messages.get("pop.givenName"));
        familyName.setId("pop-family");
        familyName.setPromptText(Messages.get("pop.familyName"));
        create.setId("pop-create");
        create.setDefaultButton(false);
        create.setOnAction(event -> createCaller());
        familyName.setOnAction(event -> createCaller());
        createProblem.setId("pop-create-problem");
        createProblem.getStyleClass().add("error-text");
        createProblem.setWrapText(true);
        Label createLabel = new Label(Messages.get("pop.createLabel"));
        newCaller = new HBox(8, createLabel, givenName, familyName, create, createProblem);
        newCaller.setId("pop-new-caller");
        newCaller.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, title, spacer, waiting, showWaiting, dismiss);
        head.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().setAll(head, detail, choices, newCaller);
        model.shownProperty().addListener((observable, before, call) -> render());
        model.waiting().addListener((ListChangeListener<IncomingCall>) change -> render());
        render();
    }

    public Node node() {
        return root;
    }

    private void pick() {
        Choice choice = choices.getSelectionModel().getSelectedItem();
        IncomingCall call = model.shownProperty().get();
        if (choice != null && call != null) {
            model.choose(call, choice.customerId(), choice.name());
            render();
        }
    }

    private void createCaller() {
        IncomingCall call = model.shownProperty().get();
        if (call == null) {
            return;
        }
        if (givenName.getText().isBlank() && familyName.getText().isBlank()) {
            createProblem.setText(Messages.get("pop.nameFirst"));
            givenName.requestFocus();
            return;
        }
        create.setDisable(true);
        createProblem.setText("");
        model.create(call, givenName.getText(), familyName.getText(), problem -> {
            create.setDisable(false);
            createProblem.setText(problem);
        });
    }

    private void render() {
        IncomingCall call = model.shownProperty().get();
        int queued = model.waiting().size();
        boolean visible = call != null || queued > 0;
        root.setVisible(visible);
        root.setManaged(visible);
        waiting.setText(queued == 0 ? "" : Messages.get(queued == 1 ? "pop.oneWaiting" : "pop.manyWaiting", queued));
        showWaiting.setVisible(queued > 0);
        showWaiting.setManaged(queued > 0);
        dismiss.setVisible(call != null);
        dismiss.setManaged(call != null);
        if (call == null) {
            IncomingCall next = queued > 0 ? model.waiting().get(0) : null;
            title.setText(next == null ? "" : Messages.get("pop.waitingTitle", caller(next)));
            detail.setText(next == null ? "" : who(next));
            showChoices(List.of());
            showNewCaller(false);
            return;
        }
        title.setText(Messages.get(call.fromLink() ? "pop.linkTitle" : "pop.title", caller(call)));
        detail.setText(who(call));
        List<Choice> lines = new ArrayList<>();
        if (call.matches().size() > 1 && call.chosen() == null) {
            call.matches().forEach(customer -> lines.add(new Choice(customer.id(), customer.displayName(), tellsApart(customer))));
        } else if (call.matches().isEmpty()) {
            for (SearchHit hit : call.nearMatches()) {
                lines.add(new Choice(hit.customerId(), hit.displayName(), String.join(", ",
                        hit.numbers().stream().map(PhoneNormalizer::display).toList())));
            }
        }
        showChoices(lines);
        showNewCaller(call.number() != null && call.matches().isEmpty() && call.chosen() == null);
    }

    private void showNewCaller(boolean show) {
        if (show && !newCaller.isVisible()) {
            givenName.clear();
            familyName.clear();
            createProblem.setText("");
            create.setDisable(false);
        }
        newCaller.setVisible(show);
        newCaller.setManaged(show);
    }

    private void showChoices(List<Choice> lines) {
        choices.getItems().setAll(lines);
        // Every choice in sight, up to a household's worth; more than that scrolls.
        choices.setPrefHeight(Math.min(lines.size(), MAX_CHOICES_IN_SIGHT) * CHOICE_HEIGHT + 4);
        choices.setVisible(!lines.isEmpty());
        choices.setManaged(!lines.isEmpty());
    }

    private static String caller(IncomingCall call) {
        if (call.number() != null) {
            return PhoneNormalizer.display(call.number());
        }
        return call.reported().isEmpty() ? Messages.get("pop.withheld") : call.reported();
    }

    private static String who(IncomingCall call) {
        if (call.number() == null) {
            return Messages.get(call.reported().isEmpty() ? "pop.noNumber" : "pop.notANumber");
        }
        if (call.chosen() != null) {
            return call.chosenName() == null ? Messages.get("pop.chosen") : call.chosenName();
        }
        if (call.matches().size() > 1) {
            return Messages.get("pop.household", call.matches().size());
        }
        if (call.fromLink()) {
            return Messages.get(call.nearMatches().isEmpty() ? "pop.nobody" : "pop.nobodyNear");
        }
        return Messages.get(call.nearMatches().isEmpty() ? "pop.newCaller" : "pop.newCallerNear");
    }

    /** Birth date, then lines of business: what an agent asks to tell members of a household apart. */
    private static String tellsApart(Customer customer) {
        List<String> parts = new ArrayList<>();
        if (customer.birthDate() != null) {
            parts.add(Messages.get("pop.born", BORN.format(customer.birthDate())));
        }
        customer.accounts().stream().map(Account::lineOfBusiness).distinct().map(Labels::of).forEach(parts::add);
        return String.join(" · ", parts);
    }
}
