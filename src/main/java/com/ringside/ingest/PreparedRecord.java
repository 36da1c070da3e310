package com.ringside.ingest;

import com.ringside.identity.PersonMatcher.Person;
import com.ringside.identity.PersonNames;
import java.util.List;
import java.util.UUID;

/**
 * A source record with what matching asks of it worked out once, before matching starts (and on every core): the
 * person as the matcher compares them, the name blocks they are looked up by, the ids of the contacts it records.
 */
record PreparedRecord(SourceRecord record, Person person, List<String> nameBlocks, List<UUID> contactIds) {
    static PreparedRecord of(SourceRecord record, List<UUID> contactIds) {
        return new PreparedRecord(record, record.person(),
                PersonNames.nameBlocks(record.givenName(), record.familyName(), record.birthDate()), contactIds);
    }
}
