package com.ringside.cti;

import java.util.Locale;
import java.util.Optional;

/** The dialable part of what telephony reports as the other party: a SIP or tel: URI, or a number as typed. */
public final class CallerId {
    /** Longer than any phone number with an extension; anything longer is refused, not trimmed. */
    public static final int MAX_LENGTH = 64;

    private CallerId() {
    }

    /**
     * The number in {@code reported}, e.g. {@code +14155550123} from {@code "Ana" <sip:+14155550123@pbx;user=phone>},
     * or empty when the number is withheld, missing or not a number at all.
     */
    public static Optional<String> numberIn(String reported) {
        if (reported == null) {
            return Optional.empty();
        }
        String text = userPart(reported);
        if (text.isEmpty() || text.length() > MAX_LENGTH || isWithheld(text) || text.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** True when the caller chose not to show a number (or the telephony gave none). */
    public static boolean withheld(String reported) {
        return reported == null || reported.isBlank() || isWithheld(userPart(reported));
    }

    /** The name the caller id carries ({@code "Ana Ruiz" <sip:…>} → Ana Ruiz), or empty. */
    public static Optional<String> displayName(String reported) {
        if (reported == null) {
            return Optional.empty();
        }
        int open = reported.indexOf('<');
        String name = open > 0 ? reported.substring(0, open).replace("\"", "").strip() : "";
        return name.length() > 1 && name.length() <= MAX_LENGTH && name.chars().anyMatch(Character::isLetter)
                && !isWithheld(name) ? Optional.of(name) : Optional.empty();
    }

    /** What to show for a caller id that holds no number: the text itself, cut to a length that fits a line. */
    public static String asShown(String reported) {
        String text = reported == null ? "" : reported.strip().replaceAll("\\p{Cntrl}", " ");
        int open = text.indexOf('<');
        if (open >= 0 && text.indexOf('>', open) > open) {
            String display = text.substring(0, open).replace("\"", "").strip();
            text = display.isEmpty() ? userPart(text) : display;
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    /** The user part of a SIP/tel/callto URI, or the text itself: {@code "Ana" <sip:+1415…@pbx>} → {@code +1415…}. */
    private static String userPart(String reported) {
        String text = reported.strip();
        int open = text.indexOf('<');
        int close = text.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            text = text.substring(open + 1, close);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"sips:", "sip:", "tel:", "callto:"}) {
            if (lower.startsWith(scheme)) {
                text = text.substring(scheme.length());
                break;
            }
        }
        int end = firstOf(text, '@', ';', '?');
        return text.substring(0, end).replace("//", "").strip();
    }

    private static boolean isWithheld(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("anonymous") || lower.equals("unknown") || lower.equals("restricted")
                || lower.equals("private") || lower.equals("withheld");
    }

    private static int firstOf(String text, char... marks) {
        int first = text.length();
        for (char mark : marks) {
            int at = text.indexOf(mark);
            if (at >= 0 && at < first) {
                first = at;
            }
        }
        return first;
    }
}
