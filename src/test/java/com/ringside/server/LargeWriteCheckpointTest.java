package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large write of an embedded master (an import's batch) leaves copying its log into the database file to another
 * thread: the copy still happens, the log does not grow without end however fast the batches come, and the pool's
 * connections keep SQLite's usual checkpoints for every other write.
 */
class LargeWriteCheckpointTest {
    private static final int ROWS = 4_000;
    private static final String FILLER = "x".repeat(2_000);
    /** About 8 MB a batch, in pages of 4 KiB; the log may grow to three batches before a write waits for it. */
    private static final int BATCH_PAGES = 2_000;
    private static final int LOG_LIMIT_PAGES = 3 * BATCH_PAGES;

    @TempDir
    Path dir;

    @Test
    void theLogOfALargeWriteReachesTheDatabaseFileWithoutTheWriterCopyingIt() throws Exception {
        try (MasterDatabase database = MasterDatabase.sqlite(dir, LOG_LIMIT_PAGES)) {
            createTable(database);
            long before = Files.size(databaseFile());

            database.writeLarge(connection -> {
                assertThat(pragma(connection, "wal_autocheckpoint")).as("the writer does not copy the log").isZero();
                return insert(connection, 0);
            });

            // about 8 MB committed to the log; the file grows only when the log is copied into it
            awaitUntil(() -> Files.size(databaseFile()) > before + ROWS * (long) FILLER.length());
            assertThat(count(database)).isEqualTo(ROWS);
        }
    }

    @Test
    void largeWritesAreInTheDatabaseFileOnceAwaitedAsTheLastBatchOfAnImportIs() throws Exception {
        try (MasterDatabase database = MasterDatabase.sqlite(dir, LOG_LIMIT_PAGES)) {
            createTable(database);
            long before = Files.size(databaseFile());
            database.writeLarge(connection -> insert(connection, 0));

            database.awaitLargeWritesOnDisk();

            assertThat(Files.size(databaseFile())).isGreaterThan(before + ROWS * (long) FILLER.length());
        }
    }

    @Test
    void batchAfterBatchTheLogIsReusedInsteadOfGrowing() throws Exception {
        try (MasterDatabase database = MasterDatabase.sqlite(dir, LOG_LIMIT_PAGES)) {
            createTable(database);
            long largestLog = 0;
            for (int batch = 0; batch < 12; batch++) { // back to back, as an import writes them
                int first = batch * ROWS;
                database.writeLarge(connection -> insert(connection, first));
                largestLog = Math.max(largestLog, Files.size(logFile()));
            }
            // twelve batches kept in the log would be about 100 MB; it starts again once the last copy found more
            // than three in it, and grows by at most two batches that no copy has finished with
            assertThat(largestLog).isLessThan(7L * ROWS * FILLER.length());
            assertThat(count(database)).isEqualTo(12 * ROWS);
        }
    }

    @Test
    void otherWritesOnThePoolsConnectionsStillCheckpointAsSqliteDoes() throws Exception {
        try (MasterDatabase database = MasterDatabase.sqlite(dir, LOG_LIMIT_PAGES)) {
            createTable(database);
            database.writeLarge(connection -> insert(connection, 0));
            assertUsualSettingsOnEveryConnection(database);
        }
    }

    @Test
    void aLargeWriteThatFailsStoresNothingAndLeavesItsConnectionAsUsual() throws Exception {
        try (MasterDatabase database = MasterDatabase.sqlite(dir, LOG_LIMIT_PAGES)) {
            createTable(database);
            assertThatThrownBy(() -> database.writeLarge(connection -> {
                insert(connection, 0);
                throw new SQLException("disk full");
            })).hasMessageContaining("disk full");

            assertThat(count(database)).isZero();
            assertUsualSettingsOnEveryConnection(database);
        }
    }

    /** Every connection of the pool at once, the large write's among them. */
    private static void assertUsualSettingsOnEveryConnection(MasterDatabase database) throws SQLException {
        List<Connection> pool = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                pool.add(database.connection());
            }
            for (Connection connection : pool) {
                assertThat(pragma(connection, "wal_autocheckpoint")).isEqualTo(1_000);
                assertThat(pragma(connection, "cache_size")).isEqualTo(-64_000);
            }
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("PRAGMA " + name)) {
            value.next();
            return value.getLong(1);
        }
    }

    private static void createTable(MasterDatabase database) {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            }
            return null;
        });
    }

    private static Void insert(Connection connection, int first) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO filler (id, text) VALUES (?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setInt(1, first + i);
                insert.setString(2, FILLER);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    private static int count(MasterDatabase database) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM filler")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private Path databaseFile() {
        return dir.resolve(MasterDatabase.FILE_NAME);
    }

    private Path logFile() {
        return dir.resolve(MasterDatabase.FILE_NAME + "-wal");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waited 20 s").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
