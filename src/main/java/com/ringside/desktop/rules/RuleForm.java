package com.ringside.desktop.rules;

import com.ringside.domain.AttemptCap;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CoolDown;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Ids;
import com.ringside.domain.InvalidValueException;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.TimeRange;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.AppliesToJson;
import com.ringside.wire.WireRecords.AttemptCapJson;
import com.ringside.wire.WireRecords.CoolDownJson;
import com.ringside.wire.WireRecords.RuleJson;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The rule editor's fields as text and choices. {@link #build()} turns them into the rule's wire shape and lets
 * the same codec that reads rules from the master and from `ringside decide` check them, so the editor reports
 * exactly the errors those would, each at its field.
 */
public final class RuleForm {
    /** How a window or period is counted. */
    public enum Unit { HOURS, DAYS, CALENDAR_DAYS }

    public final StringProperty name = new SimpleStringProperty("");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);
    public final ObjectProperty<Verdict> severity = new SimpleObjectProperty<>(Verdict.BLOCK);
    public final ObjectProperty<UserRole> overrideRole = new SimpleObjectProperty<>(UserRole.SUPERVISOR);
    public final ObservableSet<LineOfBusiness> lines = FXCollections.observableSet();
    public final StringProperty campaigns = new SimpleStringProperty("");
    public final StringProperty countries = new SimpleStringProperty("");

    public final BooleanProperty capOn = new SimpleBooleanProperty(false);
    public final StringProperty capMax = new SimpleStringProperty("3");
    public final StringProperty capWindow = new SimpleStringProperty("7");
    public final ObjectProperty<Unit> capUnit = new SimpleObjectProperty<>(Unit.DAYS);
    public final ObjectProperty<CountPer> capPer = new SimpleObjectProperty<>(CountPer.CUSTOMER);
    public final ObjectProperty<CountAcross> capAcross = new SimpleObjectProperty<>(CountAcross.ALL);

    public final BooleanProperty coolOn = new SimpleBooleanProperty(false);
    public final ObservableSet<Outcome> coolAfter = FXCollections.observableSet();
    public final StringProperty coolPeriod = new SimpleStringProperty("7");
    public final ObjectProperty<Unit> coolUnit = new SimpleObjectProperty<>(Unit.CALENDAR_DAYS);
    public final BooleanProperty coolInbound = new SimpleBooleanProperty(false);

    public final BooleanProperty hoursOn = new SimpleBooleanProperty(false);
    public final Map<DayOfWeek, StringProperty> hours = new EnumMap<>(DayOfWeek.class);
    public final StringProperty holidays = new SimpleStringProperty("");

    public final BooleanProperty doNotCall = new SimpleBooleanProperty(false);
    public final StringProperty freshHours = new SimpleStringProperty("");

    private UUID id = Ids.newId();
    private long version = 1;

    public RuleForm() {
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, new SimpleStringProperty(""));
        }
    }

    /** Fills the fields from a rule, keeping its id so saving makes its next version. */
    public void load(ContactRule rule) {
        id = rule.id();
        version = rule.version();
        name.set(rule.name());
        enabled.set(rule.enabled());
        severity.set(rule.severity());
        overrideRole.set(rule.overrideRole());
        lines.clear();
        lines.addAll(rule.appliesTo().linesOfBusiness());
        campaigns.set(String.join(", ", rule.appliesTo().campaigns()));
        countries.set(rule.appliesTo().countries().stream().sorted().collect(Collectors.joining(", ")));
        AttemptCap cap = rule.attemptCap();
        capOn.set(cap != null);
        if (cap != null) {
            capMax.set(Integer.toString(cap.max()));
            setSpan(capWindow, capUnit, cap.window().length(), cap.window().calendarDays());
            capPer.set(cap.per());
            capAcross.set(cap.countAcross());
        }
        coolOn.set(!rule.coolDowns().isEmpty());
        coolAfter.clear();
        if (!rule.coolDowns().isEmpty()) {
            CoolDown coolDown = rule.coolDowns().get(0);
            coolAfter.addAll(coolDown.afterOutcomes());
            setSpan(coolPeriod, coolUnit, coolDown.period().length(), coolDown.period().calendarDays());
            coolInbound.set(coolDown.includeInbound());
        }
        hoursOn.set(rule.callingHours() != null);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.get(day).set(rule.callingHours() == null ? "" : rule.callingHours().on(day).stream()
                    .map(TimeRange::toString).collect(Collectors.joining(", ")));
        }
        holidays.set(rule.holidays() == null ? "" : rule.holidays());
        doNotCall.set(rule.doNotCall());
        freshHours.set(rule.requireFreshCache() == null ? "" : Long.toString(rule.requireFreshCache().toHours()));
    }

    /** A blank rule with a new id. */
    public void clear() {
        load(new ContactRule(Ids.newId(), 1, "New rule", true, Verdict.BLOCK, UserRole.SUPERVISOR, null, null, List.of(),
                null, null, false, null));
    }

    /** The rule the fields describe, or an {@link InvalidValueException} naming the field ("rule.attemptCap.max"). */
    public ContactRule build() {
        AttemptCapJson cap = capOn.get() ? new AttemptCapJson(whole("rule.attemptCap.max", capMax.get()),
                span("rule.attemptCap.window", capWindow.get(), capUnit.get()), capUnit.get() == Unit.CALENDAR_DAYS,
                capPer.get().name(), capAcross.get().name(), List.of()) : null;
        List<CoolDownJson> coolDowns = coolOn.get() ? List.of(new CoolDownJson(
                coolAfter.stream().map(Enum::name).sorted().toList(),
                span("rule.coolDowns[0].period", coolPeriod.get(), coolUnit.get()), coolUnit.get() == Unit.CALENDAR_DAYS,
                coolInbound.get())) : List.of();
        Map<String, List<String>> callingHours = null;
        if (hoursOn.get()) {
            callingHours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                List<String> ranges = Arrays.stream(hours.get(day).get().split("[,;]")).map(String::strip)
                        .filter(text -> !text.isEmpty()).toList();
                callingHours.put(day.name(), ranges);
            }
        }
        Integer fresh = freshHours.get().isBlank() ? null : whole("rule.requireFreshCache", freshHours.get());
        RuleJson json = new RuleJson(id.toString(), version, name.get(), enabled.get(), severity.get().name(),
                overrideRole.get() == null ? null : overrideRole.get().name(),
                new AppliesToJson(lines.stream().map(Enum::name).sorted().toList(), list(campaigns.get()),
                        list(countries.get())),
                cap, coolDowns, callingHours, holidays.get().isBlank() ? null : holidays.get().strip(),
                doNotCall.get(), fresh == null ? null : Duration.ofHours(fresh).toString());
        return WireCodec.rule(json, "rule");
    }

    private static void setSpan(StringProperty amount, ObjectProperty<Unit> unit, Duration length, boolean calendarDays) {
        boolean wholeDays = length.toSeconds() % 86_400 == 0;
        unit.set(calendarDays ? Unit.CALENDAR_DAYS : wholeDays ? Unit.DAYS : Unit.HOURS);
        amount.set(Long.toString(calendarDays || wholeDays ? length.toDays() : length.toHours()));
    }

    private static String span(String field, String amount, Unit unit) {
        int value = whole(field, amount);
        return unit == Unit.HOURS ? Duration.ofHours(value).toString() : "P" + value + "D";
    }

    private static int whole(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a whole number");
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    static Set<Outcome> choosableOutcomes() {
        return Arrays.stream(Outcome.values()).filter(outcome -> outcome != Outcome.PENDING)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
