package com.ringside.ingest;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The master as an import sees it: where customers are found, a chunk of rows at a time, and one write. */
public interface CustomerDirectory {
    /** What the master holds for a chunk of rows, by each thing a row can be found by. */
    record Found(Map<String, Customer> bySourceKey, Map<PhoneNumber, List<Customer>> byPhone,
                 Map<String, List<Customer>> byEmail, Map<String, List<Customer>> byNameBlock) {
    }

    /**
     * Customers with one of {@code sourceKeys} of {@code system}, one of the phones or e-mails, or in one of the
     * name blocks ({@code PersonNames.nameBlocks}).
     */
    Found find(SourceSystem system, Set<String> sourceKeys, Set<PhoneNumber> phones, Set<String> emails,
               Set<String> nameBlocks);

    /**
     * Writes every customer, at the version it carries, the events not stored yet, the possible duplicates for a
     * supervisor and the import's figures, in one transaction: all of them or none. {@code read} holds each changed
     * customer as the import read it, by id; if the master holds another version of one now, nothing is written.
     */
    void saveAll(Collection<Customer> customers, Map<UUID, Customer> read, Collection<ContactEvent> events,
                 ImportReport report, Instant now);

    default Optional<Customer> bySourceKey(SourceSystem system, String key) {
        return Optional.ofNullable(find(system, Set.of(key), Set.of(), Set.of(), Set.of()).bySourceKey().get(key));
    }
}
