package com.ringside.cache;

import java.time.Instant;
import java.util.UUID;

/** The position after which an older page of the timeline starts (exclusive). */
public record TimelineCursor(Instant occurredAt, UUID id) {
}
