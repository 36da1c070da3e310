package com.ringside.domain;

import java.util.Collection;
import java.util.List;

/** Construction-time validation shared by the records of this package. */
public final class Checks {
    private Checks() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    public static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        return value.strip();
    }

    public static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static <T> List<T> copy(String field, Collection<T> values) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidValueException(field, "must not contain empty entries");
            }
        }
        return List.copyOf(values);
    }

    /** Parses an enum constant by name, naming the field and the allowed values when it is unknown. */
    public static <E extends Enum<E>> E parseEnum(String field, Class<E> type, String value) {
        requiredText(field, value);
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException(field, "unknown value '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
