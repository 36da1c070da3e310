package com.ringside.ingest;

import com.ringside.domain.Account;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.identity.PersonMatcher;
import com.ringside.identity.PersonMatcher.Person;
import com.ringside.identity.PersonNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Imports one extract into the master: each row is matched to a customer — the same source key seen before, the
 * same phone with a compatible name, the same e-mail, else by score — or becomes a new one. The file's encoding
 * and columns are checked first; then it is read, matched and written in batches of rows, each in one transaction
 * or not at all, the next batch read while one is matched and the one before is written (ADR 0019, ADR 0026);
 * importing the same file again changes nothing, and after a failure it imports the rest.
 */
public final class Importer {
    /** Rows looked up in the master together: one query per kind of key instead of several per row. */
    private static final int CHUNK = 2_000;
    private static final int BATCH = 20_000;
    private final CustomerDirectory directory;
    private final int batchRows;

    public Importer(CustomerDirectory directory) {
        this(directory, BATCH);
    }

    /** {@code batchRows}: rows written in one transaction. */
    Importer(CustomerDirectory directory, int batchRows) {
        this.directory = directory;
        this.batchRows = batchRows;
    }

    public ImportReport run(SourceMapping mapping, Path file, Instant now) {
        Resolution resolution = new Resolution(now);
        List<Rejection> rejected = new ArrayList<>();
        List<Rejection> notes = new ArrayList<>();
        String fileName = file.getFileName().toString();
        try (ExtractReader extract = ExtractReader.open(file);
             ChunkLookups lookups = new ChunkLookups(directory, mapping.sourceSystem());
             BatchWriter writer = new BatchWriter(directory, now)) {
            Slices slices = new Slices(mapping, extract, rejected, notes);
            try {
                slices.checkColumns();
                Slice next = slices.next(lookups);
                int events = 0;
                while (next != null) {
                    Slice slice = next;
                    // read and mapped on every core while this one is matched
                    CompletableFuture<Slice> following = CompletableFuture.supplyAsync(() -> slices.next(lookups));
                    List<ContactEvent> batchEvents = match(mapping, slice, lookups, resolution);
                    events += batchEvents.size();
                    next = join(following);
                    ImportReport finished = null;
                    if (next == null) {
                        rejected.addAll(extract.unreadable());
                        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
                        finished = new ImportReport(mapping.system(), fileName, extract.rowsRead(),
                                resolution.created, resolution.matched, resolution.merged,
                                resolution.suggestions.size(), resolution.unchanged, events, rejected, notes,
                                resolution.suggestions);
                    }
                    writer.write(resolution.batch(mapping.system(), fileName, batchEvents, finished), slice.rows(),
                            slice.lastLine());
                    if (finished != null) {
                        writer.finish();
                        return finished;
                    }
                }
                throw new IllegalStateException("an import always writes a last batch");
            } catch (RuntimeException e) {
                throw writer.stopped(e);
            }
        }
    }

    /** Resolves the rows of a batch in order, and gives the contacts they record. */
    private static List<ContactEvent> match(SourceMapping mapping, Slice slice, ChunkLookups lookups,
                                            Resolution resolution) {
        List<ContactEvent> events = new ArrayList<>();
        for (List<PreparedRecord> chunk : slice.chunks()) {
            CustomerDirectory.Found found = lookups.next();
            for (PreparedRecord row : chunk) {
                UUID customerId = resolution.resolve(row, found);
                List<SourceRecord.Contact> contacts = row.record().contacts();
                for (int i = 0; i < contacts.size(); i++) {
                    events.add(event(mapping, contacts.get(i), row.contactIds().get(i), customerId));
                }
            }
        }
        return events;
    }

    private static Slice join(CompletableFuture<Slice> slice) {
        try {
            return slice.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** A batch of rows mapped and prepared for matching, in chunks whose lookups have started. */
    private record Slice(List<List<PreparedRecord>> chunks, int rows, long lastLine) {
    }

    /**
     * The file's rows a batch at a time, as records to match, read and mapped on every core; a row that cannot be
     * one, or repeats a key, is rejected with its line, and what was dropped from a kept row is noted. Only the rows
     * of the batches in hand are held, never the whole file.
     */
    private final class Slices {
        private final SourceMapping mapping;
        private final RecordMapper mapper;
        private final ExtractReader extract;
        private final List<Rejection> rejected;
        private final List<Rejection> notes;
        private final Map<String, Long> keys = new HashMap<>();
        /** Rows read ahead to find the mapping's columns, given out before any more are read. */
        private final Deque<SourceRow> readAhead = new ArrayDeque<>();
        private boolean started;

        Slices(SourceMapping mapping, ExtractReader extract, List<Rejection> rejected, List<Rejection> notes) {
            this.mapping = mapping;
            this.mapper = new RecordMapper(mapping);
            this.extract = extract;
            this.rejected = rejected;
            this.notes = notes;
        }

        /**
         * A mapping for another extract is refused before anything is read into the master: each column it names
         * must be in some row. Rows are read ahead until every one is seen, which is mostly within the first batch.
         */
        void checkColumns() {
            Set<String> missing = new LinkedHashSet<>(mapping.columns());
            Set<String> present = new LinkedHashSet<>();
            Set<String> last = null;
            List<SourceRow> rows = extract.next(batchRows);
            while (!rows.isEmpty()) {
                for (SourceRow row : rows) {
                    Set<String> columns = row.values().keySet();
                    if (columns != last) { // the rows of a CSV file share one set of columns
                        present.addAll(columns);
                        missing.removeAll(columns);
                        last = columns;
                    }
                }
                readAhead.addAll(rows);
                rows = missing.isEmpty() ? List.of() : extract.next(batchRows);
            }
            if (!readAhead.isEmpty() && !missing.isEmpty()) {
                throw new ImportException("The extract has no column " + String.join(", ", missing) + " that the "
                        + mapping.system() + " mapping names (its columns: " + String.join(", ", present)
                        + "). Is this the right file, or the right --system? Nothing was imported.");
            }
        }

        /** The next batch, or null after the last; a file without rows still has one, empty. */
        Slice next(ChunkLookups lookups) {
            List<SourceRow> batch = new ArrayList<>(Math.min(batchRows, readAhead.size()));
            while (batch.size() < batchRows && !readAhead.isEmpty()) {
                batch.add(readAhead.removeFirst());
            }
            if (batch.size() < batchRows) {
                batch.addAll(extract.next(batchRows - batch.size()));
            }
            if (batch.isEmpty() && started) {
                return null;
            }
            started = true;
            List<RecordMapper.Mapped> mappedRows = batch.parallelStream().map(mapper::map).toList();
            List<SourceRecord> records = new ArrayList<>();
            for (int i = 0; i < mappedRows.size(); i++) {
                SourceRow row = batch.get(i);
                RecordMapper.Mapped mapped = mappedRows.get(i);
                if (mapped.record() == null) {
                    rejected.add(new Rejection(row.line(), mapped.rejected()));
                    continue;
                }
                String key = mapped.record().account().sourceKey();
                Long earlier = keys.putIfAbsent(key, row.line());
                if (earlier != null) {
                    rejected.add(new Rejection(row.line(), "key '" + key + "' is already on line " + earlier));
                    continue;
                }
                mapped.notes().forEach(note -> notes.add(new Rejection(row.line(), note)));
                records.add(mapped.record());
            }
            List<PreparedRecord> prepared = records.parallelStream()
                    .map(record -> PreparedRecord.of(record, contactIds(mapping, record))).toList();
            List<List<PreparedRecord>> chunks = new ArrayList<>();
            for (int start = 0; start < prepared.size(); start += CHUNK) {
                List<PreparedRecord> chunk = prepared.subList(start, Math.min(prepared.size(), start + CHUNK));
                chunks.add(chunk);
                lookups.submit(chunk);
            }
            return new Slice(chunks, batch.size(), batch.isEmpty() ? 0 : batch.get(batch.size() - 1).line());
        }
    }

    /**
     * The ids of the contacts a record holds, made from where each came from (system, key, which mapping, when), so
     * importing the row again finds the same event instead of adding another.
     */
    private static List<UUID> contactIds(SourceMapping mapping, SourceRecord record) {
        List<UUID> ids = new ArrayList<>(record.contacts().size());
        for (SourceRecord.Contact contact : record.contacts()) {
            String origin = mapping.system() + "|" + record.account().sourceKey() + "|"
                    + mapping.events().indexOf(contact.mapping()) + "|" + contact.at();
            ids.add(UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)));
        }
        return ids;
    }

    /** The contact a row records, with its id from {@link #contactIds}. */
    private static ContactEvent event(SourceMapping mapping, SourceRecord.Contact contact, UUID id, UUID customerId) {
        EventMapping m = contact.mapping();
        return new ContactEvent(id, customerId, contact.at(), m.channelValue(), m.directionValue(), mapping.line(),
                m.campaign(), null, null, m.outcomeValue(), 0, m.notes() == null ? "" : m.notes(),
                mapping.sourceSystem(), false, null);
    }

    /** The customers this import touches, as they will be written, and what it did to each row. */
    private final class Resolution {
        private final Instant now;
        private final Map<UUID, Customer> touched = new HashMap<>();
        /** Touched since the last batch was handed to the writer, in the order first touched. */
        private final Set<UUID> unwritten = new LinkedHashSet<>();
        /** As the master holds them, or will once the batches handed to the writer are written. */
        private final Map<UUID, Customer> before = new HashMap<>();
        /** Ids by phone number, e-mail address or {@link NameBlock}: a {@code UUID}, or a {@code Set<UUID>} of more. */
        private final Map<Object, Object> index = new HashMap<>();
        private final List<ImportReport.Suggestion> suggestions = new ArrayList<>();
        private int suggestionsWritten;
        private int created;
        private int matched;
        private int merged;
        private int unchanged;

        Resolution(Instant now) {
            this.now = now;
        }

        /** Resolves the record to a customer, and says which. */
        UUID resolve(PreparedRecord prepared, CustomerDirectory.Found found) {
            SourceRecord record = prepared.record();
            Person person = prepared.person();
            Optional<Customer> known = current(Optional.ofNullable(found.bySourceKey().get(record.account().sourceKey())));
            if (known.isEmpty()) {
                known = deterministic(record, person, found);
            }
            if (known.isPresent()) {
                matched++;
                Customer updated = withRecord(known.get(), prepared);
                if (updated.equals(known.get())) {
                    unchanged++;
                } else {
                    keep(known.get(), updated);
                }
                return known.get().id();
            }
            BestCandidate scored = new BestCandidate();
            for (Customer candidate : candidates(prepared, found)) {
                scored.offer(candidate, PersonMatcher.score(person, personOf(candidate)));
            }
            Customer best = scored.best();
            double bestScore = scored.score();
            if (best != null && bestScore >= PersonMatcher.AUTO_MERGE) {
                merged++;
                keep(best, withRecord(best, prepared));
                return best.id();
            }
            Customer fresh = newCustomer(prepared);
            created++;
            keep(null, fresh);
            if (best != null && bestScore >= PersonMatcher.SUGGEST) {
                suggestions.add(new ImportReport.Suggestion(record.line(), fresh.id(), best.id(), fresh.displayName(),
                        best.displayName(), bestScore));
            }
            return fresh.id();
        }

        private Optional<Customer> deterministic(SourceRecord record, Person person, CustomerDirectory.Found found) {
            for (Phone phone : record.phones()) {
                PhoneNumber number = phone.number();
                BestCandidate samePerson = new BestCandidate();
                for (Customer c : current(found.byPhone().getOrDefault(number, List.of()), number)) {
                    Person other = personOf(c);
                    if (PersonMatcher.compatibleNames(person, other) && birthDatesAgree(person, other)) {
                        samePerson.offer(c, PersonMatcher.score(person, other));
                    }
                }
                if (samePerson.best() != null) {
                    return Optional.of(samePerson.best());
                }
            }
            for (String email : record.emails()) {
                BestCandidate samePerson = new BestCandidate();
                for (Customer c : current(found.byEmail().getOrDefault(email, List.of()), email)) {
                    Person other = personOf(c);
                    if (birthDatesAgree(person, other)) {
                        samePerson.offer(c, PersonMatcher.score(person, other));
                    }
                }
                if (samePerson.best() != null) {
                    return Optional.of(samePerson.best());
                }
            }
            return Optional.empty();
        }

        private Collection<Customer> candidates(PreparedRecord prepared, CustomerDirectory.Found found) {
            SourceRecord record = prepared.record();
            Map<UUID, Customer> candidates = new LinkedHashMap<>();
            for (Phone phone : record.phones()) {
                current(found.byPhone().getOrDefault(phone.number(), List.of()), phone.number())
                        .forEach(c -> candidates.put(c.id(), c));
            }
            record.emails().forEach(e -> current(found.byEmail().getOrDefault(e, List.of()), e)
                    .forEach(c -> candidates.put(c.id(), c)));
            for (String block : prepared.nameBlocks()) {
                List<Customer> stored = found.byNameBlock().getOrDefault(block, List.of());
                NameBlock key = new NameBlock(block);
                boolean wholeName = PersonNames.isWholeName(block);
                if (wholeName && Math.max(stored.size(), bearers(key).size()) > PersonNames.COMMON_NAME) {
                    continue; // too common, whether or not the stored ones are this import's own
                }
                List<Customer> bearers = current(stored, key);
                if (!wholeName || bearers.size() <= PersonNames.COMMON_NAME) {
                    bearers.forEach(c -> candidates.put(c.id(), c));
                }
            }
            return candidates.values();
        }

        /** The ids of this import's customers with a phone number, an e-mail address or a {@link NameBlock}. */
        @SuppressWarnings("unchecked")
        private Collection<UUID> bearers(Object numberEmailOrBlock) {
            Object bearers = index.get(numberEmailOrBlock);
            return bearers == null ? List.of() : bearers instanceof UUID one ? List.of(one) : (Set<UUID>) bearers;
        }

        /**
         * The master's customers with a phone number, e-mail address or name block as this import has changed them,
         * and the import's own new ones with it.
         */
        private List<Customer> current(List<Customer> stored, Object numberEmailOrBlock) {
            Collection<UUID> inBatch = bearers(numberEmailOrBlock);
            if (inBatch.isEmpty() && stored.size() <= 1) {
                return stored.isEmpty() ? List.of() : List.of(touched.getOrDefault(stored.get(0).id(), stored.get(0)));
            }
            Map<UUID, Customer> all = new LinkedHashMap<>();
            stored.forEach(c -> all.put(c.id(), touched.getOrDefault(c.id(), c)));
            inBatch.forEach(id -> all.put(id, touched.get(id)));
            return new ArrayList<>(all.values());
        }

        private Optional<Customer> current(Optional<Customer> stored) {
            if (stored.isPresent()) {
                return Optional.of(touched.getOrDefault(stored.get().id(), stored.get()));
            }
            return Optional.empty();
        }

        private void keep(Customer stored, Customer updated) {
            if (stored != null && !touched.containsKey(stored.id())) { // as the master holds them, not as this batch made them
                before.put(stored.id(), stored);
            }
            touched.put(updated.id(), updated);
            unwritten.add(updated.id());
            updated.phones().forEach(phone -> indexed(phone.number(), updated.id()));
            updated.emails().forEach(email -> indexed(email, updated.id()));
            PersonNames.nameBlocks(updated.givenName(), updated.familyName(), updated.birthDate())
                    .forEach(block -> indexed(new NameBlock(block), updated.id()));
        }

        /** Most keys have one bearer: an id alone, a set only for more. */
        @SuppressWarnings("unchecked")
        private void indexed(Object key, UUID id) {
            index.merge(key, id, (had, one) -> {
                if (had instanceof UUID first) {
                    return first.equals(one) ? first : new LinkedHashSet<>(List.of(first, (UUID) one));
                }
                ((Set<UUID>) had).add((UUID) one);
                return had;
            });
        }

        /**
         * What is written next: the customers touched since the batch before, new ones at version 1, changed ones
         * one version past what the master holds (or will, once the batches before are written).
         */
        CustomerDirectory.Batch batch(String system, String file, List<ContactEvent> events, ImportReport finished) {
            List<Customer> out = new ArrayList<>(unwritten.size());
            Map<UUID, Customer> read = new HashMap<>();
            for (UUID id : unwritten) {
                Customer customer = touched.get(id);
                Customer original = before.get(id);
                long version = original == null ? 1 : original.version() + 1;
                Customer written = new Customer(customer.id(), version, customer.givenName(), customer.familyName(),
                        customer.displayName(),
                        customer.birthDate(), customer.timeZone(), customer.doNotCall(), customer.doNotCallReason(),
                        customer.mergedInto(), customer.phones(), customer.emails(), customer.accounts(),
                        customer.createdAt(), now);
                out.add(written);
                if (original != null) {
                    read.put(id, original);
                }
                before.put(id, written);
                touched.put(id, written);
            }
            unwritten.clear();
            List<ImportReport.Suggestion> newSuggestions = List.copyOf(suggestions.subList(suggestionsWritten,
                    suggestions.size()));
            suggestionsWritten = suggestions.size();
            return new CustomerDirectory.Batch(system, file, out, read, events, newSuggestions, finished);
        }

        private Customer newCustomer(PreparedRecord prepared) {
            SourceRecord record = prepared.record();
            return new Customer(Ids.newId(), 1, record.givenName(), record.familyName(), null, record.birthDate(),
                    record.zone(), false, null, null, record.phones(), record.emails(), List.of(record.account()),
                    now, now);
        }

        /** The customer with the record's account (replacing the same key's), phones and e-mails added. */
        private Customer withRecord(Customer customer, PreparedRecord prepared) {
            SourceRecord record = prepared.record();
            List<Account> accounts = new ArrayList<>();
            for (Account account : customer.accounts()) {
                boolean same = account.sourceSystem().equals(record.account().sourceSystem())
                        && account.sourceKey().equals(record.account().sourceKey());
                accounts.add(same ? new Account(account.lineOfBusiness(), account.sourceSystem(), account.sourceKey(),
                        record.account().product(), record.account().status(), record.account().openedOn() != null
                        ? record.account().openedOn() : account.openedOn()) : account);
            }
            if (accounts.stream().noneMatch(a -> a.sourceSystem().equals(record.account().sourceSystem())
                    && a.sourceKey().equals(record.account().sourceKey()))) {
                accounts.add(record.account());
            }
            List<Phone> phones = new ArrayList<>(customer.phones());
            for (Phone phone : record.phones()) {
                int known = phones.stream().map(Phone::number).toList().indexOf(phone.number());
                if (known < 0) {
                    phones.add(phone);
                } else if (phones.get(known).type() == PhoneType.OTHER && phone.type() != PhoneType.OTHER) {
                    phones.set(known, new Phone(phone.number(), phone.type(), phones.get(known).optedOut()));
                }
            }
            Set<String> emails = new LinkedHashSet<>(customer.emails());
            emails.addAll(record.emails());
            Customer updated = new Customer(customer.id(), customer.version(),
                    customer.givenName() != null ? customer.givenName() : record.givenName(), customer.familyName(),
                    customer.displayName(), customer.birthDate() != null ? customer.birthDate() : record.birthDate(),
                    customer.timeZone() != null ? customer.timeZone() : record.zone(), customer.doNotCall(),
                    customer.doNotCallReason(), customer.mergedInto(), phones, List.copyOf(emails), accounts,
                    customer.createdAt(), customer.updatedAt());
            return sameContent(customer, updated) ? customer : updated;
        }
    }

    /** A name block as an index key, apart from e-mail addresses in the same index. */
    private record NameBlock(String key) {
    }

    private static boolean sameContent(Customer a, Customer b) {
        return Objects.equals(a.givenName(), b.givenName()) && Objects.equals(a.birthDate(), b.birthDate())
                && Objects.equals(a.timeZone(), b.timeZone()) && a.phones().equals(b.phones())
                && a.emails().equals(b.emails()) && a.accounts().equals(b.accounts());
    }

    private final Map<UUID, Map.Entry<Customer, Person>> people = new HashMap<>();

    /** What matching knows of a customer, worked out once per version of them. */
    private Person personOf(Customer customer) {
        Map.Entry<Customer, Person> known = people.get(customer.id());
        if (known != null && known.getKey() == customer) {
            return known.getValue();
        }
        Person person = personFrom(customer);
        if (people.size() > 100_000) {
            people.clear();
        }
        people.put(customer.id(), Map.entry(customer, person));
        return person;
    }

    private static Person personFrom(Customer customer) {
        return new Person(customer.givenName(), customer.familyName(), customer.birthDate(),
                Set.copyOf(customer.phones().stream().map(Phone::number).toList()), Set.copyOf(customer.emails()));
    }

    private static boolean birthDatesAgree(Person a, Person b) {
        return a.birthDate() == null || b.birthDate() == null || a.birthDate().equals(b.birthDate());
    }
}
