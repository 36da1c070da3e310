package com.ringside.ingest;

import com.ringside.domain.Account;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.identity.PersonMatcher.Person;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One source record made ready for matching: names split, phones in E.164, e-mails normalised; the zone of the
 * first number that rings in only one, or null.
 */
record SourceRecord(long line, String givenName, String familyName, LocalDate birthDate, List<Phone> phones,
                    List<String> emails, Account account, List<Contact> contacts, ZoneId zone) {
    /** A contact the row records, by its mapping and when it happened. */
    record Contact(EventMapping mapping, java.time.Instant at) {
    }

    List<PhoneNumber> numbers() {
        return phones.stream().map(Phone::number).toList();
    }

    Person person() {
        return new Person(givenName, familyName, birthDate, java.util.Set.copyOf(numbers()), java.util.Set.copyOf(emails));
    }
}
