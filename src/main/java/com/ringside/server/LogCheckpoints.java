package com.ringside.server;

import com.ringside.concurrent.DaemonThreads;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an embedded master's write-ahead log into its database file on a thread of its own, for large writes that
 * leave it to this thread instead of copying it, and waiting for the disk, at their commit (ADR 0024).
 * <p>SQLite starts the log again from its beginning only when a write begins after everything in it was copied, so
 * a writer that begins again at once would make it grow without end; and the longer the log, the slower every read
 * of the master. So the next large write waits for a copy first once the last copy found more than
 * {@code logLimitPages} in the log, or once two large writes are committed that no copy has finished with: with a
 * slow disk the log grows by at most those two.
 */
final class LogCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogCheckpoints.class);

    /** A connection of the master's pool. */
    interface Connections {
        Connection get() throws SQLException;
    }

    private final Connections connections;
    private final int logLimitPages;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("master checkpointer"));
    private static final int UNCOPIED_WRITES = 2;

    private final AtomicBoolean requested = new AtomicBoolean();
    /** Pages in the log when it was last copied whole. */
    private volatile long logPages;
    /** Large writes committed that no finished copy has covered. */
    private final AtomicInteger uncopiedWrites = new AtomicInteger();

    LogCheckpoints(Connections connections, int logLimitPages) {
        this.connections = connections;
        this.logLimitPages = logLimitPages;
    }

    /** After a large write's commit: copies it into the database file soon. */
    void committed() {
        uncopiedWrites.incrementAndGet();
        request();
    }

    /** Copies what is committed now into the database file, soon, unless a copy is already waiting to start. */
    private void request() {
        if (requested.compareAndSet(false, true)) {
            try {
                thread.execute(this::checkpoint);
            } catch (RejectedExecutionException closing) {
                requested.set(false); // the master is closing, and its last connection copies the log
            }
        }
    }

    /** Before a large write: once the log is long, waits until what is committed is copied, so that it starts again. */
    void awaitShortLog() {
        if (logPages > logLimitPages || uncopiedWrites.get() >= UNCOPIED_WRITES) {
            awaitCopied();
        }
    }

    /** Waits until what is committed now is copied into the database file, and with that on the disk. */
    void awaitCopied() {
        request();
        try {
            thread.submit(() -> { }).get(); // after the copy just requested, or one already waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException cannotHappenOrClosing) {
            // the write goes ahead; SQLite copies the log itself at the latest when the master closes
        }
    }

    private void checkpoint() {
        int covered = uncopiedWrites.get(); // committed before this copy starts, so copied by it
        requested.set(false);
        try (Connection connection = connections.get(); Statement statement = connection.createStatement();
             // PASSIVE: never waits for a writer or a reader, and copies what none of them needs any more.
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // busy, or -1 pages: another connection was copying the log; its figures are not this copy's
            if (result.next() && result.getInt(1) == 0 && result.getLong(2) >= 0) {
                logPages = result.getLong(2);
                uncopiedWrites.addAndGet(-covered);
            }
        } catch (SQLException e) {
            LOG.warn("The master's log could not be copied into its database file now; its next write will: {}",
                    e.getMessage());
        }
    }

    /** Lets a copy already running or requested finish. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The master's log was still being copied into its database file after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
