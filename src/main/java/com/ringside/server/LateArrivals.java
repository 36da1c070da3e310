package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Verdict;
import com.ringside.policy.ContactPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A call made offline can reach the master after calls that happened later were already permitted. It broke no
 * rule at its own moment, yet it may put one of those later calls over a cap: the customer had one call too many,
 * and the call that arrived last is the one to flag.
 */
final class LateArrivals {
    private LateArrivals() {
    }

    /**
     * The decision a later call would now get, if {@code offline} turns it from allowed into blocked; null if it
     * puts none over. {@code around} holds the customer's calls within one look-back either side of it. A later call
     * already flagged ({@code flagged}) carries the breach itself.
     */
    static DialDecision pushedOver(ContactPolicy policy, List<ContactRule> rules, Customer customer,
                                   ContactEvent offline, List<ContactEvent> around, Set<UUID> flagged) {
        Duration lookBack = ContactRule.lookBack(rules);
        for (ContactEvent later : around) {
            if (!later.isOutboundCall() || later.override() != null || later.id().equals(offline.id())
                    || flagged.contains(later.id())
                    || !later.occurredAt().isAfter(offline.occurredAt())) {
                continue;
            }
            DialRequest asked = DialRequest.of(later);
            List<ContactEvent> before = around.stream().filter(e -> !e.id().equals(later.id())
                    && !e.occurredAt().isAfter(later.occurredAt())
                    && e.occurredAt().isAfter(later.occurredAt().minus(lookBack))).toList();
            DialDecision with = policy.decide(rules, customer, before, asked);
            if (with.verdict() == Verdict.BLOCK && policy.decide(rules, customer,
                    before.stream().filter(e -> !e.id().equals(offline.id())).toList(), asked).verdict() != Verdict.BLOCK) {
                return with;
            }
        }
        return null;
    }
}
