package com.ringside.cti;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the telephony said about a call: it rings, it was answered, it ended. {@code callerId} is the number as
 * the telephony gave it (possibly empty for a withheld number); the desk normalises it.
 */
public record CallEvent(String callId, CallState state, boolean inbound, String callerId, String source, Instant at,
                        String reason) {
    public CallEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        callerId = callerId == null ? "" : callerId;
        reason = reason == null ? "" : reason;
    }

    /** Where a call stands. */
    public enum CallState {
        RINGING, ANSWERED, ENDED
    }
}
