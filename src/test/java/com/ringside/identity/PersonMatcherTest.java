package com.ringside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.PhoneNumber;
import com.ringside.identity.PersonMatcher.Person;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonMatcherTest {
    private static final PhoneNumber HOME = PhoneNumber.of("+14155550123");
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    @Test
    void theSamePersonWrittenTwoWaysIsOne() {
        Person insurance = new Person("Ana", "Ruiz", BORN, Set.of(HOME), Set.of());
        Person loans = new Person("ANA", "RUIZ", BORN, Set.of(HOME), Set.of("ana.ruiz@example.com"));
        assertThat(PersonMatcher.compatibleNames(insurance, loans)).isTrue();
        assertThat(PersonMatcher.score(insurance, loans)).isGreaterThanOrEqualTo(PersonMatcher.AUTO_MERGE);
        assertThat(PersonMatcher.compatibleNames(new Person("Chloé", "Martin", null, null, null),
                new Person("chloe", "MARTIN", null, null, null))).isTrue();
        assertThat(PersonMatcher.compatibleNames(new Person("A.", "Ruiz", null, null, null), insurance)).isTrue();
    }

    @Test
    void aHouseholdOnOnePhoneIsTwoPeople() {
        Person ana = new Person("Ana", "Ruiz", BORN, Set.of(HOME), Set.of());
        Person ben = new Person("Ben", "Ruiz", LocalDate.of(1983, 11, 2), Set.of(HOME), Set.of());
        assertThat(PersonMatcher.compatibleNames(ana, ben)).isFalse();
        assertThat(PersonMatcher.score(ana, ben)).isLessThan(PersonMatcher.SUGGEST);
        Person benNoBirthDate = new Person("Ben", "Ruiz", null, Set.of(HOME), Set.of());
        assertThat(PersonMatcher.score(ana, benNoBirthDate)).isLessThan(PersonMatcher.SUGGEST);
    }

    @Test
    void aLikelyButUnprovenMatchIsForASupervisor() {
        double score = PersonMatcher.score(new Person("Lan", "Nguyen", null, null, null),
                new Person("Lan", "Nguyen", null, null, Set.of("lan.nguyen@example.com")));
        assertThat(score).isBetween(PersonMatcher.SUGGEST, PersonMatcher.AUTO_MERGE - 0.0001);
    }

    @Test
    void aDifferentBirthDateOutweighsTheSameName() {
        assertThat(PersonMatcher.score(new Person("John", "Smith", BORN, null, null),
                new Person("John", "Smith", BORN.plusYears(30), null, null))).isLessThan(PersonMatcher.SUGGEST);
    }
}
