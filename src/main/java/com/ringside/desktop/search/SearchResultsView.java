package com.ringside.desktop.search;

import com.ringside.cache.SearchHit;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.identity.PhoneNormalizer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The results list: name, numbers and lines of business, so a household can be told apart at a glance. */
public final class SearchResultsView {
    private final ListView<SearchHit> list = new ListView<>();
    private final VBox root;

    public SearchResultsView(SearchViewModel model, Consumer<SearchHit> open, Runnable backToSearch) {
        list.setId("search-results");
        list.getStyleClass().add("search-results");
        list.setItems(model.results());
        list.setPlaceholder(placeholder(model));
        list.setCellFactory(view -> new HitCell(model));
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                backToSearch.run();
                event.consume();
            }
        });
        Label status = new Label();
        status.setId("search-status");
        status.getStyleClass().add("search-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(Bindings.isNotEmpty(model.results()));
        status.managedProperty().bind(status.visibleProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(status, list);
        root.getStyleClass().add("search-pane");
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
    }

    /** The list with its count above it. */
    public Region node() {
        return root;
    }

    public ListView<SearchHit> list() {
        return list;
    }

    private static Label placeholder(SearchViewModel model) {
        Label label = new Label();
        label.getStyleClass().add("placeholder");
        label.setWrapText(true);
        label.textProperty().bind(model.statusProperty().map(text -> text.isEmpty() ? Messages.get("search.start") : text));
        return label;
    }

    private static final class HitCell extends ListCell<SearchHit> {
        private final Label name = new Label();
        private final Label numbers = new Label();
        private final Label lines = new Label();
        private final VBox box = new VBox(2, name, numbers, lines);
        private final SearchViewModel model;

        HitCell(SearchViewModel model) {
            this.model = model;
            name.getStyleClass().add("hit-name");
            numbers.getStyleClass().add("hit-detail");
            lines.getStyleClass().add("hit-detail");
            box.getStyleClass().add("hit");
        }

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // The list is virtual: a cell near the end being drawn means the agent has scrolled (or arrowed) there.
            if (getIndex() >= getListView().getItems().size() - 5) {
                model.loadMore();
            }
            name.setText(hit.displayName());
            name.setGraphic(hit.doNotCall() ? Icons.of("mdi2c-cancel", "dnc-icon") : null);
            numbers.setText(hit.numbers().stream().map(PhoneNormalizer::display)
                    .collect(Collectors.joining(" · ")));
            lines.setText(hit.linesOfBusiness().stream()
                    .map(Labels::of)
                    .collect(Collectors.joining(" · ")));
            setText(null);
            setGraphic(box);
        }
    }
}
