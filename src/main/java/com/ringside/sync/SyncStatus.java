package com.ringside.sync;

import java.time.Instant;

/**
 * What the status bar shows: whether the master answers, when the cache last matched it, how many events wait in
 * the outbox, how many of this desk's offline calls the master found in breach, and what went wrong, if anything.
 */
public record SyncStatus(boolean online, Instant lastSync, int waiting, int violations, long received, String problem) {
    public static final SyncStatus STARTING = new SyncStatus(false, null, 0, 0, 0, null);
}
