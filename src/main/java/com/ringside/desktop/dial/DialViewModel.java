package com.ringside.desktop.dial;

import com.ringside.cti.CallEvent;
import com.ringside.cti.CallerId;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.Account;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dial panel: each number with its guard state, the call, the override, the wrap-up. It re-asks the guard
 * when the customer, the line of business or the campaign changes, after every call, and as time passes.
 */
public final class DialViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.getDefault());

    private final DialService service;
    private final Background background;
    private final Clock clock;
    private final UserRole role;
    private final Runnable afterRecording;
    private final ObservableList<NumberGuard> guards = FXCollections.observableArrayList();
    private final ObjectProperty<LineOfBusiness> line = new SimpleObjectProperty<>(LineOfBusiness.MARKETING);
    private final StringProperty campaign = new SimpleStringProperty("");
    private final ObjectProperty<ContactEvent> inCall = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> suggestedOutcome = new SimpleObjectProperty<>();
    /** What the telephony said about the call in progress: when it was answered, how long it lasted. */
    private Instant answeredAt;
    private Integer talkSeconds;
    private Customer customer;
    private long generation;

    public DialViewModel(DialService service, Background background, Clock clock, UserRole role, Runnable afterRecording) {
        this.service = service;
        this.background = background;
        this.clock = clock;
        this.role = role;
        this.afterRecording = afterRecording;
        line.addListener((observable, before, after) -> refresh());
        campaign.addListener((observable, before, after) -> refresh());
    }

    public ObservableList<NumberGuard> guards() {
        return guards;
    }

    public ObjectProperty<LineOfBusiness> lineProperty() {
        return line;
    }

    public StringProperty campaignProperty() {
        return campaign;
    }

    public ReadOnlyObjectProperty<ContactEvent> inCallProperty() {
        return inCall;
    }

    /** How the telephony says the call went (answered or not), for the wrap-up to start from; null until it ends. */
    public ReadOnlyObjectProperty<Outcome> suggestedOutcomeProperty() {
        return suggestedOutcome;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void show(Customer shown) {
        boolean sameCustomer = customer != null && customer.id().equals(shown.id());
        customer = shown;
        if (!sameCustomer) {
            message.set("");
            line.set(shown.accounts().stream().map(Account::lineOfBusiness).findFirst().orElse(LineOfBusiness.MARKETING));
            resumeOpenCall(shown);
        }
        refresh();
    }

    /** A call left without wrap-up (the desk closed mid-call) comes back as the wrap-up to finish. */
    private void resumeOpenCall(Customer shown) {
        if (inCall.get() != null) {
            return;
        }
        background.run(() -> service.openCall(shown.id()), open -> open.ifPresent(pending -> {
            if (inCall.get() == null && customer != null && customer.id().equals(pending.customerId())) {
                inCall.set(pending);
                message.set(Messages.get("dial.resumed", WHEN.format(pending.occurredAt().atZone(clock.getZone()))));
            }
        }), failure -> message.set(failure.getMessage()));
    }

    public void refresh() {
        if (customer == null) {
            return;
        }
        long asked = ++generation;
        Customer shown = customer;
        LineOfBusiness forLine = line.get();
        String forCampaign = campaign.get();
        background.run(() -> service.guard(shown.id(), forLine, forCampaign), answer -> {
            if (asked == generation) {
                guards.setAll(answer);
            }
        }, failure -> message.set(failure.getMessage()));
    }

    /** Places the call; a blocked number needs {@code overrideReason} and a role that may override. */
    public void call(NumberGuard guard, String overrideReason) {
        if (inCall.get() != null) {
            message.set(Messages.get("dial.finishFirst"));
            return;
        }
        Customer shown = customer;
        background.run(() -> service.place(shown.id(), guard.phone().number(), line.get(), blankToNull(campaign.get()),
                overrideReason), pending -> {
                    answeredAt = null;
                    talkSeconds = null;
                    suggestedOutcome.set(null);
                    inCall.set(pending);
                    message.set(Messages.get(pending.provisional() ? "dial.placedOffline" : "dial.placed",
                            guard.phone().number().e164()));
                    afterRecording.run();
                    refresh();
                }, failure -> {
                    message.set(failure.getMessage());
                    refresh();
                });
    }

    /**
     * Hears the telephony about outbound calls: the answer and the hang-up of the call in progress give its length
     * and a first guess at the outcome. Events for other numbers are not this call's.
     */
    public void callEvent(CallEvent event) {
        ContactEvent pending = inCall.get();
        if (pending == null || event.inbound() || !sameNumber(event.callerId(), pending.number())) {
            return;
        }
        switch (event.state()) {
            case RINGING -> { }
            case ANSWERED -> answeredAt = answeredAt == null ? event.at() : answeredAt;
            case ENDED -> {
                if (talkSeconds != null) {
                    return;
                }
                talkSeconds = answeredAt == null ? 0
                        : (int) Math.max(0, java.time.Duration.between(answeredAt, event.at()).toSeconds());
                suggestedOutcome.set(answeredAt == null ? Outcome.NO_ANSWER : Outcome.CONVERSATION);
                message.set(answeredAt == null ? Messages.get("dial.endedUnanswered")
                        : Messages.get("dial.endedAfter", Labels.duration(talkSeconds)));
            }
        }
    }

    /** The dialled number in what the telephony reports, allowing for a dialling prefix or a dropped '+'. */
    private static boolean sameNumber(String reported, PhoneNumber dialled) {
        String digits = CallerId.numberIn(reported).orElse("").replaceAll("\\D", "");
        String expected = dialled.e164().replaceAll("\\D", "");
        if (digits.length() < 6) {
            return false;
        }
        return digits.endsWith(expected) || expected.endsWith(digits);
    }

    public void wrapUp(Outcome outcome, String notes) {
        wrapUp(outcome, notes, "");
    }

    /**
     * Saves the wrap-up; {@code callback} is empty, or a time in the agent's zone such as "2026-03-10 09:30"
     * or "tomorrow 09:30".
     */
    public void wrapUp(Outcome outcome, String notes, String callback) {
        ContactEvent pending = inCall.get();
        if (pending == null) {
            return;
        }
        if (outcome == null) {
            message.set(Messages.get("dial.chooseOutcome"));
            return;
        }
        Instant callbackAt;
        try {
            callbackAt = CallbackTime.parse(callback, clock);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Integer measured = talkSeconds;
        background.run(() -> service.complete(pending, outcome, notes, callbackAt, measured), done -> {
            inCall.set(null);
            answeredAt = null;
            talkSeconds = null;
            suggestedOutcome.set(null);
            message.set(Messages.get("dial.saved", Labels.of(done.outcome())));
            afterRecording.run();
            refresh();
        }, failure -> message.set(failure.getMessage()));
    }

    /** True when the customer may be put away: no call waits for its wrap-up; otherwise says so. */
    public boolean mayClose() {
        if (inCall.get() != null) {
            message.set(Messages.get("dial.finishBeforeClosing"));
            return false;
        }
        customer = null;
        guards.clear();
        message.set("");
        return true;
    }

    public boolean canOverride(NumberGuard guard) {
        return guard.decision().mayOverride(role);
    }

    public static String state(DialDecision decision) {
        return Messages.get("dial.state." + decision.verdict().name().toLowerCase(Locale.ROOT));
    }

    public static String reasons(DialDecision decision) {
        return decision.reasons().stream().map(reason -> reason.ruleName() + ": " + reason.message())
                .collect(Collectors.joining("\n"));
    }

    /** "Allowed again Tue 10 Mar 09:00 your time · 06:00 Ana's time", or why waiting will not help. */
    public String allowedAgain(DialDecision decision) {
        if (decision.verdict() != Verdict.BLOCK) {
            return "";
        }
        Instant next = decision.nextAllowedAt();
        if (next == null) {
            return Messages.get("dial.never");
        }
        ZoneId customerZone = customer == null || customer.timeZone() == null ? null : customer.timeZone();
        String yours = WHEN.format(next.atZone(clock.getZone()));
        return customerZone == null ? Messages.get("dial.againAt", yours)
                : Messages.get("dial.againAtBoth", yours, WHEN.format(next.atZone(customerZone)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
