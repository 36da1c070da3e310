package com.ringside.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time zones by name, one object each: every customer read carries one, and an import or a desk's search holds
 * many customers at once, where {@link ZoneId#of} makes a new object every time. There are some 600 zones; the
 * bound only keeps odd names from growing the table.
 */
public final class TimeZones {
    private static final Map<String, ZoneId> KNOWN = new ConcurrentHashMap<>();

    private TimeZones() {
    }

    /** The zone named {@code name}, as {@link ZoneId#of} reads it; a {@link DateTimeException} for none. */
    public static ZoneId named(String name) {
        ZoneId known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        ZoneId zone = ZoneId.of(name);
        if (KNOWN.size() < 2_000) {
            KNOWN.putIfAbsent(name, zone);
        }
        return zone;
    }
}
