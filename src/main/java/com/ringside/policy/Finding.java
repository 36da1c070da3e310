package com.ringside.policy;

import com.ringside.domain.ContactRule;
import com.ringside.domain.DecisionReason;
import com.ringside.domain.ReasonCode;
import com.ringside.domain.Verdict;
import java.time.Instant;

/** One objection of one rule at one instant; {@code until} null means time alone will not lift it. */
record Finding(ContactRule rule, ReasonCode code, String message, Instant until) {
    boolean blocks() {
        return rule.severity() == Verdict.BLOCK;
    }

    DecisionReason reason() {
        return new DecisionReason(rule.id(), rule.version(), rule.name(), rule.severity(), code, message, until);
    }
}
