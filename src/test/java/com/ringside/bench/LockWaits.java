package com.ringside.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How long sessions of an embedded PostgreSQL wait for locks, by statement: pg_stat_activity sampled every few
 * milliseconds from a connection of its own. Each sample of a waiting session stands for the sampling interval.
 */
final class LockWaits implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 5;

    private final Connection connection;
    private final Map<String, Long> samples = new TreeMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    LockWaits(EmbeddedPostgres postgres) throws SQLException {
        connection = postgres.getPostgresDatabase().getConnection();
        sampler = new Thread(this::sample, "lock-wait sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet rows = statement.executeQuery("""
                        SELECT regexp_replace(left(query, 40), '\\s+', ' ', 'g') FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")) {
                    while (rows.next()) {
                        synchronized (samples) {
                            samples.merge(rows.getString(1).strip(), 1L, Long::sum);
                        }
                    }
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (SQLException | InterruptedException e) {
            running = false;
        }
    }

    /** Milliseconds waited for locks per permit, in all and by the statement that waited. */
    String perPermit(int permits) {
        synchronized (samples) {
            long all = samples.values().stream().mapToLong(Long::longValue).sum();
            return String.format(java.util.Locale.ROOT, "%.2f ms", all * INTERVAL_MILLIS / (double) permits)
                    + samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .map(e -> String.format(java.util.Locale.ROOT, "%.2f ms `%s…`", e.getValue() * INTERVAL_MILLIS
                            / (double) permits, e.getKey()))
                    .collect(Collectors.joining("; ", " (", ")"));
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
