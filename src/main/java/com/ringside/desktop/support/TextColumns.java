package com.ringside.desktop.support;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A read-only table column of text: its heading from the messages, its cells from each row. */
public final class TextColumns {
    private TextColumns() {
    }

    public static <T> TableColumn<T, String> of(String headingKey, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(Messages.get(headingKey));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
