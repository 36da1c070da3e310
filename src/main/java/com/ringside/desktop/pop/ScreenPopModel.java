package com.ringside.desktop.pop;

import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.cache.SearchHit;
import com.ringside.cti.CallEvent;
import com.ringside.cti.CallerId;
import com.ringside.desktop.support.Background;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.identity.PhoneNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the telephony's call events into the screen pop: the caller's customer in front of the agent at once when
 * the desk is free, a polite queue when the agent is with another customer, a pick list for a shared number, and a
 * new-caller card when no one has it. When an inbound call ends it goes on the customer's timeline, answered or
 * missed, with how long it lasted. Runs on the FX thread; lookups and writes go to the background.
 */
public final class ScreenPopModel {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPopModel.class);
    /** More calls than this held at the desk (shown or waiting) is a flood, not a queue: further rings are counted, not looked up. */
    public static final int MAX_WAITING = 20;
    /** Calls remembered until they end; a pop source that never reports an end cannot grow this without bound. */
    private static final int MAX_OPEN_CALLS = 200;
    private static final int NEAR_MATCHES = 5;

    /** What the pop needs from the desk around it. */
    public interface Desk {
        /** True when the agent is working on a customer and should not have the screen taken away. */
        boolean busy();

        void open(UUID customerId);

        /** Shows {@code customerId}'s new data if they are on screen; never brings them there. */
        void refresh(UUID customerId);

        void toFront();
    }

    private final CustomerStore customers;
    private final ContactEventStore events;
    private final PhoneNormalizer numbers;
    private final Background background;
    private final Clock clock;
    private final UUID agentId;
    private final Desk desk;
    private final NewCallers newCallers;
    private final Map<String, IncomingCall> calls = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IncomingCall> eldest) {
            return size() > MAX_OPEN_CALLS;
        }
    };
    private int lookingUp;
    private long turnedAway;
    private long refusedAtTheDoor;
    private final ObjectProperty<IncomingCall> shown = new SimpleObjectProperty<>();
    private final ObservableList<IncomingCall> waiting = FXCollections.observableArrayList();
    // One view for every caller: an unmodifiable wrapper listens to its source weakly, so a wrapper made per call
    // could be collected together with the listeners added to it.
    private final ObservableList<IncomingCall> waitingView = FXCollections.unmodifiableObservableList(waiting);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    public ScreenPopModel(CustomerStore customers, ContactEventStore events, PhoneNormalizer numbers,
                          Background background, Clock clock, UUID agentId, Desk desk, NewCallers newCallers) {
        this.customers = customers;
        this.events = events;
        this.numbers = numbers;
        this.background = background;
        this.clock = clock;
        this.agentId = agentId;
        this.desk = desk;
        this.newCallers = newCallers;
    }

    /** The call in the pop bar; null when none. */
    public ReadOnlyObjectProperty<IncomingCall> shownProperty() {
        return shown;
    }

    /** Calls that rang while the agent was busy, oldest first. */
    public ObservableList<IncomingCall> waiting() {
        return waitingView;
    }

    /** What happened that the agent should know (a call recorded, a softphone gone). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Takes one event from the telephony; call on the FX thread. Outbound calls are the dial panel's business. */
    public void accept(CallEvent event) {
        if (!event.inbound()) {
            return;
        }
        switch (event.state()) {
            case RINGING -> ringing(event);
            case ANSWERED -> {
                IncomingCall call = calls.get(event.callId());
                if (call != null) {
                    call.answered(event.at());
                }
            }
            case ENDED -> ended(event);
        }
    }

    private void ringing(CallEvent event) {
        if (calls.containsKey(event.callId())) {
            return;
        }
        if (callsHeld() >= MAX_WAITING) {
            turnedAway++;
            sayTurnedAway();
            return;
        }
        lookingUp++;
        lookUp(event.callerId(), event.at(), (reported, number, found) -> {
            lookingUp--;
            IncomingCall call = new IncomingCall(event.callId(), reported, number, found.matches(), found.near(),
                    event.at(), false);
            calls.put(call.callId(), call);
            if (shown.get() != null || desk.busy()) {
                queue(call);
            } else {
                show(call);
            }
        }, () -> lookingUp--);
    }

    private int callsHeld() {
        IncomingCall inBar = shown.get();
        return waiting.size() + lookingUp + (inBar != null && !inBar.fromLink() ? 1 : 0);
    }

    /**
     * Shows who has {@code number} without a call (a tel: link the agent clicked): at once, since the agent asked
     * for it, with the call that was in the bar going back to the head of the queue.
     */
    public void open(String number) {
        lookUp(number, clock.instant(), (reported, normalized, found) -> {
            IncomingCall call = new IncomingCall("link-" + UUID.randomUUID(), reported, normalized, found.matches(),
                    found.near(), clock.instant(), true);
            IncomingCall before = shown.get();
            if (before != null && !before.fromLink() && calls.containsKey(before.callId())) {
                waiting.add(0, before);
            }
            show(call);
        }, () -> { });
    }

    /** The screen-pop URL refused rings for coming too fast; {@code total} so far. */
    public void refusedAtTheDoor(long total) {
        refusedAtTheDoor = total;
        sayTurnedAway();
    }

    private void sayTurnedAway() {
        notice.set("Too many calls at once: " + (turnedAway + refusedAtTheDoor) + " more rang and are not shown here.");
    }

    private interface Settled {
        void found(String reported, PhoneNumber number, Found found);
    }

    private void lookUp(String callerId, Instant at, Settled settled, Runnable failed) {
        String digits = CallerId.numberIn(callerId).orElse("");
        PhoneNumber number = numbers.forLookup(digits).orElse(null);
        String reported = !digits.isEmpty() ? digits : CallerId.withheld(callerId) ? "" : CallerId.asShown(callerId);
        String name = CallerId.displayName(callerId).orElse(null);
        background.run(() -> lookUp(number, name), found -> settled.found(reported, number, found), failure -> {
            failed.run();
            LOG.error("The caller {} at {} could not be looked up", number, at, failure);
        });
    }


    private record Found(List<Customer> matches, List<SearchHit> near) {
    }

    private Found lookUp(PhoneNumber number, String name) {
        if (number == null) {
            return new Found(List.of(), List.of());
        }
        List<Customer> matches = customers.withNumber(number);
        if (!matches.isEmpty()) {
            return new Found(matches, List.of());
        }
        // Nobody has it as written: the same national number stored in another form, then the caller id's name.
        Map<UUID, SearchHit> near = new LinkedHashMap<>();
        List<String> forms = List.copyOf(PhoneNormalizer.searchDigits(number));
        if (forms.size() > 1) {
            customers.search(forms.get(1), 0, NEAR_MATCHES).hits().forEach(hit -> near.putIfAbsent(hit.customerId(), hit));
        }
        if (name != null && near.size() < NEAR_MATCHES) {
            customers.search(name, 0, NEAR_MATCHES).hits().forEach(hit -> near.putIfAbsent(hit.customerId(), hit));
        }
        return new Found(matches, near.values().stream().limit(NEAR_MATCHES).toList());
    }

    private void queue(IncomingCall call) {
        waiting.add(call);
        desk.toFront();
    }

    /** Puts {@code call} in the pop bar, and its customer on screen when there is exactly one. */
    public void show(IncomingCall call) {
        waiting.remove(call);
        shown.set(call);
        desk.toFront();
        if (call.chosen() != null) {
            desk.open(call.chosen());
        }
    }

    /** The agent picked (or created) the customer the call is with. */
    public void choose(IncomingCall call, UUID customerId, String name) {
        call.choose(customerId, name);
        desk.open(customerId);
        if (shown.get() == call) {
            // Re-show so the bar says who was chosen.
            shown.set(null);
            shown.set(call);
        }
    }

    /**
     * Creates the new caller at the master and settles the call on them; {@code failed} hears why it could not be
     * done, in the agent's words.
     */
    public void create(IncomingCall call, String givenName, String familyName, Consumer<String> failed) {
        background.run(() -> newCallers.create(givenName, familyName, call.number()), customer -> {
            notice.set("Customer created: " + customer.displayName() + ".");
            choose(call, customer.id(), customer.displayName());
        }, failure -> {
            LOG.warn("A new caller could not be created", failure);
            failed.accept(failure.getMessage());
        });
    }

    /** The agent put their customer away: the first waiting call, if any, comes forward. */
    public void deskFree() {
        if (shown.get() == null && !waiting.isEmpty()) {
            show(waiting.get(0));
        }
    }

    /** The agent closes the pop bar; the call itself goes on. */
    public void dismiss() {
        shown.set(null);
        if (!waiting.isEmpty() && !desk.busy()) {
            show(waiting.get(0));
        }
    }

    private void ended(CallEvent event) {
        IncomingCall call = calls.remove(event.callId());
        if (call == null) {
            return;
        }
        waiting.remove(call);
        String why = event.reason().isEmpty() ? "" : " The call ended because " + event.reason() + ".";
        if (call.chosen() != null) {
            record(call, event.at(), why);
        } else if (!why.isEmpty()) {
            notice.set(why.strip() + " Nothing was recorded: no customer was chosen for it.");
        }
        if (shown.get() == call) {
            shown.set(null);
        }
    }

    private void record(IncomingCall call, Instant endedAt, String why) {
        boolean answered = call.answeredAt() != null;
        long seconds = answered ? Math.max(0, Duration.between(call.answeredAt(), endedAt).toSeconds()) : 0;
        UUID customerId = call.chosen();
        background.run(() -> {
            LineOfBusiness line = customers.find(customerId)
                    .flatMap(customer -> customer.accounts().stream().findFirst())
                    .map(account -> account.lineOfBusiness()).orElse(LineOfBusiness.ORDERS);
            ContactEvent event = new ContactEvent(Ids.newId(), customerId, call.ringingAt(), Channel.CALL,
                    Direction.INBOUND, line, null, agentId, call.number(),
                    answered ? Outcome.CONVERSATION : Outcome.ABANDONED, (int) seconds, "", SourceSystem.RINGSIDE,
                    false, null);
            events.record(event, clock.instant());
            return event;
        }, event -> {
            notice.set((answered ? "Inbound call recorded (" + seconds + " s)." : "Missed call recorded.") + why);
            desk.refresh(customerId);
        }, failure -> {
            LOG.error("The inbound call {} could not be recorded", call.callId(), failure);
            notice.set("The inbound call could not be recorded: " + failure.getMessage());
        });
    }
}
