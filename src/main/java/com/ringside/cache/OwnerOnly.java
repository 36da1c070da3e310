package com.ringside.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps customer data readable by its user only, where the file system has POSIX permissions (Linux, macOS). On
 * Windows the per-user application-data folder already is.
 */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Creates {@code directory} if missing; one Ringside creates is closed to other users. */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        restrict(directory, "rwx------");
    }

    /** Closes a database file (and its -wal and -shm companions, if there) to other users. */
    public static void database(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(part)) {
                restrict(part, "rw-------");
            }
        }
    }

    private static void restrict(Path path, String permissions) {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            // Asked for only here: the desk closes its data directory before logging starts and names the log folder.
            Logger log = LoggerFactory.getLogger(OwnerOnly.class);
            log.warn("Could not make {} private to its user: {}", path, e.getMessage());
        }
    }
}
