package com.ringside.hostile;

import java.util.Random;

/**
 * Hostile variations of a valid input: characters flipped, deleted, repeated or swapped for ones that break
 * parsers (quotes, braces, NUL, right-to-left marks, surrogate halves), numbers made huge or negative, and text
 * from scratch. Deterministic for a seed, so a finding can be replayed.
 */
public final class Mutations {
    private static final String[] NASTY = {"\"", "\\", "{", "}", "[", "]", ",", ":", "\u0000", "\n", "\r", "\t",
        "\u202e", "\ud800", "\ufeff", "null", "true", "-1", "1e309", "9223372036854775808", "-0", "NaN", "\"\"",
        "{}", "[]", "+", "(", ")", "'", "=", "@", "%00", "\u00e9", "\u4e2d", "\ud83d\ude00", "0x1F", "1/0"};

    private Mutations() {
    }

    /** {@code seed} changed in 1 to 4 places, or (one time in ten) replaced by random text. */
    public static String mutate(String seed, Random random) {
        if (random.nextInt(10) == 0) {
            return noise(random, random.nextInt(200));
        }
        StringBuilder text = new StringBuilder(seed);
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, NASTY[random.nextInt(NASTY.length)]);
                case 2 -> text.setCharAt(at, (char) random.nextInt(0x3000));
                case 3 -> text.replace(at, Math.min(text.length(), at + 1 + random.nextInt(12)), "");
                case 4 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(30))));
                default -> text.replace(at, Math.min(text.length(), at + 1), Long.toString(random.nextLong()));
            }
        }
        return text.toString();
    }

    public static String noise(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? NASTY[random.nextInt(NASTY.length)] : (char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }
}
