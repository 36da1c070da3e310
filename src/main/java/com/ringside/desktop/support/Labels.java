package com.ringside.desktop.support;

import java.util.Locale;

/** Enum values as words on screen: WRONG_NUMBER reads "Wrong number". */
public final class Labels {
    private Labels() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String name = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
