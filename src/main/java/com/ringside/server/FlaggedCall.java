package com.ringside.server;

import com.ringside.domain.LineOfBusiness;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call a supervisor reviews: made offline and found in breach of a rule, or made despite a rule. {@code rules}
 * names the rules concerned; {@code reason} is the override's reason or what the rules objected to.
 */
public record FlaggedCall(UUID eventId, Kind kind, UUID customerId, String customerName, UUID agentId, String agentName,
                          LineOfBusiness lineOfBusiness, Instant occurredAt, Instant detectedAt, List<String> rules,
                          String reason, Acknowledgement acknowledgement) {
    public FlaggedCall {
        rules = List.copyOf(rules);
    }

    public enum Kind { VIOLATION, OVERRIDE }

    /** A supervisor's sign-off: who, when, and what they wrote. */
    public record Acknowledgement(UUID by, String byName, Instant at, String comment) {
    }

    /**
     * Which flagged calls to list, newest first: {@code kind}, {@code acknowledged} and {@code line} null for any;
     * {@code text} matched against customer, agent, rules and reason, ignoring case.
     */
    public record Query(Kind kind, Boolean acknowledged, Instant from, Instant to, LineOfBusiness line, String text,
                        int limit) {
        public static Query all(int limit) {
            return new Query(null, null, null, null, null, null, limit);
        }
    }
}
