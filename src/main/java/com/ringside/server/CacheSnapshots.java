package com.ringside.server;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CacheException;
import com.ringside.cache.SyncStore;
import com.ringside.concurrent.DaemonThreads;
import com.ringside.sync.FeedPages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desk's cache, built by the master from its own feed, for desks that sync for the first time (ADR 0023). A desk
 * copies the file in seconds and pulls only what changed since, where replaying millions of changes would cost it a
 * minute of both its cores; and the master builds the file once for every desk instead of reading its whole feed out
 * to each. Files are never changed once published: a newer snapshot is a new file, and the older ones go.
 */
public final class CacheSnapshots implements AutoCloseable {
    /** Below this many changes a first sync page by page takes seconds, and a snapshot is not worth keeping. */
    public static final long DEFAULT_MIN_CHANGES = 200_000;
    /** How often a server looks whether its master moved on far enough for a newer snapshot. */
    public static final Duration CHECK_PERIOD = Duration.ofMinutes(10);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".db";
    private static final Logger LOG = LoggerFactory.getLogger(CacheSnapshots.class);

    /** A published snapshot: the feed cursor it holds everything up to, and what a desk checks it by. */
    public record Snapshot(Path file, UUID masterId, long cursor, long bytes, long crc32c) {
    }

    private final MasterStore store;
    private final Path directory;
    private final long minChanges;
    private final Clock clock;
    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("cache-snapshots"));
    private volatile Snapshot latest;
    /** After a failed build the next waits this long, so a full disk or a broken master is not hammered. */
    private Instant nextTry = Instant.MIN;

    /**
     * Keeps snapshots of {@code store} in {@code directory}, taking up the newest one a previous run left there if it
     * is still this master's and of this version's cache format.
     */
    public CacheSnapshots(MasterStore store, Path directory, long minChanges, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.minChanges = minChanges;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new MasterException("Cannot create the snapshot folder " + directory + ": " + e.getMessage(), e);
        }
        try {
            unfinished().forEach(CacheSnapshots::deleteTree);
            this.latest = adoptNewest();
        } catch (UncheckedIOException e) {
            throw new MasterException("Cannot read the snapshot folder " + directory + ": " + e.getMessage(), e);
        }
        builder.execute(this::checkAdopted);
    }

    /** The snapshot to send a desk whose cache is of {@code format} ({@link CacheDatabase#format}), if there is one. */
    public Optional<Snapshot> latest(String format) {
        return CacheDatabase.format().equals(format) ? Optional.ofNullable(latest) : Optional.empty();
    }

    /** Checks every {@code period} (and now) whether the master moved on far enough for a newer snapshot. */
    public CacheSnapshots refreshEvery(Duration period) {
        builder.scheduleWithFixedDelay(this::refreshIfBehind, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void refreshIfBehind() {
        if (clock.instant().isBefore(nextTry)) {
            return;
        }
        try {
            Snapshot current = latest;
            long built = current == null ? 0 : current.cursor();
            if (store.latestSeq() - built < minChanges) {
                return;
            }
            long free = Files.getFileStore(directory).getUsableSpace();
            if (current != null && free < 2 * current.bytes()) {
                throw new MasterException("only " + (free >> 20) + " MB free in " + directory + " for a snapshot of about "
                        + (current.bytes() >> 20) + " MB");
            }
            build();
        } catch (IOException | RuntimeException e) {
            if (builder.isShutdown()) {
                LOG.debug("A cache snapshot build stopped with the server: {}", e.getMessage());
                return;
            }
            nextTry = clock.instant().plus(RETRY_AFTER_FAILURE);
            LOG.error("Building a cache snapshot failed ({}); desks sync page by page, and the next try is in an hour",
                    e.getMessage(), e);
        }
    }

    /** A snapshot taken up after a restart is named by its CRC-32C; one damaged since would be refused by every desk. */
    private void checkAdopted() {
        Snapshot adopted = latest;
        if (adopted == null) {
            return;
        }
        String problem;
        try {
            if (crc32c(adopted.file()) == adopted.crc32c()) {
                return;
            }
            problem = "its content no longer matches its CRC-32C";
        } catch (IOException e) {
            problem = e.getMessage();
        }
        LOG.warn("Leaving out the cache snapshot {}: {}", adopted.file(), problem);
        if (latest == adopted) {
            latest = null;
        }
        try {
            Files.deleteIfExists(adopted.file());
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", adopted.file(), e.getMessage());
        }
    }

    /** Builds a snapshot of everything the feed holds now and publishes it; returns it. */
    public synchronized Snapshot build() {
        long started = System.nanoTime();
        Path work = temporaryFolder();
        try {
            long cursor;
            try (CacheDatabase cache = CacheDatabase.open(work)) {
                SyncStore sync = new SyncStore(cache);
                cursor = load(sync);
                sync.finishFirstSync();
            }
            Snapshot previous = latest;
            if (cursor == 0) {
                throw new MasterException("The master's feed is empty: there is no cache to snapshot");
            }
            if (previous != null && cursor <= previous.cursor()) {
                return previous;
            }
            Path built = work.resolve(CacheDatabase.FILE_NAME);
            useRollbackJournal(built);
            long crc32c = crc32c(built);
            Path file = directory.resolve(PREFIX + cursor + "-" + clock.millis() + "-" + Long.toHexString(crc32c) + SUFFIX);
            Files.move(built, file, StandardCopyOption.ATOMIC_MOVE);
            Snapshot snapshot = new Snapshot(file, store.masterId(), cursor, Files.size(file), crc32c);
            latest = snapshot;
            // The one before stays until the next build: a desk may have been told of it a moment ago.
            removeAllBut(file, previous == null ? file : previous.file());
            LOG.info("Cache snapshot up to change {} built in {} s ({} MB)", cursor,
                    (System.nanoTime() - started) / 1_000_000_000, snapshot.bytes() >> 20);
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException("Building a cache snapshot in " + directory + " failed", e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Feeds the cache exactly what GET /changes sends a desk, page by page, through the desk's own reader, and
     * returns the cursor it reached. Stops, unfinished, when the server stops.
     */
    private long load(SyncStore sync) throws IOException {
        long after = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new MasterException("The cache snapshot build was stopped");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
            try (FeedWriter page = new FeedWriter(bytes, store.masterId())) {
                page.finish(store.changes(after, MasterServer.MAX_PAGE, page::change));
            }
            FeedPages.Pulled pulled = FeedPages.read(new ByteArrayInputStream(bytes.toByteArray()));
            if (pulled.last() <= after) {
                return after;
            }
            sync.apply(pulled.masterId(), pulled.page(), pulled.last(), clock.instant());
            after = pulled.last();
            if (!pulled.more()) {
                return after;
            }
        }
    }

    /** A snapshot is one self-contained file: no log beside it, as a desk copies it. */
    private static void useRollbackJournal(Path file) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw new IOException("Cannot close the snapshot's log: " + e.getMessage(), e);
        }
    }

    /**
     * The newest snapshot a previous run left, if it is this master's and of this version's schema. Its cursor and
     * CRC-32C are in its name, so a restart does not read gigabytes; a file damaged since is found by the desk.
     */
    private Snapshot adoptNewest() {
        Optional<Path> newest = files().max(Comparator.comparingLong(file -> Named.of(file).cursor()));
        if (newest.isEmpty()) {
            return null;
        }
        Path file = newest.get();
        try {
            CacheDatabase.SnapshotOf holds = CacheDatabase.checkSnapshot(file);
            if (!holds.masterId().equals(store.masterId())) {
                throw new CacheException(file + " was built from master " + holds.masterId());
            }
            Named named = Named.of(file);
            if (named.cursor() != holds.cursor()) {
                throw new CacheException(file + " holds another cursor than its name says");
            }
            Snapshot snapshot = new Snapshot(file, holds.masterId(), holds.cursor(), Files.size(file), named.crc32c());
            removeAllBut(file, file);
            return snapshot;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Leaving out the cache snapshot {}: {}", file, e.getMessage());
            removeAllBut(null, null);
            return null;
        }
    }

    private static long crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                crc.update(buffer, 0, read);
            }
        }
        return crc.getValue();
    }

    private Stream<Path> files() {
        return list(PREFIX + "*" + SUFFIX);
    }

    /** Folders of builds a stop or crash interrupted. */
    private Stream<Path> unfinished() {
        return list("building-*");
    }

    private Stream<Path> list(String glob) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
            Stream.Builder<Path> found = Stream.builder();
            entries.forEach(found);
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a snapshot's name ({@code snapshot-CURSOR-TIME-CRC.db}) says of it; a cursor of -1 for another name. */
    private record Named(long cursor, long crc32c) {
        static Named of(Path file) {
            String name = file.getFileName().toString();
            String[] parts = name.substring(PREFIX.length(), name.length() - SUFFIX.length()).split("-");
            try {
                return new Named(Long.parseLong(parts[0]), Long.parseUnsignedLong(parts[2], 16));
            } catch (RuntimeException e) {
                return new Named(-1, 0);
            }
        }
    }

    /** Where a file cannot be removed now, the next build tries again. */
    private void removeAllBut(Path keep, Path alsoKeep) {
        files().filter(file -> !file.equals(keep) && !file.equals(alsoKeep)).forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Older snapshot {} stays for now: {}", file, e.getMessage());
            }
        });
    }

    private Path temporaryFolder() {
        try {
            return Files.createTempDirectory(directory, "building-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build a cache snapshot in " + directory, e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }

    /** Stops building; a build under way stops at its next page. */
    @Override
    public void close() {
        builder.shutdownNow();
        try {
            builder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
