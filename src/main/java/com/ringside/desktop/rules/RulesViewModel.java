package com.ringside.desktop.rules;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.ContactRule;
import com.ringside.domain.InvalidValueException;
import com.ringside.domain.UserRole;
import com.ringside.policy.Preset;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The rules view: the list, the editor, presets and the preview. Agents may look; supervisors may change. */
public final class RulesViewModel {
    private final RulesService service;
    private final Background background;
    private final boolean editable;
    private final RuleForm form = new RuleForm();
    private final ObservableList<ContactRule> rules = FXCollections.observableArrayList();
    private final ObservableList<RulesService.PreviewHit> previewHits = FXCollections.observableArrayList();
    private final StringProperty errorField = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty previewSummary = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();

    public RulesViewModel(RulesService service, Background background, UserRole role) {
        this.service = service;
        this.background = background;
        this.editable = role.atLeast(UserRole.SUPERVISOR);
        form.clear();
    }

    public RuleForm form() {
        return form;
    }

    public ObservableList<ContactRule> rules() {
        return rules;
    }

    public ObservableList<RulesService.PreviewHit> previewHits() {
        return previewHits;
    }

    public boolean editable() {
        return editable;
    }

    /** The path of the field in error, e.g. "rule.attemptCap.max", or empty. */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public void load() {
        background.run(service::current, rules::setAll, failure -> status.set(failure.getMessage()));
    }

    public void select(ContactRule rule) {
        if (rule != null) {
            form.load(rule);
            clearFeedback();
        }
    }

    public void newRule() {
        form.clear();
        clearFeedback();
    }

    /** Fills the editor with a preset; it becomes a rule when saved. */
    public void applyPreset(Preset preset) {
        form.load(preset.newRule());
        clearFeedback();
        status.set(Messages.get("rules.presetLoaded", preset.title()));
    }

    public void save() {
        if (!editable) {
            return;
        }
        ContactRule rule = validated();
        if (rule == null) {
            return;
        }
        background.run(() -> service.save(rule), saved -> {
            form.load(saved);
            status.set(Messages.get("rules.saved", saved.name(), saved.version()));
            load();
        }, failure -> status.set(failure.getMessage()));
    }

    public void setEnabled(ContactRule rule, boolean on) {
        if (!editable || rule.enabled() == on) {
            return;
        }
        background.run(() -> service.save(rule.withEnabled(on)), saved -> {
            status.set(Messages.get(on ? "rules.enabled" : "rules.disabled", saved.name()));
            load();
        }, failure -> status.set(failure.getMessage()));
    }

    public void preview() {
        ContactRule rule = validated();
        if (rule == null) {
            return;
        }
        busy.set(true);
        previewSummary.set(Messages.get("rules.previewing"));
        background.run(() -> service.preview(rule), preview -> {
            busy.set(false);
            previewHits.setAll(preview.examples());
            previewSummary.set(Messages.get("rules.previewResult", rule.name(), preview.calls(), preview.customers()));
        }, failure -> {
            busy.set(false);
            previewSummary.set(failure.getMessage());
        });
    }

    private ContactRule validated() {
        try {
            ContactRule rule = form.build();
            clearFeedback();
            return rule;
        } catch (InvalidValueException e) {
            // The view follows errorField, so the message must be in place first, and the same field erring twice
            // must still be a change.
            errorField.set("");
            errorMessage.set(e.getMessage().substring(e.field().length() + 2));
            errorField.set(e.field());
            return null;
        }
    }

    private void clearFeedback() {
        errorField.set("");
        errorMessage.set("");
        status.set("");
    }
}
