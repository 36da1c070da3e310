package com.ringside.cache;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache, a snapshot downloaded for it and the embedded master are readable by their user only. */
class OwnerOnlyTest {
    @TempDir
    Path dir;

    @Test
    void aNewDataDirectoryAndItsDatabasesAreClosedToOtherUsers() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = dir.resolve("ringside");
        try (CacheDatabase cache = CacheDatabase.open(data)) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(cache.file())).isEqualTo("rw-------");
            cache.useWriteAheadLog();
            new CustomerStore(cache).saveAll(List.of(customer("Ann", "Owner").build()));
            assertThat(Files.exists(data.resolve("cache.db-wal"))).isTrue();
            assertThat(permissions(data.resolve("cache.db-wal"))).isEqualTo("rw-------");
        }
        try (com.ringside.server.MasterDatabase master = com.ringside.server.MasterDatabase.sqlite(data.resolve("master"))) {
            assertThat(permissions(data.resolve("master"))).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("master").resolve("master.db"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aDirectoryThatAlreadyExistsKeepsItsPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (CacheDatabase cache = CacheDatabase.open(dir)) {
            assertThat(permissions(dir)).isEqualTo("rwxr-xr-x");
            assertThat(permissions(cache.file())).isEqualTo("rw-------");
            assertThat(permissions(new SyncStore(cache).snapshotDownload())).as("a snapshot on its way")
                    .isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
