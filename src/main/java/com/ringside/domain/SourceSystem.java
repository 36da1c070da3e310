package com.ringside.domain;

/** The code of a system a record came from, such as POLICY_ADMIN or RINGSIDE. */
public record SourceSystem(String code) {
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

    public static SourceSystem of(String code) {
        return new SourceSystem(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
