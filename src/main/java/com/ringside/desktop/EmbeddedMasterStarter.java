package com.ringside.desktop;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the master a desk uses when no server is configured. The desk cannot build one itself (it talks to
 * masters only over HTTP), so the application's entry point hands it this.
 */
@FunctionalInterface
public interface EmbeddedMasterStarter {
    /** Starts (creating and seeding it on first use) the master kept in {@code dataDirectory}; blocks. */
    Started start(Path dataDirectory);

    /** Where the master listens, the demo users' passwords it created, and how to stop it. */
    record Started(URI url, Map<String, String> demoPasswords, AutoCloseable stop) {
    }
}
