package com.ringside.desktop.support;

import java.util.Locale;

/**
 * Enum values as words on screen: from the bundle when it has "enum.CountPer.CUSTOMER" and the like, otherwise
 * from the name, so WRONG_NUMBER reads "Wrong number".
 */
public final class Labels {
    private Labels() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return Messages.find("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name()).orElseGet(() -> {
            String name = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        });
    }

    /** A call's length as minutes and seconds, "4:05". */
    public static String duration(int seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
