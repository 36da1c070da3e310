package com.ringside.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** `--name value` options of one command; anything unknown or missing a value is a usage error. */
public final class Options {
    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    public static Options parse(List<String> args, Set<String> known) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String value = null;
            if (name != null && name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name == null || !known.contains(name)) {
                throw new UsageException("unknown argument '" + arg + "'; expected one of " + known);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            options.values.put(name, value);
        }
        return options;
    }

    public void ifPresent(String name, java.util.function.Consumer<String> action) {
        String value = values.get(name);
        if (value != null) {
            action.accept(value);
        }
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int intValue(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** The value of an enum option, named case-insensitively, or null when absent. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + " must be one of " + Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", not '" + value + "'");
        }
    }

    /** A command line that cannot be run as written. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
