package com.ringside.server;

import com.ringside.wire.WireRecords.DecisionJson;
import java.time.Instant;
import java.util.UUID;

/** A call decided offline that broke a rule, as the master found when the desk pushed it. */
public record Violation(UUID eventId, UUID customerId, UUID agentId, Instant occurredAt, Instant detectedAt,
                        DecisionJson decision) {
}
