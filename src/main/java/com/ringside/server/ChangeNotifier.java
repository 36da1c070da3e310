package com.ringside.server;

import com.ringside.concurrent.DaemonThreads;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every connected desk "the master changed up to seq N". It watches the store rather than its own writes,
 * so changes made through another server process on the same database are announced too.
 */
final class ChangeNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final long WATCH_MILLIS = 100;
    private static final long HEARTBEAT_SECONDS = 15;

    private final MasterStore store;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong announced = new AtomicLong();
    /** A look is queued and has not started: writes nudging meanwhile are seen by it, so they need no look of their own. */
    private final AtomicBoolean looking = new AtomicBoolean();
    private volatile boolean failing;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("change-notifier"));

    ChangeNotifier(MasterStore store) {
        this.store = store;
        announced.set(store.latestSeq());
        timer.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("changes", "{\"seq\":" + announced.get() + "}");
    }

    /** Checks at once instead of at the next tick; called after this process wrote something. */
    void nudge() {
        if (looking.compareAndSet(false, true)) {
            timer.execute(this::watch);
        }
    }

    private void watch() {
        looking.set(false);
        try {
            long latest = store.latestSeq();
            if (latest > announced.get()) {
                announced.set(latest);
                for (SseClient client : clients) {
                    client.sendEvent("changes", "{\"seq\":" + latest + "}");
                }
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Cannot read the latest change: {}", e.getMessage());
            }
            failing = true;
        }
    }

    private void heartbeat() {
        clients.forEach(client -> client.sendComment("alive"));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
