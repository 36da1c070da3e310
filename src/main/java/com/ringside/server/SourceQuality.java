package com.ringside.server;

import java.time.Instant;

/**
 * How one source system's records look in the master: how many customers it knows, how many of them cannot be
 * phoned, how many wait as possible duplicates, how many nobody has updated for a year, and its last import.
 * {@code lastImport} is null when the system never came through an import.
 */
public record SourceQuality(String system, long customers, long withoutPhone, long possibleDuplicates, long stale,
                            Instant lastImport, String lastFile, long lastRows, long lastRejected) {
}
