package com.ringside.ingest;

import com.ringside.concurrent.DaemonThreads;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an import's batches in order on a thread of its own, while the next batch is matched. The first batch
 * that fails stops the rest: what was written before it stays, and the failure says up to which line that is.
 */
final class BatchWriter implements AutoCloseable {
    /** Batches matched but not written yet; the matcher waits rather than hold more rows than this. */
    private static final int QUEUED = 2;
    private final CustomerDirectory directory;
    private final Instant now;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("import-writer"));
    /** Written only on the writer's thread, read after waiting for it. */
    private volatile long keptRows;
    private volatile long keptThroughLine;
    private volatile boolean stopped;

    BatchWriter(CustomerDirectory directory, Instant now) {
        this.directory = directory;
        this.now = now;
    }

    /** Queues the batch of {@code rows} rows read up to {@code lastLine}; throws the failure of one before it. */
    void write(CustomerDirectory.Batch batch, long rows, long lastLine) {
        while (pending.size() >= QUEUED || (!pending.isEmpty() && pending.peekFirst().isDone())) {
            Awaited.result(pending.removeFirst());
        }
        pending.addLast(thread.submit(() -> {
            if (stopped) {
                return;
            }
            try {
                directory.save(batch, now);
            } catch (RuntimeException e) {
                stopped = true; // a later batch written without this one would leave a gap in the file
                throw e;
            }
            keptRows += rows;
            keptThroughLine = lastLine;
        }));
    }

    /** Waits for every batch to be written. */
    void finish() {
        while (!pending.isEmpty()) {
            Awaited.result(pending.removeFirst());
        }
    }

    /**
     * The failure of an import that stopped, saying what of the file was kept: it is whole batches, and a re-run
     * finds their rows by their keys.
     */
    RuntimeException stopped(RuntimeException failure) {
        stopped = true;
        for (Future<?> write : pending) {
            try {
                write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // the first failure is the one reported
            }
        }
        pending.clear();
        if (keptRows == 0) {
            return failure instanceof ImportException && !failure.getMessage().contains("Nothing was imported")
                    ? new ImportException(failure.getMessage() + " Nothing was imported; run the import again.", failure)
                    : failure;
        }
        return new ImportException(String.format(Locale.ROOT, "%s The rows up to line %d were imported (%,d"
                + " rows, in whole batches); nothing after them was. Run the import again to import the rest: the rows"
                + " already imported are found by their keys and left as they are.", failure.getMessage(),
                keptThroughLine, keptRows), failure);
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
