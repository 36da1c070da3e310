package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.LineOfBusiness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One report in the console: a period and line of business to choose, the report loaded off the FX thread, and its
 * export to CSV (the figures) and PNG (what is on screen).
 */
abstract class ReportTab<T> {
    static final int DEFAULT_DAYS = 28;
    private final String name;
    private final Background background;
    private final ExportTarget exports;
    private final Clock clock;
    private final DatePicker first = new DatePicker();
    private final DatePicker last = new DatePicker();
    private final ComboBox<LineOfBusiness> line = new ComboBox<>();
    private final Button show = new Button(Messages.get("report.show"), Icons.of("mdi2r-refresh"));
    private final Button csv = new Button(Messages.get("report.csv"), Icons.of("mdi2f-file-delimited-outline"));
    private final Button png = new Button(Messages.get("report.png"), Icons.of("mdi2i-image-outline"));
    private final Label status = new Label();
    private final StackPane content = new StackPane();
    private final VBox root;
    private T shown;
    private ReportPeriod period;

    ReportTab(String name, Background background, ExportTarget exports, Clock clock) {
        this.name = name;
        this.background = background;
        this.exports = exports;
        this.clock = clock;
        LocalDate today = LocalDate.now(clock);
        first.setValue(today.minusDays(DEFAULT_DAYS - 1));
        last.setValue(today);
        line.getItems().add(null);
        line.getItems().addAll(LineOfBusiness.values());
        line.setConverter(new StringConverter<>() {
            @Override
            public String toString(LineOfBusiness value) {
                return value == null ? Messages.get("report.allLines") : Labels.of(value);
            }

            @Override
            public LineOfBusiness fromString(String text) {
                return null;
            }
        });
        line.getSelectionModel().selectFirst();
        first.setId(name + "-first");
        last.setId(name + "-last");
        line.setId(name + "-line");
        show.setId(name + "-show");
        csv.setId(name + "-csv");
        png.setId(name + "-png");
        status.setId(name + "-status");
        first.setPrefWidth(140);
        last.setPrefWidth(140);
        show.getStyleClass().add("accent");
        show.setOnAction(event -> load());
        csv.setOnAction(event -> exportCsv());
        png.setOnAction(event -> exportPng());
        csv.setDisable(true);
        png.setDisable(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(Messages.get("report.from")), first, new Label(Messages.get("report.to")), last,
                line, show, spacer, csv, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        VBox.setVgrow(content, Priority.ALWAYS);
        root = new VBox(10, bar, status, content);
        root.getStyleClass().add("report-tab");
    }

    Node root() {
        return root;
    }

    /** Asks the master for the report for the chosen period; the window stays usable meanwhile. */
    final void load() {
        try {
            period = new ReportPeriod(first.getValue(), last.getValue(), line.getValue(), clock.getZone());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        ReportPeriod asked = period;
        show.setDisable(true);
        status.setText(Messages.get("report.loading"));
        background.run(() -> fetch(asked), report -> {
            show.setDisable(false);
            shown = report;
            content.getChildren().setAll(view(report, asked));
            status.setText(summary(report, asked));
            csv.setDisable(false);
            png.setDisable(false);
        }, failure -> {
            show.setDisable(false);
            status.setText(failure.getMessage());
        });
    }

    abstract T fetch(ReportPeriod period);

    abstract Node view(T report, ReportPeriod period);

    abstract String summary(T report, ReportPeriod period);

    /** The report's figures, a header row first. */
    abstract List<List<String>> rows(T report);

    private void exportCsv() {
        T report = shown;
        exports.choose(root.getScene().getWindow(), period.fileName(name), "csv").ifPresent(target ->
                background.run(() -> {
                    ReportFiles.writeCsv(target, rows(report));
                    return target;
                }, this::exported, failure -> status.setText(failure.getMessage())));
    }

    private void exportPng() {
        ReportFiles.Pixels pixels = ReportFiles.snapshot(content);
        exports.choose(root.getScene().getWindow(), period.fileName(name), "png").ifPresent(target ->
                background.run(() -> {
                    ReportFiles.writePng(target, pixels);
                    return target;
                }, this::exported, failure -> status.setText(failure.getMessage())));
    }

    private void exported(Path target) {
        status.setText(Messages.get("report.exported", target.getFileName()));
    }
}
