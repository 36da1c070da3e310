package com.ringside.desktop.dial;

import com.ringside.desktop.DeskSession;
import com.ringside.domain.CallOverride;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.ringside.sync.MasterLink;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.PermitJson;
import com.ringside.wire.WireRecords.PermitRequestJson;
import com.ringside.wire.WireRecords.WithdrawalJson;

/**
 * The guard at the desk: decides for each number, places a call only when the guard (or a valid override)
 * allows it, and records the attempt with its decision. Every method does I/O; call them off the FX thread.
 */
public final class DialService {
    /** Longer than any window a rule may use, so every event a rule could count is in the history. */
    private static final Duration HISTORY = Duration.ofDays(3_700);

    private final DeskSession session;

    public DialService(DeskSession session) {
        this.session = session;
    }

    public List<NumberGuard> guard(UUID customerId, LineOfBusiness line, String campaign) {
        Customer customer = session.customers().find(customerId).orElseThrow();
        Instant now = session.clock().instant();
        List<ContactEvent> history = session.events().history(customerId, now.minus(HISTORY));
        List<ContactRule> rules = session.rules().current();
        List<NumberGuard> guards = new ArrayList<>();
        for (Phone phone : customer.phones()) {
            guards.add(new NumberGuard(phone, decide(rules, customer, history, phone.number(), line, campaign, now)));
        }
        return guards;
    }

    /**
     * Places a call and records the attempt as PENDING with its decision, so the timeline and every count include
     * it at once. Online, the master decides and records the attempt atomically (a dial permit); when it cannot be
     * reached, the desk decides from its cache and the call is marked provisional for the master to re-check.
     * A blocked call needs an override the user's role allows.
     */
    public ContactEvent place(UUID customerId, PhoneNumber number, LineOfBusiness line, String campaign,
                              String overrideReason) {
        session.dialer().checkReady();
        // One id for the attempt, however it is decided: a permit whose answer was lost on the way back and the
        // desk's own decision that followed are the same call, and the master keeps it once.
        UUID eventId = Ids.newId();
        Optional<MasterLink> link = session.link();
        if (link.isPresent()) {
            try {
                return placeWithPermit(link.get(), eventId, customerId, number, line, campaign, overrideReason);
            } catch (MasterUnreachableException e) {
                // The master may have granted the permit and lost its answer: a call not dialled now is withdrawn.
                return placeFromCache(eventId, customerId, number, line, campaign, overrideReason, cacheSyncedAt(),
                        true);
            }
        }
        return placeFromCache(eventId, customerId, number, line, campaign, overrideReason, null, false);
    }

    private ContactEvent placeWithPermit(MasterLink link, UUID eventId, UUID customerId, PhoneNumber number,
                                         LineOfBusiness line, String campaign, String overrideReason) {
        PermitJson permit;
        try {
            permit = link.client().permit(new PermitRequestJson(eventId.toString(), customerId.toString(),
                    number.e164(), line.name(), campaign, overrideReason));
        } catch (MasterRefusedException e) {
            if (e.sessionEnded()) {
                // The session ran out mid-shift: the desk keeps working as it would offline, until the agent signs in.
                return placeFromCache(eventId, customerId, number, line, campaign, overrideReason, cacheSyncedAt(),
                        false);
            }
            throw new CallRefusedException(e.getMessage());
        }
        DialDecision decision = WireCodec.decision(permit.decision(), "decision");
        if (!permit.granted()) {
            refuse(decision, overrideReason);
            throw new CallRefusedException(decision.reasons().isEmpty() ? "The master refused this call."
                    : decision.reasons().get(0).message());
        }
        ContactEvent pending = WireCodec.event(permit.event(), "event");
        try {
            session.dialer().dial(number);
        } catch (RuntimeException notDialled) {
            withdraw(eventId, customerId, "The telephony could not dial the permitted call: " + notDialled.getMessage());
            throw notDialled;
        }
        session.events().record(pending, decision, session.clock().instant());
        link.engine().wake();
        return pending;
    }

    /**
     * Decides from the cache; {@code syncedAt} is when it last matched the master (null: it is the only data). When
     * {@code permitMayExist}, a call refused or not dialled is withdrawn at the master; one dialled never is.
     */
    private ContactEvent placeFromCache(UUID eventId, UUID customerId, PhoneNumber number, LineOfBusiness line,
                                        String campaign, String overrideReason, Instant syncedAt, boolean permitMayExist) {
        Instant now = session.clock().instant();
        DialDecision decision;
        CallOverride override;
        try {
            Customer customer = session.customers().find(customerId).orElseThrow();
            List<ContactRule> rules = session.rules().current();
            decision = session.policy().decide(rules, customer,
                    session.events().history(customerId, now.minus(ContactRule.lookBack(rules))),
                    new DialRequest(customerId, number, line, campaign, null, now), syncedAt);
            override = refuse(decision, overrideReason);
            session.dialer().dial(number);
        } catch (RuntimeException notDialled) {
            if (permitMayExist) {
                withdraw(eventId, customerId, "The permit's answer was lost and the call was not dialled: "
                        + notDialled.getMessage());
            }
            throw notDialled;
        }
        ContactEvent pending = new ContactEvent(eventId, customerId, now, Channel.CALL, Direction.OUTBOUND, line,
                campaign, session.user().id(), number, Outcome.PENDING, 0, "", SourceSystem.RINGSIDE, decision.provisional(),
                override);
        session.events().record(pending, decision, now);
        session.link().ifPresent(link -> link.engine().wake());
        return pending;
    }

    /** Tells the master (now, or once it is back) to take out a call it may have permitted but nobody dialled. */
    private void withdraw(UUID eventId, UUID customerId, String reason) {
        session.events().queueWithdrawal(eventId, customerId, WithdrawalJson.reasonOf(reason), session.clock().instant());
        session.link().ifPresent(link -> link.engine().wake());
    }

    /** When the cache last matched the master: EPOCH if never, null for a desk that has no master. */
    private Instant cacheSyncedAt() {
        return session.link().map(link -> link.syncedAt() == null ? Instant.EPOCH : link.syncedAt()).orElse(null);
    }

    /** Throws unless the call may go ahead; returns the override the user gave for a blocked call, if needed. */
    private CallOverride refuse(DialDecision decision, String overrideReason) {
        if (decision.verdict() != Verdict.BLOCK) {
            return null;
        }
        if (!decision.mayOverride(session.user().role())) {
            throw new CallRefusedException("This call is blocked and your role cannot override it.");
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            throw new CallRefusedException("An override needs a written reason.");
        }
        return new CallOverride(session.user().id(), overrideReason);
    }

    /** A call this agent placed to the customer and never wrapped up (the desk closed mid-call), if any. */
    public Optional<ContactEvent> openCall(UUID customerId) {
        return session.events().openCall(customerId, session.user().id());
    }

    /**
     * Completes a placed call with what the agent wrote at wrap-up, and the callback promised, if any.
     * {@code talkSeconds} is the length the telephony measured from answer to hang-up; without it, a conversation
     * counts from dialling to now.
     */
    public ContactEvent complete(ContactEvent pending, Outcome outcome, String notes, Instant callbackAt,
                                 Integer talkSeconds) {
        if (outcome == null || outcome == Outcome.PENDING) {
            throw new IllegalArgumentException("Choose how the call ended.");
        }
        Instant now = session.clock().instant();
        int seconds = talkSeconds != null ? talkSeconds
                : (int) Math.max(0, Duration.between(pending.occurredAt(), now).toSeconds());
        ContactEvent done = pending.withOutcome(outcome, outcome.isConversation() ? seconds : 0, notes == null ? "" : notes.strip());
        if (callbackAt != null && !callbackAt.isAfter(now)) {
            throw new IllegalArgumentException("A callback must be in the future.");
        }
        session.events().recordWrapUp(done, callbackAt, now);
        session.link().ifPresent(link -> link.engine().wake());
        return done;
    }

    private DialDecision decide(List<ContactRule> rules, Customer customer, List<ContactEvent> history,
                                       PhoneNumber number, LineOfBusiness line, String campaign, Instant now) {
        return session.policy().decide(rules, customer, history, new DialRequest(customer.id(), number, line, campaign, null, now));
    }
}
