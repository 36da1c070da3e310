package com.ringside.wire;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the master says of a cache snapshot it sends (GET /cache-snapshot), in the answer's headers: whose master it
 * is, the feed cursor it was built up to, its length and its CRC-32C, which the desk checks before using it.
 */
public record SnapshotHeaders(UUID masterId, long cursor, long bytes, long crc32c) {
    public static final String MASTER_ID = "Ringside-Master-Id";
    public static final String CURSOR = "Ringside-Snapshot-Cursor";
    public static final String CRC32C = "Ringside-Snapshot-Crc32c";
    /** Besides Content-Length, which a proxy may drop when it re-chunks the answer. */
    public static final String LENGTH = "Ringside-Snapshot-Length";
    public static final String MEDIA_TYPE = "application/vnd.sqlite3";

    /** Reads the headers through {@code header} (a header's first value by name); says which one is missing or wrong. */
    public static SnapshotHeaders of(Function<String, Optional<String>> header) {
        return new SnapshotHeaders(UUID.fromString(value(header, MASTER_ID)), number(header, CURSOR, 10),
                number(header, LENGTH, 10), number(header, CRC32C, 16));
    }

    private static String value(Function<String, Optional<String>> header, String name) {
        return header.apply(name).orElseThrow(() -> new IllegalArgumentException("The snapshot came without " + name));
    }

    private static long number(Function<String, Optional<String>> header, String name, int radix) {
        String text = value(header, name);
        try {
            return Long.parseLong(text, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The snapshot's " + name + " is not a number: " + text, e);
        }
    }
}
