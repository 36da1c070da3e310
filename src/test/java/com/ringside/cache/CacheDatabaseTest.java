package com.ringside.cache;

import static com.ringside.testing.CachePragmas.integrity;
import static com.ringside.testing.CachePragmas.journalMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aNewCacheIsAPlainSqliteFileWithARollbackJournalUntilAFirstSyncHasLoadedIt() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(dir)) {
            assertThat(database.file()).isEqualTo(dir.resolve("cache.db"));
            assertThat(journalMode(database)).isEqualTo("delete");
        }
        try (CacheDatabase reopened = CacheDatabase.open(dir)) {
            assertThat(new CustomerStore(reopened).count()).isZero();
            assertThat(journalMode(reopened)).as("still waiting for its first sync").isEqualTo("delete");
            SyncStore store = new SyncStore(reopened);
            store.apply(UUID.randomUUID(), new SyncStore.Page(List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of()), 1, Instant.EPOCH);
            assertThat(journalMode(reopened)).as("loading").isEqualTo("delete");
            // Another connection of the pool is in use meanwhile, as the desk's reads would be.
            reopened.read(connection -> {
                store.finishFirstSync();
                return null;
            });
            assertThat(journalMode(reopened)).as("loaded").isEqualTo("wal");
        }
        try (CacheDatabase synced = CacheDatabase.open(dir)) {
            assertThat(journalMode(synced)).isEqualTo("wal");
        }
    }

    /**
     * A desk that lost power in the middle of a commit during its first sync leaves a hot rollback journal. The file
     * is first looked at read-only, which cannot roll the journal back; the desk must still open its cache, as it was
     * before the interrupted commit.
     */
    @Test
    void aCacheInterruptedInTheMiddleOfACommitOpensAsItWasBeforeThatCommit() throws Exception {
        Path running = dir.resolve("running");
        Path afterPowerCut = Files.createDirectories(dir.resolve("after-power-cut"));
        try (CacheDatabase database = CacheDatabase.open(Files.createDirectories(running))) {
            new SyncStore(database).remember("master_url", "https://master.example");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + running.resolve("cache.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = 2"); // so the commit's pages reach the file before it ends
            statement.execute("BEGIN IMMEDIATE");
            statement.executeUpdate("UPDATE cache_property SET value = 'changed'");
            statement.executeUpdate("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO cache_property (name, value) SELECT 'filler-' || i, hex(randomblob(500)) FROM n");
            // What is on disk at this moment is what a power cut would leave.
            for (String name : List.of("cache.db", "cache.db-journal")) {
                Files.copy(running.resolve(name), afterPowerCut.resolve(name));
            }
            statement.execute("ROLLBACK");
        }

        try (CacheDatabase reopened = CacheDatabase.open(afterPowerCut)) {
            assertThat(new SyncStore(reopened).recall("master_url")).hasValue("https://master.example");
            assertThat(reopened.singleLong("SELECT count(*) FROM cache_property WHERE name LIKE 'filler-%'")).isZero();
            assertThat(integrity(reopened)).isEqualTo("ok");
        }
    }

    @Test
    void aCacheLeftHalfLoadedByAnEarlierRunGoesBackToItsRollbackJournal() {
        try (CacheDatabase database = CacheDatabase.open(dir)) {
            database.useWriteAheadLog();
        }
        try (CacheDatabase reopened = CacheDatabase.open(dir)) {
            assertThat(journalMode(reopened)).isEqualTo("delete");
        }
    }

    @Test
    void aBulkWriteCopiesTheLogBackLessOftenAndLeavesItsConnectionAsItFoundIt() {
        try (CacheDatabase database = CacheDatabase.open(dir)) {
            assertThat(database.writeInBulk(CacheDatabaseTest::autocheckpoint)).isEqualTo(65_536);
            assertThat(database.write(CacheDatabaseTest::autocheckpoint)).isEqualTo(16_384);
            assertThat(database.read(CacheDatabaseTest::autocheckpoint)).isEqualTo(16_384);
        }
    }

    private static long autocheckpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aForeignFileIsLeftUntouched() throws Exception {
        byte[] text = "these are somebody's notes, not a database".getBytes();
        Files.write(dir.resolve("cache.db"), text);

        assertThatThrownBy(() -> CacheDatabase.open(dir)).isInstanceOf(CacheException.class)
                .hasMessageContaining("is not a Ringside cache").hasMessageContaining("left untouched");
        assertThat(digest(dir.resolve("cache.db"))).isEqualTo(digest(text));
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsLeftUntouched() throws Exception {
        Path file = dir.resolve("cache.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
        }
        String before = digest(file);

        assertThatThrownBy(() -> CacheDatabase.open(dir)).isInstanceOf(CacheException.class)
                .hasMessageContaining("SQLite database but not a Ringside cache");
        assertThat(digest(file)).as("file unchanged").isEqualTo(before);
    }

    @Test
    void aCacheFromANewerVersionIsRefusedAndKept() throws Exception {
        CacheDatabase.open(dir).close();
        Path file = dir.resolve("cache.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'x', 0, 1)""");
            statement.execute("CREATE TABLE future_feature (id INTEGER)");
        }
        String before = digest(file);

        assertThatThrownBy(() -> CacheDatabase.open(dir)).isInstanceOf(CacheException.class)
                .hasMessageContaining("newer Ringside").hasMessageContaining("99");
        assertThat(digest(file)).as("file unchanged").isEqualTo(before);
    }

    @Test
    void aDamagedCacheGetsAClearMessage() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(dir)) {
            new CustomerStore(database).count();
        }
        Path file = dir.resolve("cache.db");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        Files.deleteIfExists(dir.resolve("cache.db-wal"));
        Files.deleteIfExists(dir.resolve("cache.db-shm"));

        assertThatThrownBy(() -> CacheDatabase.open(dir)).isInstanceOf(CacheException.class)
                .hasMessageContaining("damaged");
        assertThat(digest(file)).as("file unchanged").isEqualTo(digest(bytes));
    }

    @Test
    void aReadOnlyDataDirectoryIsNamed() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("locked"));
        makeReadOnly(readOnly, true);
        try {
            assertThatThrownBy(() -> CacheDatabase.open(readOnly)).isInstanceOf(CacheException.class)
                    .hasMessageContaining("read-only").hasMessageContaining("--data-dir");
            assertThat(readOnly).isEmptyDirectory();
        } finally {
            makeReadOnly(readOnly, false);
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamed() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> CacheDatabase.open(notADirectory)).isInstanceOf(CacheException.class)
                .hasMessageContaining("cannot create its data directory");
    }

    private static String digest(Path file) throws Exception {
        return digest(Files.readAllBytes(file));
    }

    private static String digest(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Permission bits do not stop root, so as root the directory is made immutable instead. */
    private static void makeReadOnly(Path directory, boolean readOnly) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            Process chattr = new ProcessBuilder("chattr", readOnly ? "+i" : "-i", directory.toString()).inheritIO().start();
            assertThat(chattr.waitFor()).as("chattr exit code").isZero();
        } else {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(readOnly ? "r-xr-xr-x" : "rwxr-xr-x"));
        }
    }
}
