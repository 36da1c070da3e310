package com.ringside.cache;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The cache file: opened only after it is known to be a Ringside cache this version can read, then migrated.
 * Anything else (a foreign or damaged file, a newer schema, a read-only directory) stops with a message and
 * leaves the file as it was.
 */
public final class CacheDatabase implements AutoCloseable {
    public static final String FILE_NAME = "cache.db";
    /** Where a snapshot from the master is downloaded before it is copied into the cache. */
    static final String SNAPSHOT_DOWNLOAD = FILE_NAME + ".snapshot";
    /** The highest migration in db/cache; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 7;
    /** Raised whenever {@link SearchTerms} or {@link CustomerStore.Encoded} change what they write. */
    static final int DERIVED_CONTENT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(CacheDatabase.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String HISTORY_TABLE = "flyway_schema_history";
    /**
     * Copying the log into the file every 16,384 pages (64 MB) rather than SQLite's 1,000 (4 MB): a first sync commits a
     * page of thousands of rows at a time and otherwise checkpoints (and waits for the disk) after nearly every one.
     */
    private static final int CHECKPOINT_PAGES = 16_384;
    /** Every 65,536 pages (256 MB) while a bulk load writes: see {@link #writeInBulk}. */
    private static final int BULK_CHECKPOINT_PAGES = 65_536;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final String WAL = "wal";
    private static final String ROLLBACK_JOURNAL = "delete";

    private final Path file;
    private final HikariDataSource pool;
    /** Shared by every read and write, held alone while the whole file is replaced ({@link #alone}). */
    private final ReentrantReadWriteLock replacing = new ReentrantReadWriteLock();

    private CacheDatabase(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
    }

    public static CacheDatabase open(Path dataDirectory) {
        Path file = prepare(dataDirectory);
        removeDownloadLeftOver(file.resolveSibling(SNAPSHOT_DOWNLOAD));
        Inspection found = Files.exists(file) ? inspectReadOnly(file) : Inspection.NEW;
        HikariDataSource pool = connect(file);
        try {
            CacheDatabase database = new CacheDatabase(file, pool);
            // The pool's first connection is the only one yet, so leaving WAL (which needs that) works here.
            database.journal(found.firstSyncDone() ? WAL : ROLLBACK_JOURNAL);
            OwnerOnly.database(file);
            if (found.version() < SCHEMA_VERSION) {
                database.migrate();
            }
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Keeps the cache in WAL mode from now on, where readers and the writer never wait for each other; called once
     * a first sync has loaded the master. Before that a cache keeps a rollback journal, which writes each page a
     * load appends to the file once, where WAL writes it to the log and again into the file.
     */
    public void useWriteAheadLog() {
        journal(WAL);
    }

    private void journal(String mode) {
        String now = read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA journal_mode = " + mode)) {
                rows.next();
                return rows.getString(1);
            }
        });
        if (!mode.equalsIgnoreCase(now)) {
            LOG.info("The cache {} stays in {} journal mode for now (asked for {})", file, now, mode);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode; for reads. */
    public <T> T read(SqlWork<T> work) {
        return shared(() -> {
            try (Connection connection = pool.getConnection()) {
                return work.apply(connection);
            }
        });
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode while no other read or write of this cache is under way
     * (they wait for it): for replacing the cache's whole content ({@link #restore}).
     */
    public <T> T alone(SqlWork<T> work) {
        Lock lock = replacing.writeLock();
        lock.lock();
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the whole content of the cache on {@code connection} with that of {@code snapshot}, copied page by
     * page in one transaction: a crash leaves the cache as it was before. Only within {@link #alone}.
     */
    public void restore(Connection connection, Path snapshot) throws SQLException {
        if (!replacing.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("A cache is replaced only while nothing else reads or writes it");
        }
        // Nothing else in this process uses the cache now; another process that does is waited for briefly, by the
        // copy's own retries, rather than for the usual ten seconds at each of them.
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            try {
                int result = connection.unwrap(SQLiteConnection.class).getDatabase()
                        .restore("main", snapshot.toString(), null, 100, 5, -1);
                if (result != 0) {
                    throw new SQLException("Copying " + snapshot + " into the cache failed (SQLite result " + result
                            + ")", null, result);
                }
            } finally {
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            }
        }
    }

    /** What a snapshot holds: everything its master's feed held up to the cursor. */
    public record SnapshotOf(UUID masterId, long cursor) {
    }

    /**
     * Checks that {@code snapshot} is a whole cache this version of Ringside writes, with its first sync loaded,
     * and says whose master's feed it holds and up to where; otherwise says what it is instead. Does not change
     * the file.
     */
    public static SnapshotOf checkSnapshot(Path snapshot) {
        if (!looksLikeSqlite(snapshot)) {
            throw new CacheException(snapshot + " is not a Ringside cache (it is not a SQLite database).");
        }
        try {
            Inspection found = inspect(snapshot);
            if (found.version() != SCHEMA_VERSION || !found.firstSyncDone()) {
                throw new CacheException(snapshot + " is not a whole cache of schema " + SCHEMA_VERSION
                        + " (it has schema " + found.version() + (found.firstSyncDone() ? "" : ", half loaded") + ").");
            }
            try (Connection connection = readOnly(snapshot);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT (SELECT value FROM cache_property WHERE name = 'master_id'),
                                (SELECT value FROM cache_property WHERE name = 'cursor')""")) {
                rows.next();
                if (rows.getString(1) == null || rows.getString(2) == null) {
                    throw new CacheException(snapshot + " holds no master's feed.");
                }
                return new SnapshotOf(UUID.fromString(rows.getString(1)), Long.parseLong(rows.getString(2)));
            }
        } catch (SQLException e) {
            throw translate(snapshot, e);
        }
    }

    /** Work that takes its own connection from the pool. */
    @FunctionalInterface
    private interface OnConnection<T> {
        T get() throws SQLException;
    }

    /**
     * What a cache built by this version of Ringside holds: its schema, and the version of what the application
     * works out into it (search terms, the encoded parts of a customer), which can change without a migration. A
     * snapshot is used only by a desk of the same format.
     */
    public static String format() {
        return SCHEMA_VERSION + "." + DERIVED_CONTENT;
    }

    private <T> T shared(OnConnection<T> work) {
        Lock lock = replacing.readLock();
        lock.lock();
        try {
            return work.get();
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a query whose answer is one number, binding {@code parameters} as text. */
    public long singleLong(String sql, String... parameters) {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** Runs {@code work} in one immediate transaction: all of it is stored, or none. */
    public <T> T write(SqlWork<T> work) {
        return shared(() -> {
            try (Connection connection = pool.getConnection()) {
                return SqlWork.inTransaction(connection, work);
            }
        });
    }

    /**
     * As {@link #write}, for one transaction of a bulk load, after which the log is copied into the file only once it
     * holds 256 MB rather than 64 MB. A load rewrites the same pages of its indexes in transaction after transaction and
     * a checkpoint copies only the latest copy of each page, so copying less often copies far less. What a crash
     * keeps is unchanged: every committed transaction.
     */
    public <T> T writeInBulk(SqlWork<T> work) {
        return shared(() -> {
            try (Connection connection = pool.getConnection()) {
                checkpointEvery(connection, BULK_CHECKPOINT_PAGES);
                try {
                    return SqlWork.inTransaction(connection, work);
                } finally {
                    checkpointEvery(connection, CHECKPOINT_PAGES);
                }
            }
        });
    }

    /** Copies the whole log into the file and empties it, so that a bulk load leaves no large log behind. */
    public void checkpoint() {
        read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    private static void checkpointEvery(Connection connection, int pages) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = " + pages);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static Path prepare(Path dataDirectory) {
        try {
            OwnerOnly.createDirectory(dataDirectory);
        } catch (IOException e) {
            throw new CacheException("Ringside cannot create its data directory " + dataDirectory
                    + ". Choose another with --data-dir or " + DataDirectory.ENVIRONMENT_VARIABLE + ".", e);
        }
        if (!canWriteIn(dataDirectory)) {
            throw new CacheException("The data directory " + dataDirectory + " is read-only. Ringside keeps its "
                    + "cache there; choose a writable one with --data-dir or " + DataDirectory.ENVIRONMENT_VARIABLE + ".");
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file) && !looksLikeSqlite(file)) {
            throw new CacheException(file + " is not a Ringside cache (it is not a SQLite database). It was left "
                    + "untouched; move it away or choose another data directory.");
        }
        return file;
    }

    /** A snapshot a stop or crash left half downloaded, or downloaded and not removed: gigabytes nobody will use. */
    private static void removeDownloadLeftOver(Path download) {
        try {
            if (Files.deleteIfExists(download)) {
                LOG.info("Removed {}, a snapshot download left by an earlier run", download);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", download, e.getMessage());
        }
    }

    /** Asks the file system rather than the permission bits, which say nothing of read-only mounts. */
    private static boolean canWriteIn(Path dataDirectory) {
        try {
            Files.delete(Files.createTempFile(dataDirectory, ".write-check", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean looksLikeSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            return header.length == 0 || Arrays.equals(header, SQLITE_HEADER);
        } catch (IOException e) {
            throw new CacheException("Ringside cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // No journal mode here: each connection takes the file's (see open), and a connection asking to leave WAL
        // while others are open would fail. FULL makes every commit durable in either mode; in rollback mode NORMAL
        // could leave a file damaged by a power cut on some file systems.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setCacheSize(-32_000);
        // The pool hands a connection to one thread at a time, so SQLite's own lock around every call is not needed.
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("cache");
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
        return new HikariDataSource(hikari);
    }

    /** What a look at the file found: its schema version (0 for an empty file) and whether a first sync loaded it. */
    private record Inspection(int version, boolean firstSyncDone) {
        static final Inspection NEW = new Inspection(0, false);
    }

    /**
     * Looks at an existing file without changing a byte of it (opening it read-write could already change its
     * journal mode), except to undo a commit that a crash or power cut interrupted: a read-only connection cannot
     * roll back the journal such a commit leaves, and every later reader of the file would have to.
     */
    private static Inspection inspectReadOnly(Path file) {
        try {
            return inspect(file);
        } catch (SQLException e) {
            if (!(e instanceof SQLiteException sqlite
                    && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_READONLY_ROLLBACK)) {
                throw translate(file, e);
            }
        }
        undoInterruptedCommit(file);
        try {
            return inspect(file);
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    /** Opening the file for writing and reading from it rolls the interrupted commit's journal back. */
    private static void undoInterruptedCommit(Path file) {
        LOG.warn("The cache {} was left in the middle of a commit; undoing that commit", file);
        SQLiteDataSource readWrite = new SQLiteDataSource();
        readWrite.setUrl("jdbc:sqlite:" + file);
        try (Connection connection = readWrite.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static Inspection inspect(Path file) throws SQLException {
        try (Connection connection = readOnly(file); Statement statement = connection.createStatement()) {
            boolean anyTable = false;
            boolean history = false;
            try (ResultSet tables = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (tables.next()) {
                    anyTable = true;
                    history |= HISTORY_TABLE.equals(tables.getString(1));
                }
            }
            if (anyTable && !history) {
                throw new CacheException(file + " is a SQLite database but not a Ringside cache. It was left "
                        + "untouched; move it away or choose another data directory.");
            }
            int version = history ? appliedVersion(statement) : 0;
            if (version > SCHEMA_VERSION) {
                throw new CacheException(file + " was written by a newer Ringside (cache schema " + version
                        + "). Update Ringside, or choose another data directory. The file was left untouched.");
            }
            return new Inspection(version, version > 0 && !FirstSyncLoad.underway(connection));
        }
    }

    private static int appliedVersion(Statement statement) throws SQLException {
        try (ResultSet versions = statement.executeQuery(
                "SELECT max(CAST(version AS INTEGER)) FROM " + HISTORY_TABLE + " WHERE success = 1")) {
            return versions.next() ? versions.getInt(1) : 0;
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/cache").table(HISTORY_TABLE).load();
    }

    private void migrate() {
        int applied = flyway(pool).migrate().migrationsExecuted;
        if (applied > 0) {
            LOG.info("Cache {} migrated ({} migration(s) applied)", file, applied);
        }
    }

    private CacheException translate(SQLException e) {
        return translate(file, e);
    }

    private static CacheException translate(Path file, SQLException e) {
        SQLiteErrorCode code = sqliteCode(e);
        if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
            return new CacheException(file + " is damaged and cannot be read. It was left untouched; move it away "
                    + "and Ringside will build a new cache.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN) {
            return new CacheException("Ringside cannot write to " + file + ". Check that the file and its folder "
                    + "are writable, or choose another data directory.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            return new CacheException("The disk holding " + file + " is full. Free some space and try again.", e);
        }
        return new CacheException("The local cache failed: " + e.getMessage(), e);
    }

    private static SQLiteErrorCode sqliteCode(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() != 0) {
                return SQLiteErrorCode.getErrorCode(sql.getErrorCode());
            }
        }
        return SQLiteErrorCode.UNKNOWN_ERROR;
    }
}
