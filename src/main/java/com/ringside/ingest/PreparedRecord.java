package com.ringside.ingest;

import com.ringside.identity.PersonMatcher.Person;
import com.ringside.identity.PersonNames;
import com.ringside.identity.PhoneZones;
import com.ringside.domain.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A source record with what matching asks of it worked out once, before matching starts (and on every core): the
 * person as the matcher compares them, the name blocks they are looked up by, the time zone their numbers give,
 * the ids of the contacts it records.
 */
record PreparedRecord(SourceRecord record, Person person, List<String> nameBlocks, ZoneId zone, List<UUID> contactIds) {
    static PreparedRecord of(SourceRecord record, PhoneZones zones, List<UUID> contactIds) {
        return new PreparedRecord(record, record.person(),
                PersonNames.nameBlocks(record.givenName(), record.familyName(), record.birthDate()),
                zoneOf(record.numbers(), zones), contactIds);
    }

    /** The zone of the first number that rings in only one, or null. */
    static ZoneId zoneOf(List<PhoneNumber> numbers, PhoneZones zones) {
        for (PhoneNumber number : numbers) {
            List<ZoneId> candidates = zones.zonesFor(number);
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
        }
        return null;
    }
}
