package com.ringside.domain;

import java.util.regex.Pattern;

/** The code of a system a record came from, such as POLICY_ADMIN or RINGSIDE. */
public record SourceSystem(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    public static final SourceSystem RINGSIDE = new SourceSystem("RINGSIDE");

    public SourceSystem {
        Checks.requiredText("sourceSystem", code);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValueException("sourceSystem",
                    "'" + code + "' must be 2 to 40 capital letters, digits or underscores");
        }
    }

    public static SourceSystem of(String code) {
        return new SourceSystem(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
