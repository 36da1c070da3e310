package com.ringside.desktop.timeline;

import atlantafx.base.theme.Styles;
import com.ringside.cache.TimelineEntry;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.TextColumns;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import com.ringside.identity.PhoneNormalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The contact timeline: filters above, a virtualised table of every contact, paging below. */
public final class TimelineView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy  HH:mm", Locale.getDefault());

    private final VBox root = new VBox(8);
    private final TableView<TimelineEntry> table = new TableView<>();

    public TimelineView(TimelineViewModel model, ZoneId agentZone) {
        root.setId("timeline");
        root.getStyleClass().add("timeline");
        Label title = new Label(Messages.get("timeline.title"));
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, title, spacer,
                filter("timeline-channel", "timeline.channel", Channel.values(), model.channelsProperty()),
                filter("timeline-line", "timeline.line", LineOfBusiness.values(), model.linesOfBusinessProperty()),
                directionFilter(model));
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("timeline-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setItems(model.entries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("timeline.empty")));
        table.getColumns().addAll(java.util.List.of(
                column("timeline.col.when", 140, e -> WHEN.format(e.event().occurredAt().atZone(agentZone))),
                channelColumn(),
                column("timeline.col.line", 88, e -> Labels.of(e.event().lineOfBusiness())),
                shrinkable(column("timeline.col.campaign", 125, e -> e.event().campaign() == null ? "" : e.event().campaign()), 80),
                column("timeline.col.agent", 88, e -> e.agentName() == null ? "" : e.agentName()),
                column("timeline.col.number", 132, e -> e.event().number() == null ? ""
                        : PhoneNormalizer.display(e.event().number())),
                column("timeline.col.outcome", 112, e -> e.event().provisional()
                        ? Messages.get("timeline.provisional", Labels.of(e.event().outcome())) : Labels.of(e.event().outcome())),
                column("timeline.col.duration", 78, e -> duration(e.event())),
                shrinkable(column("timeline.col.notes", 200, e -> e.event().notes()), 100)));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label footer = new Label();
        footer.setId("timeline-footer");
        footer.getStyleClass().add("muted");
        footer.textProperty().bind(model.footerProperty());
        Button older = new Button(Messages.get("timeline.older"));
        older.setId("timeline-older");
        older.visibleProperty().bind(model.moreAvailableProperty());
        older.setOnAction(event -> model.loadMore());
        HBox bottom = new HBox(12, footer, older);
        bottom.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(filters, table, bottom);
    }

    public Node node() {
        return root;
    }

    private static <E extends Enum<E>> ComboBox<E> filter(String id, String allKey, E[] values, ObjectProperty<Set<E>> chosen) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(values)));
        box.getItems().add(0, null);
        box.setId(id);
        box.setButtonCell(new EnumCell<>(Messages.get(allKey)));
        box.setCellFactory(list -> new EnumCell<>(Messages.get(allKey)));
        box.valueProperty().addListener((observable, before, value) -> chosen.set(value == null ? Set.of() : Set.of(value)));
        return box;
    }

    private static ComboBox<Direction> directionFilter(TimelineViewModel model) {
        ComboBox<Direction> box = new ComboBox<>(FXCollections.observableArrayList(null, Direction.INBOUND, Direction.OUTBOUND));
        box.setId("timeline-direction");
        box.setButtonCell(new EnumCell<>(Messages.get("timeline.direction")));
        box.setCellFactory(list -> new EnumCell<>(Messages.get("timeline.direction")));
        box.valueProperty().bindBidirectional(model.directionProperty());
        return box;
    }

    private static TableColumn<TimelineEntry, String> column(String key, double width, Function<TimelineEntry, String> value) {
        TableColumn<TimelineEntry, String> column = TextColumns.of(key, width, value);
        column.setMinWidth(width);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<TimelineEntry, String> shrinkable(TableColumn<TimelineEntry, String> column, double min) {
        column.setMinWidth(min);
        return column;
    }

    private static TableColumn<TimelineEntry, String> channelColumn() {
        TableColumn<TimelineEntry, String> column = column("timeline.col.channel", 82,
                e -> Labels.of(e.event().channel()));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                TimelineEntry entry = empty ? null : getTableRow().getItem();
                if (entry == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                ContactEvent event = entry.event();
                setText(Labels.of(event.channel()));
                setGraphic(Icons.of(channelIcon(event), event.direction() == Direction.INBOUND ? "inbound" : "outbound"));
            }
        });
        return column;
    }

    private static String channelIcon(ContactEvent event) {
        return switch (event.channel()) {
            case CALL -> event.direction() == Direction.INBOUND ? "mdi2p-phone-incoming" : "mdi2p-phone-outgoing";
            case EMAIL -> "mdi2e-email-outline";
            case SMS -> "mdi2m-message-text-outline";
            case LETTER -> "mdi2m-mailbox-outline";
            case VISIT -> "mdi2s-storefront-outline";
            case WEB -> "mdi2w-web";
        };
    }

    private static String duration(ContactEvent event) {
        if (event.channel() != Channel.CALL || event.durationSeconds() == 0) {
            return "";
        }
        return Labels.duration(event.durationSeconds());
    }

    /** A filter choice; the empty choice reads "All channels" and the like. */
    private static final class EnumCell<E extends Enum<E>> extends ListCell<E> {
        private final String allText;

        EnumCell(String allText) {
            this.allText = allText;
        }

        @Override
        protected void updateItem(E value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty ? null : value == null ? allText : Labels.of(value));
        }
    }
}
