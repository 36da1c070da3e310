package com.ringside.ingest;

import com.ringside.domain.Account;
import com.ringside.domain.PhoneNumber;
import com.ringside.identity.PersonMatcher.Person;
import java.time.LocalDate;
import java.util.List;

/** One source record made ready for matching: names split, phones in E.164, e-mails normalised. */
record SourceRecord(long line, String givenName, String familyName, LocalDate birthDate, List<PhoneNumber> phones,
                    List<String> emails, Account account) {
    Person person() {
        return new Person(givenName, familyName, birthDate, java.util.Set.copyOf(phones), java.util.Set.copyOf(emails));
    }
}
