package com.ringside.identity;

import com.ringside.domain.PhoneNumber;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Whether two records are one person. Names are compared with Jaro-Winkler, given and family apart; a birth date
 * that differs is strong evidence of two people, a shared phone or e-mail a little evidence of one. A household
 * shares a phone and a family name but not a given name, so it is never one person by the phone alone.
 */
public final class PersonMatcher {
    /** At or above: the same person, merged without asking. */
    public static final double AUTO_MERGE = 0.93;
    /** At or above (and below {@link #AUTO_MERGE}): a supervisor decides. */
    public static final double SUGGEST = 0.80;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** What matching knows of a person: names normalised (see PersonNames), numbers in E.164, e-mails normalised. */
    public record Person(String givenName, String familyName, LocalDate birthDate, Set<PhoneNumber> phones,
                         Set<String> emails) {
        public Person {
            givenName = PersonNames.normalize(givenName);
            familyName = PersonNames.normalize(familyName);
            phones = phones == null ? Set.of() : Set.copyOf(phones);
            emails = emails == null ? Set.of() : Set.copyOf(emails);
        }
    }

    private PersonMatcher() {
    }

    /** 0 (two people) to 1 (one person). */
    public static double score(Person a, Person b) {
        if (a.birthDate() != null && b.birthDate() != null && !a.birthDate().equals(b.birthDate())) {
            return Math.min(0.5, nameScore(a, b) - 0.4);
        }
        double score = nameScore(a, b);
        if (a.birthDate() != null && a.birthDate().equals(b.birthDate())) {
            score += 0.08;
        }
        if (!Collections.disjoint(a.phones(), b.phones())) {
            score += 0.03;
        }
        if (!Collections.disjoint(a.emails(), b.emails())) {
            score += 0.06;
        }
        return Math.max(0, Math.min(1, score));
    }

    /** The names are the same person's as far as names can tell: family names alike, given names or initials agree. */
    public static boolean compatibleNames(Person a, Person b) {
        String givenA = a.givenName();
        String givenB = b.givenName();
        boolean givenAgree = givenA.isEmpty() || givenB.isEmpty() || similarity(givenA, givenB) >= 0.9
                || (Math.min(givenA.length(), givenB.length()) == 1 && givenA.charAt(0) == givenB.charAt(0));
        return givenAgree && similarity(a.familyName(), b.familyName()) >= 0.92;
    }

    private static double nameScore(Person a, Person b) {
        double family = similarity(a.familyName(), b.familyName());
        double given = similarity(a.givenName(), b.givenName());
        return 0.5 * family + 0.4 * given;
    }

    private static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return JARO_WINKLER.apply(a, b);
    }
}
