package com.ringside.policy;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a decision is about: the customer, their history oldest first, the request, the zones the call must be
 * allowed in, and when the cache was last synced (null: the data is authoritative).
 */
record Situation(Customer customer, List<ContactEvent> history, DialRequest request, Supplier<List<ZoneId>> zoneLookup,
                 Instant cacheSyncedAt) {
    List<ZoneId> zones() {
        return zoneLookup.get();
    }

    static Instant startOfDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
