package com.ringside.testing;

import com.ringside.sync.SyncEngine;
import com.ringside.sync.SyncStatus;
import java.util.Set;
import java.util.UUID;

/** A desk's sync with nobody watching it: for tests and benchmarks that drive the sync without a window. */
public final class QuietSync {
    public static final SyncEngine.Listener LISTENER = new SyncEngine.Listener() {
        @Override
        public void status(SyncStatus status) {
        }

        @Override
        public void customersChanged(Set<UUID> customerIds) {
        }
    };

    private QuietSync() {
    }
}
