package com.ringside.server;

import com.ringside.domain.DialDecision;
import java.util.UUID;

/** The master's answer for one pushed event; {@code violation} is the decision that found a breach, if any. */
public record PushResult(UUID id, Status status, String reason, DialDecision violation) {
    public enum Status { ACCEPTED, UPDATED, DUPLICATE, REJECTED }

    public static PushResult rejected(UUID id, String reason) {
        return new PushResult(id, Status.REJECTED, reason, null);
    }
}
