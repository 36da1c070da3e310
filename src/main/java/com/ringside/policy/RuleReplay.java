package com.ringside.policy;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule would have done to calls already made: each outbound call since {@code from} is decided again as
 * if the rule had been in force, against the history as it stood just before that call.
 */
public final class RuleReplay {
    private final ContactPolicy policy;

    public RuleReplay(ContactPolicy policy) {
        this.policy = policy;
    }

    /** The calls of this customer since {@code from} that {@code rule} would have blocked; events oldest first. */
    public List<ContactEvent> wouldHaveBlocked(ContactRule rule, Customer customer, List<ContactEvent> events, Instant from) {
        List<ContactEvent> blocked = new ArrayList<>();
        List<ContactRule> rules = List.of(rule.withEnabled(true));
        for (int i = 0; i < events.size(); i++) {
            ContactEvent call = events.get(i);
            if (!call.isOutboundCall() || call.occurredAt().isBefore(from) || call.number() == null) {
                continue;
            }
            if (policy.verdict(rules, customer, events.subList(0, i), DialRequest.of(call)) == Verdict.BLOCK) {
                blocked.add(call);
            }
        }
        return blocked;
    }
}
