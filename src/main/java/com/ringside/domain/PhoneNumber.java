package com.ringside.domain;

import java.util.regex.Pattern;

/** A telephone number in E.164 form: '+', country code, subscriber number, at most 15 digits. */
public record PhoneNumber(String e164) implements Comparable<PhoneNumber> {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        Checks.requiredText("number", e164);
        if (!E164.matcher(e164).matches()) {
            throw new InvalidValueException("number", "'" + abbreviate(e164)
                    + "' is not an E.164 number (expected + and 7 to 15 digits, e.g. +14155550123)");
        }
    }

    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164);
    }

    /** The digits without the plus sign. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public String toString() {
        return e164;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
