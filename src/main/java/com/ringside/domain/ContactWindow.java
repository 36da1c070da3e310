package com.ringside.domain;

import java.time.Duration;

/**
 * A span of time looking back from now: a rolling duration (24 h: an event counts while now − 24 h < t ≤ now),
 * or N consecutive calendar days in the customer's local time ending with today.
 */
public record ContactWindow(Duration length, boolean calendarDays) {
    public ContactWindow {
        Checks.required("window", length);
        if (length.isNegative() || length.isZero()) {
            throw new InvalidValueException("window", "must be longer than zero");
        }
        if (calendarDays && (length.toSeconds() % 86_400 != 0)) {
            throw new InvalidValueException("window", "calendar-day windows are whole days, not " + length);
        }
        if (length.toDays() > 3_660) {
            throw new InvalidValueException("window", "must be at most 10 years");
        }
    }

    public static ContactWindow rolling(Duration length) {
        return new ContactWindow(length, false);
    }

    public static ContactWindow days(int days) {
        return new ContactWindow(Duration.ofDays(days), true);
    }

    public int days() {
        return (int) length.toDays();
    }
}
