package com.ringside.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names and e-mail addresses as matching compares them: "RUIZ,  Ána" and "ruiz, ana" are the same name. */
public final class PersonNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * A whole name borne by more customers than this says nothing by itself: one more John Smith with nothing else
     * in common is as likely anyone.
     */
    public static final int COMMON_NAME = 5;
    private static final String WHOLE_NAME = "n|";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PersonNames() {
    }

    /** Lower case, accents and punctuation gone, single spaces; empty for null. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String ascii = normalizeAscii(name);
        return ascii != null ? ascii : normalizeAnyScript(name);
    }

    static String normalizeAnyScript(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The same for a name in plain ASCII, most of them, without decomposing it: null for any other name. */
    private static String normalizeAscii(String name) {
        StringBuilder normal = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean upper = c >= 'A' && c <= 'Z';
            if (upper || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && normal.length() > 0) {
                    normal.append(' ');
                }
                gap = false;
                normal.append(upper ? (char) (c + ('a' - 'A')) : c);
            } else {
                gap = true;
            }
        }
        return normal.toString();
    }

    /**
     * The keys a person is looked up by when no source key, phone or e-mail finds them: the family name with the
     * birth date, and the whole name ({@link #isWholeName}), which only says something when few customers bear it.
     * Not the given name with the birth date: it brings "Ana Martin-Xu" and "Ana Martin-Xi", born the same day,
     * close enough to merge.
     */
    public static List<String> nameBlocks(String givenName, String familyName, LocalDate birthDate) {
        List<String> blocks = new ArrayList<>(2);
        String family = normalize(familyName);
        String given = normalize(givenName);
        if (birthDate != null && !family.isEmpty()) {
            blocks.add("f|" + family + "|" + birthDate);
        }
        if (!family.isEmpty() && !given.isEmpty()) {
            blocks.add(WHOLE_NAME + given + "|" + family);
        }
        return blocks;
    }

    /** Whether the block is a whole name alone, without a birth date. */
    public static boolean isWholeName(String block) {
        return block.startsWith(WHOLE_NAME);
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
