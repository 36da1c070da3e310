package com.ringside.ingest;

import com.ringside.domain.Account;
import com.ringside.domain.PhoneNumber;
import com.ringside.identity.PersonMatcher.Person;
import java.time.LocalDate;
import java.util.List;

/** One source record made ready for matching: names split, phones in E.164, e-mails normalised. */
record SourceRecord(long line, String givenName, String familyName, LocalDate birthDate, List<PhoneNumber> phones,
                    List<String> emails, Account account, List<Contact> contacts) {
    /** A contact the row records, by its mapping and when it happened. */
    record Contact(EventMapping mapping, java.time.Instant at) {
    }

    Person person() {
        return new Person(givenName, familyName, birthDate, java.util.Set.copyOf(phones), java.util.Set.copyOf(emails));
    }
}
