package com.ringside.desktop.sources;

import com.ringside.desktop.supervision.ExportTarget;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.TextColumns;
import com.ringside.desktop.support.ToolWindows;
import com.ringside.sync.MasterClient;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.ImportReportJson;
import com.ringside.wire.WireRecords.RejectedRowJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * An administrator imports a source system's extract at the master and reads its report: the figures, every
 * rejected row with its line and reason, and the report saved as a file.
 */
public final class ImportWindow {
    private final MasterClient client;
    private final Background background;
    private final FilePicker files;
    private final ExportTarget saves;
    private final Label mappingName = new Label(Messages.get("import.none"));
    private final Label extractName = new Label(Messages.get("import.none"));
    private final Button run = new Button(Messages.get("import.run"), Icons.of("mdi2d-database-import-outline"));
    private final Button save = new Button(Messages.get("import.save"), Icons.of("mdi2c-content-save-outline"));
    private final Label status = new Label(Messages.get("import.hint"));
    private final Label figures = new Label();
    private final TableView<RejectedRowJson> rejected = new TableView<>();
    private final VBox root;
    private Path mapping;
    private Path extract;
    private ImportReportJson report;

    public ImportWindow(MasterClient client, Background background, FilePicker files, ExportTarget saves) {
        this.client = client;
        this.background = background;
        this.files = files;
        this.saves = saves;
        Button chooseMapping = new Button(Messages.get("import.chooseMapping"));
        chooseMapping.setId("import-mapping");
        chooseMapping.setOnAction(event -> files.open(window(), Messages.get("import.chooseMapping"), "json")
                .ifPresent(file -> {
                    mapping = file;
                    mappingName.setText(file.getFileName().toString());
                    run.setDisable(extract == null);
                }));
        Button chooseExtract = new Button(Messages.get("import.chooseExtract"));
        chooseExtract.setId("import-extract");
        chooseExtract.setOnAction(event -> files.open(window(), Messages.get("import.chooseExtract"), "csv", "jsonl")
                .ifPresent(file -> {
                    extract = file;
                    extractName.setText(file.getFileName().toString());
                    run.setDisable(mapping == null);
                }));
        GridPane chosen = new GridPane();
        chosen.setHgap(10);
        chosen.setVgap(8);
        chosen.addRow(0, new Label(Messages.get("import.mapping")), chooseMapping, mappingName);
        chosen.addRow(1, new Label(Messages.get("import.extract")), chooseExtract, extractName);
        run.setId("import-run");
        run.getStyleClass().add("accent");
        run.setDisable(true);
        run.setOnAction(event -> runImport());
        save.setId("import-save");
        save.setDisable(true);
        save.setOnAction(event -> saveReport());
        HBox actions = new HBox(10, run, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        status.setId("import-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        figures.setId("import-figures");
        figures.getStyleClass().add("title-4");
        rejected.setId("import-rejected");
        rejected.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rejected.getColumns().setAll(List.of(TextColumns.of("import.line", 90, row -> Long.toString(row.line())),
                TextColumns.of("import.reason", 520, RejectedRowJson::reason)));
        rejected.setPlaceholder(new Label(Messages.get("import.noRejections")));
        VBox.setVgrow(rejected, Priority.ALWAYS);
        Label title = new Label(Messages.get("import.title"));
        title.getStyleClass().add("title-3");
        root = new VBox(12, title, chosen, actions, status, figures, rejected);
        root.setPadding(new Insets(16));
        root.setId("import");
    }

    public Parent root() {
        return root;
    }

    public void show(Window owner) {
        ToolWindows.open(owner, root, Messages.get("import.windowTitle"), 900, 620);
    }

    private void runImport() {
        Path mappingFile = mapping;
        Path extractFile = extract;
        run.setDisable(true);
        status.setText(Messages.get("import.running", extractFile.getFileName()));
        background.run(() -> {
            String system = WireCodec.JSON.readTree(Files.readString(mappingFile)).path("system").asText("");
            try {
                return client.importExtract(system, mappingFile, extractFile);
            } catch (MasterRefusedException | MasterUnreachableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, done -> {
            run.setDisable(false);
            report = done;
            status.setText(Messages.get("import.done", done.file(), done.system()));
            figures.setText(Messages.get("import.figures", number(done.rowsRead()), done.created(), done.matched(),
                    done.merged(), done.suggested(), done.rejected().size()));
            rejected.getItems().setAll(done.rejected());
            save.setDisable(false);
        }, failure -> {
            run.setDisable(false);
            status.setText(failure.getMessage());
        });
    }

    private void saveReport() {
        String text = report.report();
        saves.choose(window(), report.file() + ".report", "txt").ifPresent(target -> background.run(() -> {
            try {
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + target.getFileName() + ": " + e.getMessage(), e);
            }
            return target;
        }, saved -> status.setText(Messages.get("report.exported", saved.getFileName())),
                failure -> status.setText(failure.getMessage())));
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    private static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

}
