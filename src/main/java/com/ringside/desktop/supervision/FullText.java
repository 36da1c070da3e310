package com.ringside.desktop.supervision;

import com.ringside.desktop.support.TextColumns;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/** Table cells that show their whole text on hover, for columns too narrow for a reason or an id. */
final class FullText {
    private FullText() {
    }

    /** A text column whose cells show their whole text on hover. */
    static <S> TableColumn<S, String> column(String headingKey, double width, Function<S, String> value) {
        TableColumn<S, String> column = TextColumns.of(headingKey, width, value);
        column.setCellFactory(cells());
        return column;
    }

    static <S> Callback<TableColumn<S, String>, TableCell<S, String>> cells() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        };
    }
}
