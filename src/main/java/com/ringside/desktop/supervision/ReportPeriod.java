package com.ringside.desktop.supervision;

import com.ringside.domain.LineOfBusiness;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Whole days from {@code first} to {@code last} in the desk's zone, one line of business or all (null). */
public record ReportPeriod(LocalDate first, LocalDate last, LineOfBusiness line, ZoneId zone) {
    public ReportPeriod {
        if (first == null || last == null) {
            throw new IllegalArgumentException("Choose the first and the last day.");
        }
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("The first day must not be after the last day.");
        }
    }

    /** The period as the master's endpoints take it. */
    Map<String, String> query() {
        Map<String, String> query = new HashMap<>();
        query.put("from", first.atStartOfDay(zone).toInstant().toString());
        query.put("to", last.plusDays(1).atStartOfDay(zone).toInstant().toString());
        query.put("zone", zone.getId());
        if (line != null) {
            query.put("line", line.name());
        }
        return query;
    }

    String fileName(String report) {
        return report + "-" + first + "-to-" + last + (line == null ? "" : "-" + line.name().toLowerCase()) ;
    }
}
