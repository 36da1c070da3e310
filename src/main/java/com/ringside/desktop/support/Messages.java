package com.ringside.desktop.support;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** The desk's words, from resource bundles, so every label can be translated. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("com.ringside.desktop.messages",
            Locale.getDefault());

    private Messages() {
    }

    public static Optional<String> find(String key) {
        return BUNDLE.containsKey(key) ? Optional.of(BUNDLE.getString(key)) : Optional.empty();
    }

    public static String get(String key, Object... arguments) {
        String pattern = BUNDLE.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(arguments);
    }
}
