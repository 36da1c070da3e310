package com.ringside.cache;

import java.time.Instant;

/** Where an older page of a timeline starts (exclusive): the last row shown, as this cache orders rows. */
public record TimelineCursor(Instant occurredAt, long row) {
}
