package com.ringside.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The code of a system a record came from, such as POLICY_ADMIN or RINGSIDE. */
public record SourceSystem(String code) {
    private static final Map<String, SourceSystem> KNOWN = new ConcurrentHashMap<>();
    public static final SourceSystem RINGSIDE = new SourceSystem("RINGSIDE");

    public SourceSystem {
        Checks.requiredText("sourceSystem", code);
        if (!wellFormed(code)) {
            throw new InvalidValueException("sourceSystem",
                    "'" + code + "' must be 2 to 40 capital letters, digits or underscores");
        }
    }

    /** [A-Z][A-Z0-9_]{1,39}, checked by hand: every account of every customer read passes here. */
    private static boolean wellFormed(String code) {
        if (code.length() < 2 || code.length() > 40 || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The system of a code, one object for each of the few systems there are: every account of every customer read
     * names one, and an import holds hundreds of thousands of customers read. The bound only keeps odd codes from
     * growing it.
     */
    public static SourceSystem of(String code) {
        SourceSystem known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        SourceSystem system = new SourceSystem(code);
        if (KNOWN.size() < 1_000) {
            KNOWN.putIfAbsent(code, system);
        }
        return system;
    }

    @Override
    public String toString() {
        return code;
    }
}
