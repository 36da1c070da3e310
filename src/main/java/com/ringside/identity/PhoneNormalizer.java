package com.ringside.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.ringside.domain.PhoneNumber;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns numbers as people write them into E.164, and E.164 numbers into the digit strings people type. */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;
    /** Whether each number below 1,000 is a country calling code (they have one to three digits). */
    private static final boolean[] CALLING_CODE = new boolean[1_000];

    static {
        UTIL.getSupportedCallingCodes().forEach(code -> CALLING_CODE[code] = true);
    }

    private final String defaultRegion;
    /** Whether numbers without a country code are North American ones that {@link #northAmerican} can read. */
    private final boolean northAmericanDigits;

    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(this.defaultRegion)) {
            throw new IllegalArgumentException("Unknown phone region '" + defaultRegion + "'");
        }
        this.northAmericanDigits = UTIL.getCountryCodeForRegion(this.defaultRegion) == 1
                && "1".equals(UTIL.getNddPrefixForRegion(this.defaultRegion, true));
    }

    /**
     * The region numbers without a country code are read in: {@code -Dringside.region=GB} when given, else the
     * country of the computer's locale, else US.
     */
    public static String installRegion() {
        String region = System.getProperty("ringside.region", java.util.Locale.getDefault().getCountry());
        return UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT)) ? region : "US";
    }

    /** The E.164 form of {@code input} in the default region, or empty when it is not a valid number. */
    public Optional<PhoneNumber> normalize(String input) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = parsed(input);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(PhoneNumber.of(UTIL.format(parsed, PhoneNumberFormat.E164)));
        } catch (NumberParseException | IllegalArgumentException notANumber) {
            // The numbering tables allow some national numbers longer than E.164's 15 digits; none can be dialled.
            return Optional.empty();
        }
    }

    /** A number read from text: its E.164 form and the zones it may ring in, as {@link PhoneZones} gives them. */
    public record Read(PhoneNumber number, List<ZoneId> zones) {
    }

    /**
     * What {@link #normalize} and {@link PhoneZones#zonesFor} give for {@code input}, for an import's millions of
     * numbers: the number's type, which both work out with a dozen patterns, is worked out once.
     */
    public Optional<Read> read(String input) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = parsed(input);
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(parsed); // UNKNOWN exactly when not valid
            if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
                return Optional.empty();
            }
            return Optional.of(new Read(PhoneNumber.of(UTIL.format(parsed, PhoneNumberFormat.E164)),
                    PhoneZones.zonesOf(parsed, type)));
        } catch (NumberParseException | IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /** The number {@code input} writes, read off its digits where {@link #northAmerican} can, else by the tables. */
    private Phonenumber.PhoneNumber parsed(String input) throws NumberParseException {
        Phonenumber.PhoneNumber northAmerican = northAmerican(input);
        return northAmerican != null ? northAmerican : UTIL.parse(input, defaultRegion);
    }

    /**
     * A North American number in one of the writings extracts use ("(415) 555-0123", "415.555.0123",
     * "+1 415 555 0123", "14155550123"), read off its digits: reading it with the numbering tables takes most of
     * the time of mapping an import's row. Null for any other writing, or when numbers without a country code are not
     * North American ones.
     * <p>For text of digits, spaces, hyphens, dots and brackets with at most a leading plus, the tables' parser
     * comes to a result that depends on the digits and the plus alone (what it reads as an extension or a second
     * number needs letters, '#', ',', ';' or '/'); for ten digits starting 2 to 9, or those after a 1, with or without
     * the plus, that result is country code 1 and those ten digits. {@code NorthAmericanNumbersProperties} holds the
     * two to the same results.
     */
    Phonenumber.PhoneNumber northAmerican(String input) {
        if (!northAmericanDigits) {
            return null;
        }
        boolean plus = false;
        int digits = 0;
        long value = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 11) {
                    return null;
                }
                value = value * 10 + (c - '0');
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        long national = value % 10_000_000_000L;
        boolean tenDigits = digits == 10 && !plus;
        boolean afterOne = digits == 11 && value / 10_000_000_000L == 1;
        if (!(tenDigits || afterOne) || national < 2_000_000_000L) {
            return null;
        }
        return new Phonenumber.PhoneNumber().setCountryCode(1).setNationalNumber(national);
    }

    /**
     * The E.164 form of a number the telephony reports, for looking it up: a valid number as {@link #normalize}
     * gives it, and also one of a possible length that the numbering tables do not know (yet): a caller's real
     * number must still find the customer stored with it, even in a range opened after this release.
     */
    public Optional<PhoneNumber> forLookup(String input) {
        Optional<PhoneNumber> valid = normalize(input);
        if (valid.isPresent() || input == null || input.isBlank() || input.length() > MAX_INPUT) {
            return valid;
        }
        try {
            Phonenumber.PhoneNumber parsed = parsed(input);
            return UTIL.isPossibleNumber(parsed) ? Optional.of(PhoneNumber.of(UTIL.format(parsed, PhoneNumberFormat.E164)))
                    : Optional.empty();
        } catch (NumberParseException | IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * Every digit string an agent may type for this number: the E.164 digits (14155550123), the national
     * significant number (4155550123) and the national dialling form with trunk prefix (02079460958).
     */
    public static Set<String> searchDigits(PhoneNumber number) {
        Set<String> digits = new LinkedHashSet<>();
        digits.add(number.digits());
        Phonenumber.PhoneNumber split = parts(number);
        if (split != null) {
            digits.add(UTIL.getNationalSignificantNumber(split));
            digits.add(digitsOf(UTIL.format(split, PhoneNumberFormat.NATIONAL)));
        }
        digits.remove("");
        return digits;
    }

    /**
     * The country code and national number an E.164 number is made of, read off its digits: calling codes are
     * prefix-free, so the first one to three digits that form one are it. Parsing the text with the numbering tables
     * finds the same for every valid number at several times the cost, which a first sync or an import of a million
     * customers pays once per phone. Null when no calling code starts the number.
     */
    static Phonenumber.PhoneNumber parts(PhoneNumber number) {
        String all = number.digits();
        int code = 0;
        for (int length = 1; length <= 3; length++) {
            code = code * 10 + all.charAt(length - 1) - '0';
            if (CALLING_CODE[code]) {
                String national = all.substring(length);
                Phonenumber.PhoneNumber split = new Phonenumber.PhoneNumber().setCountryCode(code)
                        .setNationalNumber(Long.parseLong(national));
                // Leading zeros do not survive as a number; kept as the numbering tables' parser keeps them.
                if (national.length() > 1 && national.charAt(0) == '0') {
                    split.setItalianLeadingZero(true);
                    int zeros = 1;
                    while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                        zeros++;
                    }
                    if (zeros != 1) {
                        split.setNumberOfLeadingZeros(zeros);
                    }
                }
                return split;
            }
        }
        return null;
    }

    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** The number as people of its country write it, e.g. (415) 555-0123, or E.164 if unknown. */
    public static String display(PhoneNumber number) {
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number.e164(), "ZZ");
            return UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException unreachable) {
            return number.e164();
        }
    }

    /** The ISO region of a number, e.g. US or GB, or "ZZ" if unknown. */
    public static String regionOf(PhoneNumber number) {
        Phonenumber.PhoneNumber parts = parts(number);
        String region = parts == null ? null : UTIL.getRegionCodeForNumber(parts);
        return region == null ? "ZZ" : region;
    }
}
