package com.ringside.cache;

import java.util.List;

/** Newest-first contact events; {@code total} counts every event that passes the filter. */
public record TimelinePage(List<TimelineEntry> entries, int total) {
    public TimelinePage {
        entries = List.copyOf(entries);
    }

    /** Where the next, older page starts, or null when this was the last one. */
    public TimelineCursor next(int pageSize) {
        if (entries.size() < pageSize) {
            return null;
        }
        TimelineEntry last = entries.get(entries.size() - 1);
        return new TimelineCursor(last.event().occurredAt(), last.event().id());
    }
}
