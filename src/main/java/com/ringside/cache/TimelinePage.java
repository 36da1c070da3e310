package com.ringside.cache;

import java.util.List;

/**
 * Newest-first contact events; {@code total} counts every event that passes the filter, and {@code next} is
 * where the next, older page starts, or null when this was the last one.
 */
public record TimelinePage(List<TimelineEntry> entries, int total, TimelineCursor next) {
    public TimelinePage {
        entries = List.copyOf(entries);
    }
}
