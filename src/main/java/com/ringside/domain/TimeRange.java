package com.ringside.domain;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A half-open range of local time, [start, end); "24:00" ends at midnight. Written as "08:00-21:00". */
public record TimeRange(int startSecond, int endSecond) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})");
    private static final int DAY = 86_400;

    public TimeRange {
        if (startSecond < 0 || startSecond >= DAY || endSecond <= 0 || endSecond > DAY) {
            throw new InvalidValueException("callingHours", "times must lie between 00:00 and 24:00");
        }
        if (endSecond <= startSecond) {
            throw new InvalidValueException("callingHours", "range " + format(startSecond) + "-" + format(endSecond)
                    + " ends before it starts");
        }
    }

    public static TimeRange parse(String text) {
        Matcher match = TEXT.matcher(text == null ? "" : text.strip());
        if (!match.matches()) {
            throw new InvalidValueException("callingHours", "'" + text + "' is not a range like 08:00-21:00");
        }
        return new TimeRange(seconds(match.group(1), match.group(2)), seconds(match.group(3), match.group(4)));
    }

    public static TimeRange of(LocalTime start, LocalTime end) {
        return new TimeRange(start.toSecondOfDay(), end.equals(LocalTime.MIDNIGHT) ? DAY : end.toSecondOfDay());
    }

    public boolean contains(LocalTime time) {
        int second = time.toSecondOfDay();
        return second >= startSecond && second < endSecond;
    }

    public LocalTime start() {
        return LocalTime.ofSecondOfDay(startSecond);
    }

    @Override
    public String toString() {
        return format(startSecond) + "-" + format(endSecond);
    }

    private static int seconds(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new InvalidValueException("callingHours", hours + ":" + minutes + " is not a time of day");
        }
        return h * 3_600 + m * 60;
    }

    private static String format(int second) {
        return String.format(Locale.ROOT, "%02d:%02d", second / 3_600, second % 3_600 / 60);
    }
}
