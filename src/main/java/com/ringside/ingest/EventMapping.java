package com.ringside.ingest;

import com.ringside.domain.Channel;
import com.ringside.domain.Direction;
import com.ringside.domain.Outcome;
import java.util.Locale;

/**
 * A column of an extract that is a contact on the customer's timeline: a policy sold, an order placed, a campaign
 * call. {@code at} names the column with the date (or date and time, ISO); the rest describes the contact.
 */
public record EventMapping(String at, String atFormat, String channel, String direction, String outcome,
                           String campaign, String notes) {
    void check(String where) {
        if (at == null || at.isBlank()) {
            throw new ImportException(where + "each of 'events' needs 'at', the column with the date");
        }
        valueOf(Channel.class, channel, where, "channel");
        valueOf(Direction.class, direction, where, "direction");
        if (outcome != null) {
            valueOf(Outcome.class, outcome, where, "outcome");
        }
    }

    Channel channelValue() {
        return Channel.valueOf(channel.toUpperCase(Locale.ROOT));
    }

    Direction directionValue() {
        return Direction.valueOf(direction.toUpperCase(Locale.ROOT));
    }

    Outcome outcomeValue() {
        return outcome == null ? null : Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> void valueOf(Class<E> type, String value, String where, String field) {
        try {
            Enum.valueOf(type, value == null ? "" : value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException(where + "'events." + field + "' must be one of "
                    + java.util.List.of(type.getEnumConstants()));
        }
    }
}
