package com.ringside.desktop.customer;

import com.ringside.cache.ContactEventStore;
import com.ringside.cache.ContactSummary;
import com.ringside.cache.CustomerStore;
import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The customer card: who this is, what they hold with us, and how often we have called them. */
public final class CustomerCardViewModel {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm zzz", Locale.getDefault());
    private static final DateTimeFormatter CALLBACK = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.getDefault());
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("MMM yyyy", Locale.getDefault());

    private final CustomerStore customers;
    private final ContactEventStore events;
    private final Background background;
    private final Clock clock;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ObjectProperty<ContactSummary> summary = new SimpleObjectProperty<>();
    private final StringProperty localTime = new SimpleStringProperty("");
    private final StringProperty callCounts = new SimpleStringProperty("");
    private final StringProperty lastConversation = new SimpleStringProperty("");
    private final StringProperty relationship = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty callback = new SimpleStringProperty("");
    private long generation;

    public CustomerCardViewModel(CustomerStore customers, ContactEventStore events, Background background, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.background = background;
        this.clock = clock;
    }

    public ReadOnlyObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public ReadOnlyObjectProperty<ContactSummary> summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty localTimeProperty() {
        return localTime;
    }

    public ReadOnlyStringProperty callCountsProperty() {
        return callCounts;
    }

    public ReadOnlyStringProperty lastConversationProperty() {
        return lastConversation;
    }

    public ReadOnlyStringProperty relationshipProperty() {
        return relationship;
    }

    /** "Callback promised for Tue 10 Mar 09:30", or empty. */
    public ReadOnlyStringProperty callbackProperty() {
        return callback;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public void open(UUID customerId) {
        long asked = ++generation;
        background.run(() -> new Loaded(customers.find(customerId).orElse(null), events.summary(customerId, clock.instant()),
                        events.nextCallback(customerId).orElse(null)),
                loaded -> {
                    if (asked != generation) {
                        return;
                    }
                    if (loaded.customer() == null) {
                        error.set(Messages.get("card.missing"));
                        return;
                    }
                    error.set("");
                    customer.set(loaded.customer());
                    summary.set(loaded.summary());
                    relationship.set(relationshipText(loaded.customer().accounts()));
                    callback.set(loaded.callback() == null ? "" : Messages.get("card.callbackDue",
                            CALLBACK.format(loaded.callback().atZone(clock.getZone()))));
                    refreshTimes();
                },
                failure -> {
                    if (asked == generation) {
                        error.set(failure.getMessage());
                    }
                });
    }

    /** Puts the customer away: the desk is free for the next call. */
    public void close() {
        ++generation;
        customer.set(null);
        summary.set(null);
        error.set("");
        callback.set("");
        relationship.set("");
    }

    /** Re-reads the counts, e.g. after a call was recorded. */
    public void refresh() {
        Customer shown = customer.get();
        if (shown != null) {
            open(shown.id());
        }
    }

    /** Called every few seconds by the view so the local time and "ago" texts stay true. */
    public void refreshTimes() {
        Customer shown = customer.get();
        if (shown == null) {
            return;
        }
        Instant now = clock.instant();
        localTime.set(localTimeText(shown, now));
        ContactSummary counts = summary.get();
        if (counts != null) {
            callCounts.set(counts.outboundCalls7dByLine().isEmpty() ? Messages.get("card.noCallsThisWeek")
                    : Messages.get("card.callsByLine", byLine(counts.outboundCalls7dByLine())));
            lastConversation.set(counts.lastConversationAt() == null ? Messages.get("card.lastConversation.never")
                    : Messages.get("card.lastConversation", ago(Duration.between(counts.lastConversationAt(), now)),
                    Labels.of(counts.lastConversationLine())));
        }
    }

    static String localTimeText(Customer customer, Instant now) {
        ZoneId zone = customer.timeZone();
        if (zone == null) {
            return Messages.get("card.zoneUnknown");
        }
        ZonedDateTime local = now.atZone(zone);
        return Messages.get("card.localTime", LOCAL_TIME.format(local), zone.getId());
    }

    static String relationshipText(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return Messages.get("card.noAccounts");
        }
        Map<LineOfBusiness, Optional<LocalDate>> firstOpened = new EnumMap<>(LineOfBusiness.class);
        for (Account account : accounts) {
            firstOpened.merge(account.lineOfBusiness(), Optional.ofNullable(account.openedOn()),
                    (a, b) -> a.isEmpty() || (b.isPresent() && b.get().isBefore(a.get())) ? b : a);
        }
        List<String> parts = new ArrayList<>();
        firstOpened.forEach((line, since) -> parts.add(since
                .map(date -> Messages.get("card.since", Labels.of(line), SINCE.format(date)))
                .orElse(Labels.of(line))));
        return Messages.get("card.customerOf", String.join(", ", parts));
    }

    private static String byLine(Map<LineOfBusiness, Integer> calls) {
        if (calls.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (LineOfBusiness line : LineOfBusiness.values()) {
            Integer count = calls.get(line);
            if (count != null) {
                parts.add(Labels.of(line) + " " + count);
            }
        }
        return String.join(", ", parts);
    }

    static String ago(Duration elapsed) {
        if (elapsed.toMinutes() < 60) {
            return Messages.get("ago.minutes", Math.max(0, elapsed.toMinutes()));
        }
        if (elapsed.toHours() < 48) {
            return Messages.get("ago.hours", elapsed.toHours());
        }
        return Messages.get("ago.days", elapsed.toDays());
    }

    private record Loaded(Customer customer, ContactSummary summary, Instant callback) {
    }
}
