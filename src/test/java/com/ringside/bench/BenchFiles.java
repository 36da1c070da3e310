package com.ringside.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where a benchmark keeps its files: gone again when it ends, so runs do not fill the disk. */
final class BenchFiles {
    private BenchFiles() {
    }

    /** A new temporary directory, deleted with everything in it when the benchmark's JVM exits. */
    static Path scratch(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteRecursively(dir);
            } catch (IOException e) {
                // best effort at exit; the directory is under the system's temporary directory
            }
        }));
        return dir;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
