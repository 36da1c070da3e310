package com.ringside.desktop.sources;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.TextColumns;
import com.ringside.desktop.support.ToolWindows;
import com.ringside.sync.MasterClient;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireRecords.SourceQualityJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Where wrong data comes from, for supervisors: each source system's figures at the master (customers, without a
 * phone, possible duplicates, not updated in a year, last import) and which system creates, reads, updates and
 * deletes each kind of record.
 */
public final class DataQualityWindow {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private final TableView<SourceQualityJson> table = new TableView<>();
    private final Label status = new Label(Messages.get("quality.loading"));
    private final VBox root;
    private final ZoneId zone;

    public DataQualityWindow(MasterClient client, Background background, ZoneId zone) {
        this.zone = zone;
        table.setId("quality-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("quality.system", 150, SourceQualityJson::system),
                column("quality.customers", 100, q -> number(q.customers())),
                column("quality.withoutPhone", 150, q -> number(q.withoutPhone())),
                column("quality.duplicates", 185, q -> number(q.possibleDuplicates())),
                column("quality.stale", 195, q -> number(q.stale())),
                column("quality.lastImport", 380, this::lastImport)));
        table.setPrefHeight(220);
        status.setId("quality-status");
        Label title = new Label(Messages.get("quality.title"));
        title.getStyleClass().add("title-3");
        Label mapTitle = new Label(Messages.get("quality.mapTitle"));
        mapTitle.getStyleClass().add("title-4");
        Label mapHint = new Label(Messages.get("quality.mapHint"));
        mapHint.getStyleClass().add("text-muted");
        mapHint.setWrapText(true);
        GridPane map = new GridPane();
        map.setId("entity-map");
        map.setHgap(22);
        map.setVgap(6);
        root = new VBox(12, title, status, table, mapTitle, mapHint, map);
        root.setPadding(new Insets(16));
        root.setId("data-quality");
        background.run(() -> {
            try {
                return client.dataQuality();
            } catch (MasterRefusedException | MasterUnreachableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, quality -> {
            table.getItems().setAll(quality);
            status.setText(quality.isEmpty() ? Messages.get("quality.none") : Messages.get("quality.asOf",
                    WHEN.format(Instant.now().atZone(zone))));
        }, failure -> status.setText(failure.getMessage()));
        background.run(DataQualityWindow::readMap, lines -> fill(map, lines), failure -> status.setText(failure.getMessage()));
    }

    public Parent root() {
        return root;
    }

    public void show(Window owner) {
        ToolWindows.open(owner, root, Messages.get("quality.windowTitle"), 1260, 660);
    }

    private String lastImport(SourceQualityJson quality) {
        if (quality.lastImport() == null) {
            return Messages.get("quality.never");
        }
        return Messages.get("quality.lastRun", WHEN.format(Instant.parse(quality.lastImport()).atZone(zone)),
                quality.lastFile(), number(quality.lastRejected()), number(quality.lastRows()));
    }

    private static TableColumn<SourceQualityJson, String> column(String key, double width,
                                                                 Function<SourceQualityJson, String> value) {
        TableColumn<SourceQualityJson, String> column = TextColumns.of(key, width, value);
        column.setMinWidth(width);
        column.setSortable(false);
        return column;
    }

    private static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** The shipped map of who does what to which records, as a grid: one row per kind of record. */
    private static void fill(GridPane grid, List<String> lines) {
        for (int row = 0; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            for (int col = 0; col < cells.length; col++) {
                Label cell = new Label(cells[col].isEmpty() ? "—" : cells[col]);
                if (row == 0 || col == 0) {
                    cell.getStyleClass().add(row == 0 ? "text-bold" : "text-muted");
                }
                grid.add(cell, col, row);
            }
        }
    }

    private static List<String> readMap() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DataQualityWindow.class.getResourceAsStream("/com/ringside/desktop/entity-map.csv"), StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
