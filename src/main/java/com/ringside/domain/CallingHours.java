package com.ringside.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The local times at which calls are allowed, per weekday; a day with no ranges is closed. */
public record CallingHours(Map<DayOfWeek, List<TimeRange>> ranges) {
    public CallingHours {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (ranges != null) {
            ranges.forEach((day, list) -> {
                List<TimeRange> sorted = new ArrayList<>(Checks.copy("callingHours." + day, list));
                sorted.sort((a, b) -> Integer.compare(a.startSecond(), b.startSecond()));
                for (int i = 1; i < sorted.size(); i++) {
                    if (sorted.get(i).startSecond() < sorted.get(i - 1).endSecond()) {
                        throw new InvalidValueException("callingHours." + day, "ranges " + sorted.get(i - 1) + " and "
                                + sorted.get(i) + " overlap");
                    }
                }
                copy.put(Checks.required("callingHours", day), List.copyOf(sorted));
            });
        }
        ranges = Map.copyOf(copy);
    }

    public List<TimeRange> on(DayOfWeek day) {
        return ranges.getOrDefault(day, List.of());
    }

    public boolean isOpen(DayOfWeek day, LocalTime time) {
        return on(day).stream().anyMatch(range -> range.contains(time));
    }
}
