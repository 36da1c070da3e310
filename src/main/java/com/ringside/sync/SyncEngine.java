package com.ringside.sync;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CacheException;
import com.ringside.cache.SyncStore;
import com.ringside.cache.SyncStore.Queued;
import com.ringside.concurrent.DaemonThreads;
import com.ringside.wire.WireRecords.PushResultJson;
import com.ringside.wire.WireRecords.PushResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the master on its own thread: pushes the outbox (removing an event only once the
 * master has answered for it), then pulls the feed page by page, each page and its cursor in one transaction. The
 * master's notifications, a call recorded at this desk, and a timer all wake it; failures back off.
 */
public final class SyncEngine implements AutoCloseable {
    public static final int PAGE = 10_000;
    public static final int PUSH_BATCH = 500;
    private static final long PERIOD_SECONDS = 30;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** Hears what the engine did; called on the engine's threads. */
    public interface Listener {
        void status(SyncStatus status);

        void customersChanged(Set<UUID> customerIds);
    }

    private final MasterClient client;
    private final SyncStore store;
    private final Clock clock;
    private final Listener listener;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sync"));
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(DaemonThreads.named("sync-fetch"));
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Thread stream;
    private volatile boolean closed;
    private volatile SyncStatus status = SyncStatus.STARTING;
    private long backoffMillis;
    private int violations;

    public SyncEngine(MasterClient client, SyncStore store, Clock clock, Listener listener) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.stream = DaemonThreads.named("sync-stream").newThread(this::listen);
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::wake, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        stream.start();
    }

    /** Asks for a sync as soon as possible; several wakes before it runs make one sync. */
    public void wake() {
        if (!closed && wakePending.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakePending.set(false);
                cycle();
            });
        }
    }

    public SyncStatus status() {
        return status;
    }

    /** Runs one push and pull now and waits for it: for work that must see its own change synced. */
    public void syncNow() throws Exception {
        worker.submit(this::cycle).get();
    }

    @Override
    public void close() {
        closed = true;
        stream.interrupt();
        worker.shutdownNow();
        fetcher.shutdownNow();
    }

    private void cycle() {
        try {
            push();
            pull();
            backoffMillis = 0;
            publish(true, null);
        } catch (MasterUnreachableException e) {
            offline(e.getMessage());
            // Working from the cache now: the lookups need their indexes more than an unfinished first sync its speed.
            store.finishFirstSync();
        } catch (MasterRefusedException e) {
            publish(!e.sessionEnded(), e.getMessage());
            if (!e.sessionEnded()) {
                LOG.warn("The master refused a sync: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            if (closed) {
                // The desk closed its cache under a running sync; the next start picks up where this one stopped.
                LOG.debug("Sync stopped by closing: {}", e.getMessage());
                return;
            }
            LOG.error("Sync failed", e);
            offline(e.getMessage());
        }
    }

    private void push() {
        List<Queued> queued;
        while (!(queued = store.outbox(PUSH_BATCH)).isEmpty()) {
            PushResultsJson answers = client.push(queued.stream().map(Queued::event).toList());
            List<Queued> answered = new ArrayList<>();
            for (int i = 0; i < answers.results().size() && i < queued.size(); i++) {
                PushResultJson answer = answers.results().get(i);
                answered.add(queued.get(i));
                if ("REJECTED".equals(answer.status())) {
                    LOG.warn("The master rejected event {}: {}", answer.id(), answer.reason());
                }
                if (answer.violation() != null) {
                    violations++;
                    LOG.warn("The master found that offline call {} broke a rule", answer.id());
                }
            }
            store.acknowledge(answered);
            if (answered.size() < queued.size()) {
                break;
            }
        }
        withdraw();
    }

    /** Tells the master about calls this desk never dialled; a refusal is final, so it is logged and forgotten. */
    private void withdraw() {
        List<SyncStore.Withdrawal> waiting;
        while (!(waiting = store.withdrawals(PUSH_BATCH)).isEmpty()) {
            for (SyncStore.Withdrawal withdrawal : waiting) {
                try {
                    client.withdraw(withdrawal.eventId(), withdrawal.customerId(), withdrawal.reason());
                } catch (MasterRefusedException e) {
                    if (e.sessionEnded()) {
                        throw e;
                    }
                    LOG.warn("The master refused to withdraw call {}: {}", withdrawal.eventId(), e.getMessage());
                }
                store.acknowledge(withdrawal);
            }
        }
    }

    /**
     * Pulls until the feed is drained; the next page is fetched while the current one is written. A cache that never
     * synced first starts from the master's snapshot, if it offers one.
     */
    private void pull() {
        SyncStore.State state = store.state();
        long received = 0;
        if (state.cursor() == 0 && store.neverSynced()) {
            received = startFromSnapshot();
            state = store.state();
        }
        Future<FeedPages.Pulled> next = fetch(state.cursor());
        while (true) {
            FeedPages.Pulled pulled;
            try {
                pulled = await(next);
            } catch (MasterRefusedException e) {
                if (e.status() != 409) {
                    throw e;
                }
                LOG.warn("The master does not know this cache's cursor; syncing again from the beginning");
                store.forgetMaster();
                state = SyncStore.State.NEVER;
                next = fetch(0);
                continue;
            }
            if (state.masterId() != null && !state.masterId().equals(pulled.masterId())) {
                LOG.warn("This cache came from master {}, now {}: syncing again", state.masterId(), pulled.masterId());
                store.forgetMaster();
                state = SyncStore.State.NEVER;
                next = fetch(0);
                continue;
            }
            Instant now = clock.instant();
            // A page may be all changes the desk has nothing to store for; its cursor still moves the desk on.
            if (pulled.last() <= state.cursor()) {
                store.markSynced(now);
                store.finishFirstSync();
                return;
            }
            next = pulled.more() ? fetch(pulled.last()) : null;
            Set<UUID> touched = store.apply(pulled.masterId(), pulled.page(), pulled.last(), now);
            state = new SyncStore.State(pulled.masterId(), pulled.last(), now);
            received += pulled.page().size();
            status = new SyncStatus(true, now, status.waiting(), violations, received, null);
            listener.status(status);
            listener.customersChanged(touched);
            if (next == null) {
                store.finishFirstSync();
                return;
            }
        }
    }

    /**
     * Copies the master's snapshot of a whole cache instead of replaying its feed from the beginning: a first sync
     * then pulls only what changed since the snapshot. A snapshot that cannot be used is logged and left; the feed
     * still brings everything. Returns how many changes the snapshot brought (its cursor), 0 without one.
     */
    private long startFromSnapshot() {
        Path download = null;
        try {
            download = store.snapshotDownload();
            Optional<MasterClient.Snapshot> snapshot = client.snapshot(CacheDatabase.format(), download);
            if (snapshot.isPresent() && store.startFrom(download, snapshot.get().masterId(), snapshot.get().cursor())) {
                long cursor = snapshot.get().cursor();
                LOG.info("Cache started from the master's snapshot up to change {} ({} MB)", cursor,
                        snapshot.get().bytes() >> 20);
                SyncStore.State state = store.state();
                status = new SyncStatus(true, state.syncedAt(), status.waiting(), violations, cursor, null);
                listener.status(status);
                return cursor;
            }
        } catch (CacheException | MasterUnreachableException e) {
            LOG.warn("The master's cache snapshot cannot be used, syncing page by page instead: {}", e.getMessage());
        } finally {
            try {
                if (download != null) {
                    Files.deleteIfExists(download);
                }
            } catch (IOException e) {
                LOG.warn("Could not remove the downloaded snapshot {}: {}", download, e.getMessage());
            }
        }
        return 0;
    }

    private Future<FeedPages.Pulled> fetch(long cursor) {
        return fetcher.submit(() -> client.pull(cursor, PAGE));
    }

    private static FeedPages.Pulled await(Future<FeedPages.Pulled> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterUnreachableException("Interrupted while syncing", e);
        }
    }

    private void listen() {
        long retryMillis = 1_000;
        while (!closed) {
            try {
                client.listen(seq -> wake());
                retryMillis = 1_000;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.debug("Notifications unavailable: {}", e.getMessage());
            }
            // A dropped stream is the first sign the master went away: a sync now tells the agent at once.
            wake();
            try {
                Thread.sleep(retryMillis);
            } catch (InterruptedException e) {
                return;
            }
            retryMillis = Math.min(MAX_BACKOFF_MILLIS, retryMillis * 2);
        }
    }

    private void offline(String problem) {
        publish(false, problem);
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(1_000, backoffMillis * 2));
        if (!closed) {
            worker.schedule(this::wake, backoffMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void publish(boolean online, String problem) {
        SyncStore.State state = store.state();
        status = new SyncStatus(online, state.syncedAt(), store.outboxSize(), violations, status.received(), problem);
        listener.status(status);
    }
}
