package com.ringside.desktop.rules;

import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.ToolWindows;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.identity.PhoneNormalizer;
import com.ringside.policy.Preset;
import com.ringside.policy.Presets;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/** The supervisors' rules window: the rules on the left, the editor and the preview on the right. */
public final class RulesWindow {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.getDefault());

    private final RulesViewModel model;
    private final ZoneId agentZone;
    private final Map<String, Label> errorLabels = new LinkedHashMap<>();
    private final Map<String, Control> errorFields = new LinkedHashMap<>();
    private final BorderPane root = new BorderPane();
    private ScrollPane scroller;

    public RulesWindow(RulesViewModel model, ZoneId agentZone) {
        this.model = model;
        this.agentZone = agentZone;
        root.getStyleClass().addAll("desk", "rules-window");
        root.setTop(toolbar());
        root.setLeft(ruleList());
        ScrollPane editor = new ScrollPane(editor());
        scroller = editor;
        editor.setFitToWidth(true);
        editor.setId("rule-editor");
        VBox right = new VBox(editor, actions(), preview());
        VBox.setVgrow(editor, Priority.ALWAYS);
        root.setCenter(right);
        model.errorFieldProperty().addListener((observable, before, field) -> showError(field));
    }

    public Stage show(Stage owner) {
        Stage stage = ToolWindows.open(owner, root, Messages.get("rules.title"), 1180, 780);
        model.load();
        return stage;
    }

    public BorderPane root() {
        return root;
    }

    private Node toolbar() {
        Label title = new Label(Messages.get(model.editable() ? "rules.title" : "rules.titleReadOnly"),
                Icons.of("mdi2s-shield-check-outline", "brand-icon"));
        title.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        if (model.editable()) {
            Button add = new Button(Messages.get("rules.new"), Icons.of("mdi2p-plus"));
            add.setId("rule-new");
            add.setOnAction(event -> model.newRule());
            MenuButton presets = new MenuButton(Messages.get("rules.presets"), Icons.of("mdi2g-gavel"));
            presets.setId("rule-presets");
            for (Preset preset : Presets.all()) {
                MenuItem item = new MenuItem(preset.title());
                item.setId("preset-" + preset.key());
                item.setOnAction(event -> model.applyPreset(preset));
                presets.getItems().add(item);
            }
            bar.getChildren().addAll(presets, add);
        }
        return bar;
    }

    private Node ruleList() {
        ListView<ContactRule> list = new ListView<>(model.rules());
        list.setId("rule-list");
        list.getStyleClass().add("search-results");
        list.setPrefWidth(320);
        list.setMinWidth(320);
        list.setCellFactory(view -> new RuleCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, rule) -> model.select(rule));
        return list;
    }

    private Node editor() {
        RuleForm form = model.form();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(14, 16, 14, 16));
        int row = 0;
        grid.add(section("rules.section.rule"), 0, row++, 2, 1);
        grid.addRow(row++, label("rules.name"), field("rule.name", text("rule-name", form.name.get(), form.name)));
        grid.addRow(row++, label("rules.enabled"), check("rule-enabled", null, form.enabled));
        grid.addRow(row++, label("rules.severity"), combo("rule-severity", form.severity, Verdict.WARN, Verdict.BLOCK));
        grid.addRow(row++, label("rules.overrideBy"), combo("rule-override", form.overrideRole, null, UserRole.AGENT,
                UserRole.SUPERVISOR, UserRole.ADMIN));
        grid.addRow(row++, label("rules.lines"), checks(LineOfBusiness.values(), form.lines, "rule-line-"));
        grid.addRow(row++, label("rules.campaigns"), field("rule.appliesTo.campaigns",
                text("rule-campaigns", "all campaigns", form.campaigns)));
        grid.addRow(row++, label("rules.countries"), field("rule.appliesTo.countries",
                text("rule-countries", "all countries, or e.g. US, CA", form.countries)));

        grid.add(section("rules.section.cap"), 0, row++, 2, 1);
        grid.addRow(row++, label("rules.capOn"), check("rule-cap-on", null, form.capOn));
        grid.addRow(row++, label("rules.capMax"), field("rule.attemptCap.max", text("rule-cap-max", "", form.capMax)));
        grid.addRow(row++, label("rules.capWindow"), new HBox(8, field("rule.attemptCap.window",
                text("rule-cap-window", "", form.capWindow)), combo("rule-cap-unit", form.capUnit, RuleForm.Unit.values())));
        grid.addRow(row++, label("rules.capPer"), new HBox(8, combo("rule-cap-per", form.capPer, CountPer.values()),
                combo("rule-cap-across", form.capAcross, CountAcross.values())));

        grid.add(section("rules.section.coolDown"), 0, row++, 2, 1);
        grid.addRow(row++, label("rules.coolOn"), check("rule-cool-on", null, form.coolOn));
        grid.addRow(row++, label("rules.coolAfter"), field("rule.coolDowns[0].afterOutcomes",
                checks(RuleForm.choosableOutcomes().toArray(Outcome[]::new), form.coolAfter, "rule-cool-")));
        grid.addRow(row++, label("rules.coolPeriod"), new HBox(8, field("rule.coolDowns[0].period",
                text("rule-cool-period", "", form.coolPeriod)), combo("rule-cool-unit", form.coolUnit, RuleForm.Unit.values()),
                check("rule-cool-inbound", Messages.get("rules.coolInbound"), form.coolInbound)));

        grid.add(section("rules.section.hours"), 0, row++, 2, 1);
        grid.addRow(row++, label("rules.hoursOn"), check("rule-hours-on", null, form.hoursOn));
        for (DayOfWeek day : DayOfWeek.values()) {
            Label dayLabel = new Label(day.getDisplayName(TextStyle.FULL, Locale.getDefault()));
            grid.addRow(row++, dayLabel, field("rule.callingHours." + day.name(),
                    text("rule-hours-" + day.name(), "closed, or e.g. 08:00-21:00", form.hours.get(day))));
        }
        grid.addRow(row++, label("rules.holidays"), field("rule.holidays", text("rule-holidays", "none, or e.g. US", form.holidays)));

        grid.add(section("rules.section.other"), 0, row++, 2, 1);
        grid.addRow(row++, label("rules.doNotCall"), check("rule-dnc", Messages.get("rules.doNotCallText"), form.doNotCall));
        grid.addRow(row++, label("rules.fresh"), field("rule.requireFreshCache", text("rule-fresh", "no requirement", form.freshHours)));

        if (!model.editable()) {
            grid.getChildren().forEach(node -> node.setDisable(true));
        }
        return grid;
    }

    /** Save, preview and what went wrong: always in view, whatever part of the form is scrolled to. */
    private Node actions() {
        Label error = new Label();
        error.setId("rule-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> model.errorFieldProperty().get().isEmpty() ? ""
                : Messages.get("rules.invalid", model.errorFieldProperty().get(), model.errorMessageProperty().get()),
                model.errorFieldProperty(), model.errorMessageProperty()));
        Label status = new Label();
        status.setId("rule-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Button save = new Button(Messages.get("rules.save"), Icons.of("mdi2c-content-save-outline"));
        save.setId("rule-save");
        save.getStyleClass().add("accent");
        save.setOnAction(event -> model.save());
        save.setVisible(model.editable());
        save.setManaged(model.editable());
        Button preview = new Button(Messages.get("rules.preview"), Icons.of("mdi2h-history"));
        preview.setId("rule-preview");
        preview.disableProperty().bind(model.busyProperty());
        preview.setOnAction(event -> model.preview());
        HBox buttons = new HBox(10, save, preview, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, error, buttons);
        bar.getStyleClass().add("rule-actions");
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private Node preview() {
        Label summary = new Label();
        summary.setId("preview-summary");
        summary.getStyleClass().add("section-title");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.previewSummaryProperty());
        ListView<RulesService.PreviewHit> hits = new ListView<>(model.previewHits());
        hits.setId("preview-hits");
        hits.setPrefHeight(170);
        hits.setMinHeight(120);
        hits.setPlaceholder(new Label(Messages.get("rules.previewEmpty")));
        hits.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RulesService.PreviewHit hit, boolean empty) {
                super.updateItem(hit, empty);
                setText(empty || hit == null ? null : WHEN.format(hit.call().occurredAt().atZone(agentZone)) + "   "
                        + hit.customerName() + "   " + PhoneNormalizer.display(hit.call().number()) + "   "
                        + Labels.of(hit.call().lineOfBusiness()) + (hit.call().campaign() == null ? "" : " · " + hit.call().campaign())
                        + "   " + Labels.of(hit.call().outcome()));
            }
        });
        VBox box = new VBox(6, summary, hits);
        box.setPadding(new Insets(10, 16, 12, 16));
        box.getStyleClass().add("rule-preview");
        return box;
    }

    private void showError(String field) {
        errorLabels.values().forEach(label -> {
            label.setText("");
            label.setVisible(false);
            label.setManaged(false);
        });
        errorFields.values().forEach(control -> control.pseudoClassStateChanged(DANGER, false));
        if (field == null || field.isEmpty()) {
            return;
        }
        errorLabels.keySet().stream().filter(field::startsWith).reduce((a, b) -> b.length() > a.length() ? b : a)
                .ifPresent(path -> {
                    Label label = errorLabels.get(path);
                    label.setText(model.errorMessageProperty().get());
                    label.setVisible(true);
                    label.setManaged(true);
                    if (errorFields.containsKey(path)) {
                        errorFields.get(path).pseudoClassStateChanged(DANGER, true);
                    }
                    reveal(label);
                });
    }

    /** Scrolls the editor so that {@code node} is in view, if it is not already. */
    private void reveal(Node node) {
        Node content = scroller.getContent();
        double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
        double height = node.getBoundsInLocal().getHeight();
        double viewport = scroller.getViewportBounds().getHeight();
        double hidden = content.getBoundsInLocal().getHeight() - viewport;
        double top = scroller.getVvalue() * Math.max(0, hidden);
        if (hidden <= 0 || (y >= top && y + height <= top + viewport)) {
            return;
        }
        scroller.setVvalue(Math.max(0, Math.min(1, (y - 60) / hidden)));
    }

    private Node field(String path, Node input) {
        Label error = new Label();
        error.setId("error-" + path.replaceAll("[^A-Za-z0-9]+", "-"));
        error.getStyleClass().add("error-text");
        error.setVisible(false);
        error.setManaged(false);
        errorLabels.put(path, error);
        if (input instanceof Control control) {
            errorFields.put(path, control);
            control.focusedProperty().addListener((observable, was, focused) -> {
                if (focused) {
                    reveal(control);
                }
            });
        }
        return new VBox(2, input, error);
    }

    private static TextField text(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        field.setPrefColumnCount(18);
        return field;
    }

    private static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    @SafeVarargs
    private static <T> ComboBox<T> combo(String id, ObjectProperty<T> value, T... choices) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(choices)));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? Messages.get("rules.nobody") : item instanceof Enum<?> e ? Labels.of(e) : item.toString();
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static <E extends Enum<E>> Node checks(E[] values, ObservableSet<E> chosen, String idPrefix) {
        FlowPane pane = new FlowPane(10, 6);
        for (E value : values) {
            CheckBox box = new CheckBox(Labels.of(value));
            box.setId(idPrefix + value.name());
            box.setSelected(chosen.contains(value));
            box.selectedProperty().addListener((observable, before, on) -> {
                if (on) {
                    chosen.add(value);
                } else {
                    chosen.remove(value);
                }
            });
            chosen.addListener((SetChangeListener<E>) change -> box.setSelected(chosen.contains(value)));
            pane.getChildren().add(box);
        }
        return pane;
    }

    private static Label label(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label section(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("section-title");
        label.setPadding(new Insets(8, 0, 0, 0));
        return label;
    }

    /** A rule in the list: its name, version, whether it is on, and a way to switch it. */
    private final class RuleCell extends ListCell<ContactRule> {
        @Override
        protected void updateItem(ContactRule rule, boolean empty) {
            super.updateItem(rule, empty);
            if (empty || rule == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(rule.name());
            name.getStyleClass().add("hit-name");
            name.setMaxWidth(250);
            Label detail = new Label(Messages.get("rules.listDetail", rule.version(),
                    Messages.get("rules.severity." + rule.severity().name()),
                    rule.appliesTo().countries().isEmpty() ? Messages.get("rules.everywhere")
                            : String.join(", ", rule.appliesTo().countries().stream().sorted().toList())));
            detail.getStyleClass().add("hit-detail");
            CheckBox on = new CheckBox();
            on.setId("rule-on-" + rule.id());
            on.setSelected(rule.enabled());
            on.setDisable(!model.editable());
            on.setOnAction(event -> model.setEnabled(rule, on.isSelected()));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox box = new HBox(8, new VBox(2, name, detail), spacer, on);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
