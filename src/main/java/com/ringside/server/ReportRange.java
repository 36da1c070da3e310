package com.ringside.server;

import com.ringside.domain.LineOfBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** What a report covers: [from, to), one line of business or all (null), and the zone its days and hours are in. */
public record ReportRange(Instant from, Instant to, LineOfBusiness line, ZoneId zone) {
    public static final Duration LONGEST = Duration.ofDays(3 * 366);

    public ReportRange {
        if (from == null || to == null || zone == null) {
            throw new IllegalArgumentException("report: from, to and zone are required");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("report: 'from' must be before 'to'");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("report: a report covers at most three years");
        }
    }

    String lineKey() {
        return line == null ? ContactTallies.ALL_LINES : line.name();
    }
}
