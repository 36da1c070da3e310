package com.ringside.desktop.dial;

import com.ringside.desktop.support.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A callback time as an agent types it, in their own zone: "2026-03-10 09:30", "tomorrow 09:30" or "16:00". */
final class CallbackTime {
    private CallbackTime() {
    }

    /** The instant meant, or null for an empty text; a text that is not a time is refused with a message. */
    static Instant parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        try {
            LocalDateTime local;
            if (typed.startsWith("tomorrow")) {
                local = today.plusDays(1).atTime(LocalTime.parse(typed.substring("tomorrow".length()).strip()));
            } else if (typed.length() <= 5) {
                local = today.atTime(LocalTime.parse(typed));
            } else {
                local = LocalDateTime.parse(typed.replace(' ', 'T'));
            }
            return local.atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Messages.get("dial.callbackInvalid", text.strip()));
        }
    }
}
