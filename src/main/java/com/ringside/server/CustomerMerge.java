package com.ringside.server;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One merge: {@code merged} now points at {@code survivor}, whose timeline holds {@code movedEvents}. */
public record CustomerMerge(UUID id, UUID survivorId, UUID mergedId, List<UUID> movedEvents, Instant mergedAt) {
}
