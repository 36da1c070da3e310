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

/** The master as an import sees it: where customers are found, a chunk of rows at a time, and a write per batch. */
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
     * One batch of an import's rows as it is written: the customers at the versions they carry, each changed one as
     * the master held it when read (or as an earlier batch of the import wrote it), by id — a customer not in
     * {@code read} is new to the master, and the master does not look for it; the contacts; the possible
     * duplicates for a supervisor; and, with the file's last batch, the import's figures.
     */
    record Batch(String system, String file, Collection<Customer> customers, Map<UUID, Customer> read,
                 Collection<ContactEvent> events, List<ImportReport.Suggestion> suggestions, ImportReport finished) {
    }

    /**
     * Writes a batch in one transaction: all of it or none. If the master holds another version of a customer in
     * {@code read} now, nothing of the batch is written and an {@link ImportException} says who.
     */
    void save(Batch batch, Instant now);

    default Optional<Customer> bySourceKey(SourceSystem system, String key) {
        return Optional.ofNullable(find(system, Set.of(key), Set.of(), Set.of(), Set.of()).bySourceKey().get(key));
    }
}
