package com.ringside.server;

import com.ringside.concurrent.DaemonThreads;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the hourly tally deltas into the hourly rows every second, each tally in a short transaction of its own, off
 * the path of the writers that appended them. Server processes sharing one database may fold at the same time.
 */
final class TallyFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TallyFolder.class);
    private static final long EVERY_MILLIS = 1_000;

    private final MasterDatabase database;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("tally-folder"));

    TallyFolder(MasterDatabase database) {
        this.database = database;
        timer.scheduleWithFixedDelay(this::foldQuietly, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Folds every delta committed so far; returns how many were folded. */
    int fold() {
        int folded = 0;
        for (HourlyTally tally : List.of(HourlyTally.CALLS, HourlyTally.RULES)) {
            // A look first, so that an idle master does not take SQLite's write lock every second.
            if (database.read(tally::pending)) {
                folded += database.write(tally::fold);
            }
        }
        return folded;
    }

    private void foldQuietly() {
        try {
            fold();
        } catch (MasterException e) {
            // A failed fold rolled back whole: its deltas stay and the next fold takes them.
            LOG.warn("Folding the report tallies failed; trying again in a second: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
