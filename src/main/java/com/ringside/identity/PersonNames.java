package com.ringside.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names and e-mail addresses as matching compares them: "RUIZ,  Ána" and "ruiz, ana" are the same name. */
public final class PersonNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PersonNames() {
    }

    /** Lower case, accents and punctuation gone, single spaces; empty for null. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * The key a person is looked up by when nothing else matches: family name and the given name's initial, lower
     * case ("ruiz|a"); a family name alone would put every Smith in one block. Empty without a family name.
     */
    public static String familyKey(String familyName, String givenName) {
        if (familyName == null || familyName.isBlank()) {
            return "";
        }
        String given = givenName == null ? "" : givenName.strip();
        return familyName.strip().toLowerCase(Locale.ROOT) + "|" + (given.isEmpty() ? "" : given.substring(0, 1)
                .toLowerCase(Locale.ROOT));
    }

    /** The address in lower case, or null when it is not an e-mail address. */
    public static String email(String text) {
        if (text == null) {
            return null;
        }
        String email = text.strip().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(email).matches() && email.length() <= 254 ? email : null;
    }
}
