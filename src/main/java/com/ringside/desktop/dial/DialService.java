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
     * Decides again at this instant, dials, and records the attempt as PENDING with the decision, so the
     * timeline and every count include it at once. A blocked call needs an override the user's role allows.
     */
    public ContactEvent place(UUID customerId, PhoneNumber number, LineOfBusiness line, String campaign,
                              String overrideReason) {
        Customer customer = session.customers().find(customerId).orElseThrow();
        Instant now = session.clock().instant();
        DialDecision decision = decide(session.rules().current(), customer,
                session.events().history(customerId, now.minus(HISTORY)), number, line, campaign, now);
        CallOverride override = null;
        if (decision.verdict() == Verdict.BLOCK) {
            if (!decision.mayOverride(session.user().role())) {
                throw new CallRefusedException("This call is blocked and your role cannot override it.");
            }
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new CallRefusedException("An override needs a written reason.");
            }
            override = new CallOverride(session.user().id(), overrideReason);
        }
        session.dialer().dial(number);
        ContactEvent pending = new ContactEvent(Ids.newId(), customerId, now, Channel.CALL, Direction.OUTBOUND, line,
                campaign, session.user().id(), number, Outcome.PENDING, 0, "", SourceSystem.RINGSIDE, decision.provisional(),
                override);
        session.events().record(pending, decision, now);
        return pending;
    }

    /** A call this agent placed to the customer and never wrapped up (the desk closed mid-call), if any. */
    public Optional<ContactEvent> openCall(UUID customerId) {
        return session.events().openCall(customerId, session.user().id());
    }

    /** Completes a placed call with what the agent wrote at wrap-up, and the callback promised, if any. */
    public ContactEvent complete(ContactEvent pending, Outcome outcome, String notes, Instant callbackAt) {
        if (outcome == null || outcome == Outcome.PENDING) {
            throw new IllegalArgumentException("Choose how the call ended.");
        }
        Instant now = session.clock().instant();
        int seconds = (int) Math.max(0, Duration.between(pending.occurredAt(), now).toSeconds());
        ContactEvent done = pending.withOutcome(outcome, outcome.isConversation() ? seconds : 0, notes == null ? "" : notes.strip());
        if (callbackAt != null && !callbackAt.isAfter(now)) {
            throw new IllegalArgumentException("A callback must be in the future.");
        }
        session.events().recordWrapUp(done, callbackAt, now);
        return done;
    }

    private DialDecision decide(List<ContactRule> rules, Customer customer, List<ContactEvent> history,
                                       PhoneNumber number, LineOfBusiness line, String campaign, Instant now) {
        return session.policy().decide(rules, customer, history, new DialRequest(customer.id(), number, line, campaign, null, now));
    }
}
