package com.ringside.cache;

import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import com.ringside.domain.Phone;
import com.ringside.identity.PhoneNormalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a customer can be found by, and the index query for what an agent typed. Both sides fold text the
 * same way: lower case, accents removed, punctuation squeezed out of each word ("O'Brien" → "obrien",
 * "P-100234" → "p100234"), and a phone number typed in any format becomes its digits.
 */
public final class SearchTerms {
    public static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_WORDS = 8;
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\-.\\s/]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchTerms() {
    }

    /** Space-separated words a customer can be found by: every word and every part of one, before pruning. */
    static String indexText(Customer customer) {
        return String.join(" ", words(customer));
    }

    /**
     * What goes into the search index for a customer: its {@link #indexText words} less each word that starts
     * another of them ("ruiz" beside "ruizmoreno", "p" beside "p100234"). Every query word is matched as a prefix,
     * and a prefix of the shorter word is a prefix of the longer one, so the customer is found by exactly the same
     * queries, for a third fewer words to index.
     */
    public static String indexTerms(Customer customer) {
        String[] words = words(customer).toArray(String[]::new);
        Arrays.sort(words);
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            // Sorted, a word that starts any other word starts the one right after it.
            if (i + 1 < words.length && words[i + 1].startsWith(words[i])) {
                continue;
            }
            if (!terms.isEmpty()) {
                terms.append(' ');
            }
            terms.append(words[i]);
        }
        return terms.toString();
    }

    private static Set<String> words(Customer customer) {
        Set<String> words = new LinkedHashSet<>();
        addWords(words, customer.displayName());
        addWords(words, customer.givenName());
        addWords(words, customer.familyName());
        for (String email : customer.emails()) {
            addWords(words, email);
            addWords(words, email.substring(0, email.indexOf('@')));
        }
        for (Account account : customer.accounts()) {
            addWords(words, account.sourceKey());
        }
        for (Phone phone : customer.phones()) {
            words.addAll(PhoneNormalizer.searchDigits(phone.number()));
        }
        words.remove("");
        return words;
    }

    /**
     * The FTS5 query for what the agent typed: every word must prefix-match some index word. Whatever the text
     * contains, the result holds only quoted letters and digits, so it cannot change the query's meaning.
     */
    public static SearchQuery parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            return SearchQuery.none("Search text is too long (" + text.length() + " characters; at most "
                    + MAX_QUERY_LENGTH + ").");
        }
        List<String> words = new ArrayList<>();
        if (PHONE_LIKE.matcher(text).matches() && text.chars().anyMatch(Character::isDigit)) {
            words.add(text.replaceAll("[^0-9]", "").replaceFirst("^00", ""));
        } else {
            for (String word : WHITESPACE.split(text)) {
                String folded = fold(word);
                if (!folded.isEmpty() && words.size() < MAX_WORDS) {
                    words.add(folded);
                }
            }
        }
        int letters = words.stream().mapToInt(String::length).sum();
        if (letters < 2) {
            return SearchQuery.none(text.isEmpty() ? "" : "Type at least 2 letters or digits.");
        }
        StringBuilder match = new StringBuilder();
        for (String word : words) {
            if (!match.isEmpty()) {
                match.append(" AND ");
            }
            match.append('"').append(word).append("\"*");
        }
        return SearchQuery.of(match.toString());
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return isAscii(text) ? asciiLettersAndDigits(text, 0, text.length()) : foldUnicode(text);
    }

    static String foldUnicode(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return PUNCTUATION.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Each word whole with its punctuation squeezed out ("ruizmoreno"), and each of its parts ("ruiz", "moreno"). */
    private static void addWords(Set<String> words, String text) {
        if (text == null) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                addWord(words, text.substring(start, i));
            }
        }
    }

    private static void addWord(Set<String> words, String word) {
        words.add(fold(word));
        if (!isAscii(word)) {
            for (String part : PUNCTUATION.split(word)) {
                words.add(fold(part));
            }
            return;
        }
        int i = 0;
        while (i < word.length()) {
            while (i < word.length() && !isAsciiLetterOrDigit(word.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < word.length() && isAsciiLetterOrDigit(word.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(asciiLettersAndDigits(word, start, i));
            }
        }
    }

    // Most names, e-mails and keys are plain ASCII; for them folding is a single pass, with the same result as the
    // Unicode path (no marks to strip, and only letters and digits are kept).
    private static String asciiLettersAndDigits(String text, int from, int to) {
        StringBuilder folded = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }
        return folded.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The characters {@code \s} matches: the words are split exactly where a query's words are. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
