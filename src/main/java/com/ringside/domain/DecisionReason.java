package com.ringside.domain;

import java.time.Instant;
import java.util.UUID;

/** One rule's objection, in plain words, with when it lifts ({@code until} null: waiting does not help). */
public record DecisionReason(UUID ruleId, long ruleVersion, String ruleName, Verdict severity, ReasonCode code,
                             String message, Instant until) {
}
