package com.ringside.policy;

import com.ringside.domain.CallingHours;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ReasonCode;
import com.ringside.domain.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls only inside the local-time ranges of the day, half-open, in every zone the customer may be in; a public
 * holiday of the rule's country closes the whole local day.
 */
final class CallingHoursCheck {
    private static final int SEARCH_DAYS = 400;
    private static final List<TimeRange> ALL_DAY = List.of(new TimeRange(0, 86_400));

    private CallingHoursCheck() {
    }

    static Optional<Finding> check(ContactRule rule, Situation situation, Instant at, HolidayCalendar holidays) {
        Finding strictest = null;
        for (ZoneId zone : situation.zones()) {
            ZonedDateTime local = at.atZone(zone);
            Finding finding = null;
            if (rule.holidays() != null && holidays.isHoliday(rule.holidays(), local.toLocalDate())) {
                finding = new Finding(rule, ReasonCode.HOLIDAY, "Public holiday in " + rule.holidays() + " on "
                        + Words.day(at, zone) + " in " + zone.getId(), nextOpening(rule, zone, at, holidays));
            } else if (!open(rule.callingHours(), local.getDayOfWeek(), local.toLocalTime())) {
                finding = new Finding(rule, ReasonCode.CALLING_HOURS, "Outside calling hours in " + zone.getId()
                        + ": it is " + Words.weekdayTime(at, zone) + " there (" + hours(rule.callingHours(),
                        local.getDayOfWeek()) + ")", nextOpening(rule, zone, at, holidays));
            }
            if (finding != null && (strictest == null || later(finding.until(), strictest.until()))) {
                strictest = finding;
            }
        }
        return Optional.ofNullable(strictest);
    }

    /** The first instant after {@code from} at which this zone is open; null if none within a year. */
    private static Instant nextOpening(ContactRule rule, ZoneId zone, Instant from, HolidayCalendar holidays) {
        LocalDate first = Situation.localDate(from, zone);
        for (int day = 0; day <= SEARCH_DAYS; day++) {
            LocalDate date = first.plusDays(day);
            if (rule.holidays() != null && holidays.isHoliday(rule.holidays(), date)) {
                continue;
            }
            for (TimeRange range : ranges(rule.callingHours(), date.getDayOfWeek())) {
                Instant start = firstInstantAtOrAfter(date.atTime(range.start()), zone);
                Instant end = range.endSecond() == 86_400 ? Situation.startOfDay(date.plusDays(1), zone)
                        : date.atTime(LocalTime.ofSecondOfDay(range.endSecond())).atZone(zone).toInstant();
                if (end.isAfter(from)) {
                    return start.isAfter(from) ? start : from;
                }
            }
        }
        return null;
    }

    /**
     * The first instant whose local time is at or after {@code local}: the instant itself, or where the clocks
     * jump over it (spring forward), the moment of the jump, when the local time passes it.
     */
    private static Instant firstInstantAtOrAfter(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private static boolean open(CallingHours hours, DayOfWeek day, LocalTime time) {
        return hours == null || hours.isOpen(day, time);
    }

    private static List<TimeRange> ranges(CallingHours hours, DayOfWeek day) {
        return hours == null ? ALL_DAY : hours.on(day);
    }

    private static String hours(CallingHours hours, DayOfWeek day) {
        String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        List<TimeRange> ranges = ranges(hours, day);
        return ranges.isEmpty() ? "no calls on " + name
                : "hours on " + name + ": " + ranges.stream().map(TimeRange::toString).collect(Collectors.joining(", "));
    }

    private static boolean later(Instant candidate, Instant current) {
        return current != null && (candidate == null || candidate.isAfter(current));
    }
}
