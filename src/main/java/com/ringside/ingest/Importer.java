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
import com.ringside.identity.PhoneZones;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports one extract into the master: each row is matched to a customer — the same source key seen before, the
 * same phone with a compatible name, the same e-mail, else by score — or becomes a new one. The whole file is one
 * batch, written in one transaction or not at all; importing the same file again changes nothing.
 */
public final class Importer {
    private final CustomerDirectory directory;
    private final PhoneZones zones = new PhoneZones();

    public Importer(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** Rows looked up in the master together: one query per kind of key instead of several per row. */
    private static final int CHUNK = 2_000;

    public ImportReport run(SourceMapping mapping, Path file, Instant now) {
        ExtractReader.Extract extract = ExtractReader.read(file);
        checkColumns(mapping, extract.rows());
        Batch batch = new Batch(now);
        List<Rejection> rejected = new ArrayList<>(extract.unreadable());
        List<Rejection> notes = new ArrayList<>();
        List<SourceRecord> records = records(new RecordMapper(mapping), extract.rows(), rejected, notes);
        List<PreparedRecord> prepared = records.parallelStream().map(record -> PreparedRecord.of(record, zones)).toList();
        List<List<PreparedRecord>> chunks = new ArrayList<>();
        for (int from = 0; from < prepared.size(); from += CHUNK) {
            chunks.add(prepared.subList(from, Math.min(prepared.size(), from + CHUNK)));
        }
        List<ContactEvent> events = new ArrayList<>();
        try (ChunkLookups lookups = new ChunkLookups(directory, mapping.sourceSystem(), chunks)) {
            for (List<PreparedRecord> chunk : chunks) {
                CustomerDirectory.Found found = lookups.next();
                for (PreparedRecord row : chunk) {
                    UUID customerId = batch.resolve(row, found);
                    row.record().contacts().forEach(contact -> events.add(event(mapping, row.record(), contact, customerId)));
                }
            }
        }
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        ImportReport report = new ImportReport(mapping.system(), file.getFileName().toString(),
                extract.rows().size() + extract.unreadable().size(), batch.created, batch.matched, batch.merged,
                batch.suggestions.size(), batch.unchanged, events.size(), rejected, notes, batch.suggestions);
        directory.saveAll(batch.changed(), batch.before, events, report, now);
        return report;
    }

    /**
     * The rows as records to match, mapped on every core; a row that cannot be one, or repeats a key, is rejected
     * with its line, and what was dropped from a kept row is noted.
     */
    private static List<SourceRecord> records(RecordMapper mapper, List<SourceRow> rows, List<Rejection> rejected,
                                              List<Rejection> notes) {
        List<RecordMapper.Mapped> mappedRows = rows.parallelStream().map(mapper::map).toList();
        Map<String, Long> keys = new HashMap<>();
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < mappedRows.size(); i++) {
            SourceRow row = rows.get(i);
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
        return records;
    }

    /**
     * The contact a row records, with an id made from where it came from (system, key, which mapping, when), so
     * importing the row again finds the same event instead of adding another.
     */
    private static ContactEvent event(SourceMapping mapping, SourceRecord record, SourceRecord.Contact contact,
                                      UUID customerId) {
        String origin = mapping.system() + "|" + record.account().sourceKey() + "|" + mapping.events().indexOf(contact.mapping())
                + "|" + contact.at();
        EventMapping m = contact.mapping();
        return new ContactEvent(UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)), customerId, contact.at(),
                m.channelValue(), m.directionValue(), mapping.line(), m.campaign(), null, null, m.outcomeValue(), 0,
                m.notes() == null ? "" : m.notes(), mapping.sourceSystem(), false, null);
    }

    /** The customers this import touches, as they will be written, and what it did to each row. */
    private final class Batch {
        private final Instant now;
        private final Map<UUID, Customer> touched = new LinkedHashMap<>();
        private final Map<UUID, Customer> before = new HashMap<>();
        private final Map<Object, Set<UUID>> index = new HashMap<>();
        private final List<ImportReport.Suggestion> suggestions = new ArrayList<>();
        private int created;
        private int matched;
        private int merged;
        private int unchanged;

        Batch(Instant now) {
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
            Customer best = null;
            double bestScore = 0;
            for (Customer candidate : candidates(prepared, found)) {
                double score = PersonMatcher.score(person, personOf(candidate));
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
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
            for (PhoneNumber number : record.numbers()) {
                Optional<Customer> samePerson = best(person, current(found.byPhone().getOrDefault(number, List.of()), batchWith(number)).stream()
                        .filter(c -> PersonMatcher.compatibleNames(person, personOf(c)) && birthDatesAgree(person, personOf(c)))
                        .toList());
                if (samePerson.isPresent()) {
                    return samePerson;
                }
            }
            for (String email : record.emails()) {
                Optional<Customer> samePerson = best(person, current(found.byEmail().getOrDefault(email, List.of()), batchWith(email)).stream()
                        .filter(c -> birthDatesAgree(person, personOf(c))).toList());
                if (samePerson.isPresent()) {
                    return samePerson;
                }
            }
            return Optional.empty();
        }

        private Collection<Customer> candidates(PreparedRecord prepared, CustomerDirectory.Found found) {
            SourceRecord record = prepared.record();
            Map<UUID, Customer> candidates = new LinkedHashMap<>();
            record.numbers().forEach(n -> current(found.byPhone().getOrDefault(n, List.of()), batchWith(n))
                    .forEach(c -> candidates.put(c.id(), c)));
            record.emails().forEach(e -> current(found.byEmail().getOrDefault(e, List.of()), batchWith(e))
                    .forEach(c -> candidates.put(c.id(), c)));
            for (String block : prepared.nameBlocks()) {
                List<Customer> stored = found.byNameBlock().getOrDefault(block, List.of());
                Set<UUID> inBatch = index.getOrDefault(new NameBlock(block), Set.of());
                boolean wholeName = PersonNames.isWholeName(block);
                if (wholeName && stored.size() + inBatch.size() > 2 * PersonNames.COMMON_NAME) {
                    continue; // too common even if every stored one is also in the batch
                }
                List<Customer> bearers = current(stored, batchWith(new NameBlock(block)));
                if (!wholeName || bearers.size() <= PersonNames.COMMON_NAME) {
                    bearers.forEach(c -> candidates.put(c.id(), c));
                }
            }
            return candidates.values();
        }

        private Optional<Customer> best(Person person, List<Customer> customers) {
            return customers.stream().max((a, b) -> Double.compare(PersonMatcher.score(person, personOf(a)),
                    PersonMatcher.score(person, personOf(b))));
        }

        /** This batch's customers with a phone number, an e-mail address or a {@link NameBlock}. */
        private List<Customer> batchWith(Object numberEmailOrFamily) {
            return index.getOrDefault(numberEmailOrFamily, Set.of()).stream().map(touched::get).toList();
        }

        /** The master's customers as this batch has already changed them, and the batch's own new ones. */
        private List<Customer> current(List<Customer> stored, List<Customer> inBatch) {
            Map<UUID, Customer> all = new LinkedHashMap<>();
            stored.forEach(c -> all.put(c.id(), touched.getOrDefault(c.id(), c)));
            inBatch.forEach(c -> all.put(c.id(), c));
            return List.copyOf(all.values());
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
            updated.phones().forEach(phone -> indexed(phone.number(), updated.id()));
            updated.emails().forEach(email -> indexed(email, updated.id()));
            PersonNames.nameBlocks(updated.givenName(), updated.familyName(), updated.birthDate())
                    .forEach(block -> indexed(new NameBlock(block), updated.id()));
        }

        private void indexed(Object key, UUID id) {
            index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }

        /** What is written: new customers at version 1, changed ones one version past what the master holds. */
        Collection<Customer> changed() {
            List<Customer> out = new ArrayList<>();
            for (Customer customer : touched.values()) {
                Customer original = before.get(customer.id());
                long version = original == null ? 1 : original.version() + 1;
                out.add(new Customer(customer.id(), version, customer.givenName(), customer.familyName(),
                        customer.displayName(),
                        customer.birthDate(), customer.timeZone(), customer.doNotCall(), customer.doNotCallReason(),
                        customer.mergedInto(), customer.phones(), customer.emails(), customer.accounts(),
                        customer.createdAt(), now));
            }
            return out;
        }

        private Customer newCustomer(PreparedRecord prepared) {
            SourceRecord record = prepared.record();
            return new Customer(Ids.newId(), 1, record.givenName(), record.familyName(), null, record.birthDate(),
                    prepared.zone(), false, null, null, record.phones(), record.emails(), List.of(record.account()),
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
                    customer.timeZone() != null ? customer.timeZone() : prepared.zone(), customer.doNotCall(),
                    customer.doNotCallReason(), customer.mergedInto(), phones, List.copyOf(emails), accounts,
                    customer.createdAt(), customer.updatedAt());
            return sameContent(customer, updated) ? customer : updated;
        }
    }

    /** A mapping for another extract is refused before anything is read into the master. */
    private static void checkColumns(SourceMapping mapping, List<SourceRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(row -> present.addAll(row.values().keySet()));
        List<String> missing = mapping.columns().stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new ImportException("The extract has no column " + String.join(", ", missing) + " that the "
                    + mapping.system() + " mapping names (its columns: " + String.join(", ", present)
                    + "). Is this the right file, or the right --system? Nothing was imported.");
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
