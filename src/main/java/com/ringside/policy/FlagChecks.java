package com.ringside.policy;

import com.ringside.domain.ContactRule;
import com.ringside.domain.Phone;
import com.ringside.domain.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Objections that waiting does not lift: do-not-call, an opted-out number, a cache too stale to trust. */
final class FlagChecks {
    private FlagChecks() {
    }

    static List<Finding> check(ContactRule rule, Situation situation, Instant at) {
        List<Finding> findings = new ArrayList<>();
        if (rule.doNotCall()) {
            if (situation.customer().doNotCall()) {
                String reason = situation.customer().doNotCallReason();
                findings.add(new Finding(rule, ReasonCode.DO_NOT_CALL, "Customer is on do-not-call"
                        + (reason == null ? "" : ": " + reason), null));
            }
            for (Phone phone : situation.customer().phones()) {
                if (phone.optedOut() && phone.number().equals(situation.request().number())) {
                    findings.add(new Finding(rule, ReasonCode.OPTED_OUT, phone.number().e164()
                            + " has opted out of calls", null));
                }
            }
        }
        Instant synced = situation.cacheSyncedAt();
        if (rule.requireFreshCache() != null && synced != null
                && Duration.between(synced, at).compareTo(rule.requireFreshCache()) > 0) {
            findings.add(new Finding(rule, ReasonCode.STALE_CACHE, "Decided offline from a cache last synced "
                    + Words.span(Duration.between(synced, at).withNanos(0).toMinutes() >= 60
                    ? Duration.ofHours(Duration.between(synced, at).toHours())
                    : Duration.ofMinutes(Duration.between(synced, at).toMinutes()))
                    + " ago (this rule needs one synced within " + Words.span(rule.requireFreshCache()) + ")", null));
        }
        return findings;
    }
}
