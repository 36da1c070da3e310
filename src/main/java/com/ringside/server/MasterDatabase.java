package com.ringside.server;

import com.ringside.cache.OwnerOnly;
import com.ringside.cache.SqlWork;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/** The master's connection pool, on a SQLite file or on PostgreSQL, migrated by Flyway when opened. */
public final class MasterDatabase implements AutoCloseable {
    public static final String FILE_NAME = "master.db";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;
    /** Embedded masters only: where a large write leaves copying its log into the database file. */
    private final LogCheckpoints checkpoints;

    private static final long MMAP_BYTES = 4L << 30;
    /** An embedded master connection's page cache, in KiB; and while it writes a batch of an import. */
    private static final int CACHE_KIB = 64_000;
    private static final int IMPORT_CACHE_KIB = 400_000;
    /** SQLite's own: a commit that leaves more pages than this in the log copies the log into the file. */
    private static final int AUTOCHECKPOINT_PAGES = 1_000;
    /** The log's length, in pages, beyond which a large write waits for it to be copied: about three import batches. */
    private static final int LOG_LIMIT_PAGES = 50_000;

    private MasterDatabase(HikariDataSource pool, Dialect dialect, String description, int logLimitPages) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
        this.checkpoints = dialect == Dialect.SQLITE ? new LogCheckpoints(pool::getConnection, logLimitPages) : null;
    }

    /** The embedded master: one SQLite file in {@code directory}. */
    public static MasterDatabase sqlite(Path directory) {
        return sqlite(directory, LOG_LIMIT_PAGES);
    }

    /** {@code logLimitPages}: see {@link LogCheckpoints}. */
    static MasterDatabase sqlite(Path directory, int logLimitPages) {
        try {
            OwnerOnly.createDirectory(directory);
        } catch (IOException e) {
            throw new MasterException("The master cannot create its directory " + directory + ": " + e.getMessage(), e);
        }
        Path file = directory.resolve(FILE_NAME);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(30_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setCacheSize(-CACHE_KIB);
        // The pool hands a connection to one thread at a time, so SQLite's own lock around every call is not needed.
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        // Reads map the file instead of copying pages through the connection's cache: an import's lookups land all
        // over a master far larger than any one connection's cache, and every connection of the pool shares the map.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(MMAP_BYTES));
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setMaximumPoolSize(8);
        MasterDatabase database = open(hikari, Dialect.SQLITE, file.toString(), logLimitPages);
        OwnerOnly.database(file);
        return database;
    }

    /** A PostgreSQL master that several server processes may share. */
    public static MasterDatabase postgres(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new MasterException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db), not " + jdbcUrl);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(8);
        return open(hikari, Dialect.POSTGRESQL, jdbcUrl.replaceAll("password=[^&]*", "password=…"), 0);
    }

    private static MasterDatabase open(HikariConfig hikari, Dialect dialect, String description, int logLimitPages) {
        hikari.setPoolName("master");
        hikari.setAutoCommit(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new MasterException("The master database " + description + " cannot be opened: " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations(dialect.migrations()).load().migrate();
            return new MasterDatabase(pool, dialect, description, logLimitPages);
        } catch (FlywayException e) {
            pool.close();
            throw new MasterException("The master database " + description + " cannot be migrated: " + rootMessage(e), e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Reads on one connection, outside any explicit transaction. */
    <T> T read(SqlWork<T> work) {
        try (Connection connection = connection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw failed("read", e);
        }
    }

    /** One transaction: all of the work is stored, or none of it. */
    <T> T write(SqlWork<T> work) {
        try (Connection connection = connection()) {
            return SqlWork.inTransaction(connection, work);
        } catch (SQLException e) {
            throw failed("write", e);
        }
    }

    /**
     * A write of many rows, such as a batch of an import. An embedded master's connection writes it with a page
     * cache large enough for the pages it changes: with the usual one, changed pages spilled to the log before the
     * commit and were written again, and an import's batch took twice as long. Its commit leaves copying the log
     * into the database file, and waiting for the disk, to another thread (ADR 0024). The usual settings are set
     * back after.
     */
    <T> T writeLarge(SqlWork<T> work) {
        if (checkpoints != null) {
            checkpoints.awaitShortLog();
        }
        try (Connection connection = connection()) {
            if (dialect != Dialect.SQLITE) {
                return SqlWork.inTransaction(connection, work);
            }
            try {
                largeWriteSettings(connection, 0, IMPORT_CACHE_KIB);
                T result = SqlWork.inTransaction(connection, work);
                checkpoints.committed();
                return result;
            } finally {
                try {
                    largeWriteSettings(connection, AUTOCHECKPOINT_PAGES, CACHE_KIB);
                } catch (SQLException e) {
                    pool.evictConnection(connection); // never handed out again with a large write's settings
                }
            }
        } catch (SQLException e) {
            throw failed("write", e);
        }
    }

    /**
     * Waits until the large writes committed so far are on the disk: an embedded master's large writes reach it with
     * the copy of the log that follows them. A write to PostgreSQL is there when it commits.
     */
    void awaitLargeWritesOnDisk() {
        if (checkpoints != null) {
            checkpoints.awaitCopied();
        }
    }

    /** The log's automatic copy is set first: should the page cache's setting fail, the copy is as it should be. */
    private static void largeWriteSettings(Connection connection, int checkpointPages, int cacheKib)
            throws SQLException {
        try (java.sql.Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA wal_autocheckpoint = " + checkpointPages);
            pragma.execute("PRAGMA cache_size = -" + cacheKib);
        }
    }

    static MasterException failed(String what, SQLException e) {
        return new MasterException("The master database failed to " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (checkpoints != null) {
            checkpoints.close();
        }
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
