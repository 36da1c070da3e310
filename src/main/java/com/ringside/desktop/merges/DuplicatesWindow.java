package com.ringside.desktop.merges;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.ToolWindows;
import com.ringside.domain.Customer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Possible duplicates side by side, for a supervisor: the new record an import made and the customer it may be,
 * with "same person" (merge, undoable) and "different people". Every request runs off the FX thread.
 */
public final class DuplicatesWindow {
    private final DuplicatesService service;
    private final Background background;
    private final VBox pairs = new VBox(14);
    private final Label summary = new Label(Messages.get("dup.loading"));
    private final Label message = new Label();
    private final Button undo = new Button(Messages.get("dup.undo"));
    private final BorderPane root;
    private String lastMerge;

    public DuplicatesWindow(DuplicatesService service, Background background) {
        this.service = service;
        this.background = background;
        summary.setId("dup-summary");
        summary.getStyleClass().add("title-3");
        message.setId("dup-message");
        message.setWrapText(true);
        undo.setId("dup-undo");
        undo.setVisible(false);
        undo.setOnAction(event -> undoLast());
        HBox status = new HBox(12, message, undo);
        status.setAlignment(Pos.CENTER_LEFT);
        status.managedProperty().bind(message.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        ScrollPane scroll = new ScrollPane(pairs);
        scroll.setFitToWidth(true);
        pairs.setPadding(new Insets(4));
        VBox top = new VBox(8, summary, status);
        root = new BorderPane(scroll, top, null, null, null);
        root.setPadding(new Insets(16));
        BorderPane.setMargin(top, new Insets(0, 0, 12, 0));
        root.setId("duplicates");
        load();
    }

    public Parent root() {
        return root;
    }

    public void show(Window owner) {
        ToolWindows.open(owner, root, Messages.get("dup.title"), 960, 640);
    }

    private void load() {
        background.run(service::waiting, this::showPairs, failure -> say(failure.getMessage()));
    }

    private void showPairs(List<DuplicatesService.Pair> waiting) {
        pairs.getChildren().setAll(waiting.stream().map(this::card).toList());
        summary.setText(waiting.isEmpty() ? Messages.get("dup.none") : Messages.get("dup.count", waiting.size()));
    }

    private Node card(DuplicatesService.Pair pair) {
        GridPane sides = new GridPane();
        sides.setHgap(24);
        sides.setVgap(6);
        sides.addRow(0, new Label(), heading(Messages.get("dup.newRecord")), heading(Messages.get("dup.mayBe")));
        String[] labels = {"dup.name", "dup.born", "dup.phones", "dup.emails", "dup.accounts"};
        List<String> left = facts(pair.newRecord());
        List<String> right = facts(pair.candidate());
        for (int i = 0; i < labels.length; i++) {
            Label what = new Label(Messages.get(labels[i]));
            what.getStyleClass().add("text-muted");
            sides.addRow(i + 1, what, fact(left.get(i), right.get(i)), fact(right.get(i), left.get(i)));
        }
        Label why = new Label(Messages.get("dup.why", String.format(Locale.ROOT, "%.2f", pair.score()), pair.source()));
        why.getStyleClass().add("text-muted");
        Button merge = new Button(Messages.get("dup.merge"));
        merge.setId("dup-merge");
        merge.getStyleClass().add("accent");
        Button apart = new Button(Messages.get("dup.apart"));
        apart.setId("dup-apart");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(10, why, grow, apart, merge);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(12, sides, actions);
        card.getStyleClass().add("duplicate-card");
        merge.setOnAction(event -> decide(card, () -> {
            lastMerge = service.merge(pair);
            return Messages.get("dup.merged", pair.newRecord().displayName(), pair.candidate().displayName());
        }, true));
        apart.setOnAction(event -> decide(card, () -> {
            service.keepApart(pair);
            return Messages.get("dup.keptApart", pair.newRecord().displayName(), pair.candidate().displayName());
        }, false));
        return card;
    }

    private void decide(VBox card, Callable<String> decision, boolean undoable) {
        card.setDisable(true);
        background.run(decision, said -> {
            pairs.getChildren().remove(card);
            say(said);
            undo.setVisible(undoable);
            summary.setText(pairs.getChildren().isEmpty() ? Messages.get("dup.none")
                    : Messages.get("dup.count", pairs.getChildren().size()));
        }, failure -> {
            card.setDisable(false);
            say(failure.getMessage());
        });
    }

    private void undoLast() {
        String mergeId = lastMerge;
        undo.setDisable(true);
        background.run(() -> {
            service.undo(mergeId);
            return service.waiting();
        }, waiting -> {
            undo.setDisable(false);
            undo.setVisible(false);
            say(Messages.get("dup.undone"));
            showPairs(waiting);
        }, failure -> {
            undo.setDisable(false);
            say(failure.getMessage());
        });
    }

    private void say(String text) {
        message.setText(text);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    /** A fact of one side, marked when the other side says the same. */
    private static Label fact(String mine, String theirs) {
        Label label = new Label(mine.isEmpty() ? "—" : mine);
        label.setWrapText(true);
        label.setMaxWidth(380);
        if (!mine.isEmpty() && mine.equalsIgnoreCase(theirs)) {
            label.getStyleClass().add("success");
        }
        return label;
    }

    private static List<String> facts(Customer customer) {
        return List.of(customer.displayName(), customer.birthDate() == null ? "" : customer.birthDate().toString(),
                String.join(", ", customer.phones().stream().map(p -> p.number().e164()).toList()),
                String.join(", ", customer.emails()),
                String.join(", ", customer.accounts().stream().map(a -> a.sourceSystem() + " " + a.sourceKey()
                        + (a.product() == null ? "" : " (" + a.product() + ")")).toList()));
    }
}
