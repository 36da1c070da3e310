package com.ringside.policy;

import com.ringside.domain.ContactWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How decisions word dates and spans: "Sun 8 Mar", "72 h", "7 days". */
final class Words {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private Words() {
    }

    static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    static String dayTime(Instant instant, ZoneId zone) {
        return DAY_TIME.format(instant.atZone(zone));
    }

    static String weekdayTime(Instant instant, ZoneId zone) {
        return WEEKDAY_TIME.format(instant.atZone(zone));
    }

    static String span(ContactWindow window) {
        return window.calendarDays() ? plural(window.days(), "day") : span(window.length());
    }

    static String span(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0 && duration.toDays() > 3) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toSeconds() % 3_600 == 0) {
            return duration.toHours() + " h";
        }
        return duration.toMinutes() + " min";
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
