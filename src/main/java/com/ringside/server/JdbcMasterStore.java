package com.ringside.server;

import com.ringside.cache.SqlWork;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.SourceSystem;
import com.ringside.ingest.CustomerDirectory;
import com.ringside.ingest.ImportException;
import com.ringside.ingest.ImportReport;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.domain.CallOverride;
import com.ringside.domain.Channel;
import com.ringside.domain.Direction;
import com.ringside.domain.SourceSystem;
import com.ringside.policy.ContactPolicy;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.AgentJson;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.DecisionJson;
import com.ringside.wire.WireRecords.EventJson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The master store in plain SQL that SQLite and PostgreSQL both speak; {@link Dialect} holds the few differences. */
public final class JdbcMasterStore implements MasterStore {
    /** A change's kind and operation come back as one number, {@code 2 * kind + (DELETE ? 1 : 0)}: no text each. */
    private static final List<String> FEED_KINDS = List.of("customer", "event", "rule", "agent");
    private static final List<String> FEED_OPS = List.of("UPSERT", "DELETE");
    private static final String FEED_KIND_AND_OP = IntStream.range(0, FEED_KINDS.size())
            .mapToObj(kind -> "WHEN '" + FEED_KINDS.get(kind) + "' THEN " + 2 * kind)
            .collect(Collectors.joining(" ", "CASE c.kind ",
                    " END + CASE c.op WHEN '" + FEED_OPS.get(1) + "' THEN 1 ELSE 0 END"));
    private static final String FEED = "SELECT c.seq, " + FEED_KIND_AND_OP + """
            , coalesce(cu.body, e.body, r.body, u.profile, w.body)
            FROM change c
            LEFT JOIN customer cu ON c.kind = 'customer' AND cu.id = c.entity_id
            LEFT JOIN contact_event e ON c.kind = 'event' AND e.id = c.entity_id
            LEFT JOIN contact_rule r ON c.kind = 'rule' AND r.id = c.entity_id AND r.version = c.entity_version
            LEFT JOIN app_user u ON c.kind = 'agent' AND u.id = c.entity_id
            LEFT JOIN withdrawn_call w ON c.kind = 'event' AND c.op = 'DELETE' AND w.event_id = c.entity_id
            WHERE %s
            ORDER BY c.txid, c.seq
            LIMIT ?""";
    // Two ranges an index can walk from the cursor: the rest of the cursor's transaction, then later ones.
    private static final String SAME_TRANSACTION = "c.txid = ? AND c.seq > ?";
    private static final String LATER_TRANSACTIONS = "c.txid > ? AND c.txid < %s";

    private static final ParsedBodies<Customer> CUSTOMERS = new ParsedBodies<>(5_000,
            body -> WireCodec.customer(WireCodec.read(body, CustomerJson.class), "customer"));
    private static final ParsedBodies<ContactEvent> EVENTS = new ParsedBodies<>(30_000,
            body -> WireCodec.event(WireCodec.read(body, EventJson.class), "event"));
    private final MasterDatabase database;
    private final Dialect dialect;
    private final ContactPolicy policy;
    private final Clock clock;
    private final UUID masterId;
    private final CurrentRules currentRules = new CurrentRules();
    private final ContactTallies tallies = new ContactTallies();
    private final TallyFolder tallyFolder;
    private final Reports reports;

    /** {@code clock} dates permits: a permit is decided at the instant the master holds the customer's lock. */
    public JdbcMasterStore(MasterDatabase database, ContactPolicy policy, Clock clock) {
        this.database = database;
        this.dialect = database.dialect();
        this.policy = policy;
        this.clock = clock;
        this.masterId = UUID.fromString(transaction(this::masterIdOf));
        this.reports = new Reports(database);
        this.tallyFolder = new TallyFolder(database);
    }

    @Override
    public UUID masterId() {
        return masterId;
    }

    @Override
    public long latestSeq() {
        return query(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM change");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public FeedPage changes(long after, int limit, ChangeSink sink) throws IOException {
        try (Connection connection = database.connection()) {
            long txid = 0;
            if (after > 0) {
                try (PreparedStatement cursor = connection.prepareStatement("SELECT txid FROM change WHERE seq = ?")) {
                    cursor.setLong(1, after);
                    try (ResultSet rows = cursor.executeQuery()) {
                        if (!rows.next()) {
                            throw new UnknownCursorException(after);
                        }
                        txid = rows.getLong(1);
                    }
                }
            }
            long last = after;
            int count = 0;
            try (PreparedStatement same = connection.prepareStatement(FEED.formatted(SAME_TRANSACTION));
                 PreparedStatement later = connection.prepareStatement(
                         FEED.formatted(LATER_TRANSACTIONS.formatted(dialect.feedHorizon)))) {
                same.setLong(1, txid);
                same.setLong(2, after);
                same.setInt(3, limit + 1);
                later.setLong(1, txid);
                later.setInt(2, limit + 1);
                for (PreparedStatement feed : List.of(same, later)) {
                    feed.setFetchSize(1_000);
                    try (ResultSet rows = feed.executeQuery()) {
                        while (rows.next()) {
                            if (count == limit) {
                                return new FeedPage(last, count, true);
                            }
                            last = rows.getLong(1);
                            int kindAndOp = rows.getInt(2);
                            if (rows.wasNull()) {
                                throw new IllegalStateException("Change " + last + " is of a kind the feed does not know");
                            }
                            sink.accept(last, FEED_KINDS.get(kindAndOp / 2), FEED_OPS.get(kindAndOp % 2), rows.getBytes(3));
                            count++;
                        }
                    }
                }
            }
            return new FeedPage(last, count, false);
        } catch (SQLException e) {
            throw failed("read the change feed", e);
        }
    }

    @Override
    public Optional<Customer> customer(UUID id) {
        return query(connection -> findCustomer(connection, id));
    }

    @Override
    public List<Customer> customersByPhone(PhoneNumber number) {
        return query(connection -> {
            List<Customer> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.body FROM customer_phone p JOIN customer c ON c.num = p.customer_num
                    WHERE p.number = ? ORDER BY c.id""")) {
                statement.setString(1, number.e164());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(parseCustomer(rows.getString(1)));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<ContactEvent> events(UUID customerId) {
        return query(connection -> {
            List<ContactEvent> events = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT body FROM contact_event WHERE customer_id = ? ORDER BY occurred_at, id")) {
                statement.setString(1, customerId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(parseEvent(rows.getString(1)));
                    }
                }
            }
            return events;
        });
    }

    @Override
    public List<AuditEntry> audit(String text, int limit) {
        return query(connection -> AuditLog.search(connection, text, limit));
    }

    @Override
    public AuditCheck verifyAudit() {
        return query(AuditLog::check);
    }

    private void audit(Connection connection, Instant at, UUID actor, String action, String subject, String detail)
            throws SQLException {
        AuditLog.append(connection, dialect, at, actor, action, subject, detail);
    }

    @Override
    public CustomerDirectory directory(UUID actor) {
        return new CustomerDirectory() {
            private final CustomerLookups lookups = new CustomerLookups(dialect);

            @Override
            public Found find(SourceSystem system, Set<String> sourceKeys, Set<PhoneNumber> phones, Set<String> emails,
                              Set<String> nameBlocks) {
                return query(connection -> lookups.find(connection, system, sourceKeys, phones, emails, nameBlocks));
            }

            @Override
            public void save(Batch batch, Instant now) {
                database.writeLarge(connection -> {
                    writeBatch(connection, batch, now);
                    return null;
                });
                if (batch.finished() != null) {
                    database.awaitLargeWritesOnDisk(); // an import that says it is done is on the disk
                }
            }

            private void writeBatch(Connection connection, Batch batch, Instant now) throws SQLException {
                // a customer of the batch that it did not read is new (CustomerDirectory.Batch)
                CustomerNumbers numbers = CustomerNumbers.of(connection, dialect, batch.customers(),
                        batch.read().keySet());
                refuseChangedSince(numbers, batch.read().values());
                writeCustomers(connection, batch.customers(), batch.read(), numbers, now);
                writeNewEvents(connection, batch.events(), now);
                String source = batch.system() + " " + batch.file();
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO merge_suggestion (id, customer_id, candidate_id, score, source, status, created_at)
                        VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")) {
                    for (ImportReport.Suggestion suggestion : batch.suggestions()) {
                        insert.setString(1, Ids.newId().toString());
                        insert.setString(2, suggestion.created().toString());
                        insert.setString(3, suggestion.candidate().toString());
                        insert.setDouble(4, suggestion.score());
                        insert.setString(5, source + " line " + suggestion.line());
                        insert.setLong(6, now.toEpochMilli());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                if (batch.finished() != null) {
                    recordRun(connection, batch.finished(), now);
                }
            }

            private void recordRun(Connection connection, ImportReport report, Instant now) throws SQLException {
                try (PreparedStatement run = connection.prepareStatement("""
                        INSERT INTO import_run (id, system, file, rows_read, created, matched, merged, suggested,
                            rejected, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    run.setString(1, Ids.newId().toString());
                    run.setString(2, report.system());
                    run.setString(3, report.file());
                    run.setLong(4, report.rowsRead());
                    run.setInt(5, report.created());
                    run.setInt(6, report.matched());
                    run.setInt(7, report.merged());
                    run.setInt(8, report.suggested());
                    run.setInt(9, report.rejected().size());
                    run.setLong(10, now.toEpochMilli());
                    run.executeUpdate();
                }
                audit(connection, now, actor, "import", report.system() + " " + report.file(), String.format(
                        java.util.Locale.ROOT, "%d rows: %d created, %d matched, %d merged, %d suggested, %d rejected",
                        report.rowsRead(), report.created(), report.matched(), report.merged(), report.suggested(),
                        report.rejected().size()));
            }
        };
    }

    /**
     * The customers an import read, still at the versions it read them? One somebody else changed meanwhile (a
     * merge, a do-not-call) would be overwritten, so the import's batch is refused whole and can be run again.
     */
    private static void refuseChangedSince(CustomerNumbers stored, Collection<Customer> read) {
        for (Customer customer : read) {
            OptionalLong version = stored.storedVersion(customer.id());
            if (version.isPresent() && version.getAsLong() != customer.version()) {
                throw new ImportException("Customer " + customer.id() + " was changed in the master while the file"
                        + " was being matched.");
            }
        }
    }

    @Override
    public List<SourceQuality> dataQuality(Instant staleBefore) {
        return query(connection -> {
            Map<String, long[]> counts = new TreeMap<>();
            countBySystem(connection, counts, 0, "SELECT source_system, count(DISTINCT customer_num)"
                    + " FROM customer_source_key GROUP BY source_system");
            countBySystem(connection, counts, 1, "SELECT k.source_system, count(DISTINCT k.customer_num)"
                    + " FROM customer_source_key k"
                    + " WHERE NOT EXISTS (SELECT 1 FROM customer_phone p WHERE p.customer_num = k.customer_num)"
                    + " GROUP BY k.source_system");
            countBySystem(connection, counts, 3, "SELECT k.source_system, count(DISTINCT k.customer_num)"
                    + " FROM customer_source_key k JOIN customer c ON c.num = k.customer_num WHERE c.updated_at < ?"
                    + " GROUP BY k.source_system",
                    staleBefore.toEpochMilli());
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT source FROM merge_suggestion WHERE status = 'PENDING'");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1).split(" ", 2)[0], k -> new long[4])[2]++;
                }
            }
            Map<String, Object[]> last = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT system, file, rows_read, rejected, imported_at FROM import_run ORDER BY imported_at, id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1), k -> new long[4]);
                    last.put(rows.getString(1), new Object[] {rows.getString(2), rows.getLong(3), rows.getLong(4),
                        Instant.ofEpochMilli(rows.getLong(5))});
                }
            }
            List<SourceQuality> quality = new ArrayList<>();
            counts.forEach((system, c) -> {
                Object[] run = last.get(system);
                quality.add(new SourceQuality(system, c[0], c[1], c[2], c[3], run == null ? null : (Instant) run[3],
                        run == null ? null : (String) run[0], run == null ? 0 : (Long) run[1], run == null ? 0 : (Long) run[2]));
            });
            return quality;
        });
    }

    private static void countBySystem(Connection connection, Map<String, long[]> counts, int slot, String sql,
                                      long... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setLong(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1), k -> new long[4])[slot] = rows.getLong(2);
                }
            }
        }
    }

    @Override
    public List<MergeSuggestion> mergeSuggestions(int limit) {
        return query(connection -> {
            List<MergeSuggestion> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.id, a.body, b.body, s.score, s.source, s.created_at FROM merge_suggestion s
                    JOIN customer a ON a.id = s.customer_id JOIN customer b ON b.id = s.candidate_id
                    WHERE s.status = 'PENDING' ORDER BY s.created_at, s.id LIMIT ?""")) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new MergeSuggestion(UUID.fromString(rows.getString(1)), parseCustomer(rows.getString(2)),
                                parseCustomer(rows.getString(3)), rows.getDouble(4), rows.getString(5),
                                Instant.ofEpochMilli(rows.getLong(6))));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public CustomerMerge merge(UUID survivorId, UUID mergedId, UUID by, Instant now) {
        return transaction(connection -> merge(connection, survivorId, mergedId, by, now));
    }

    @Override
    public CustomerMerge acceptSuggestion(UUID suggestionId, UUID by, Instant now) {
        return transaction(connection -> {
            UUID[] pair = pendingSuggestion(connection, suggestionId);
            CustomerMerge merge = merge(connection, pair[1], pair[0], by, now);
            decide(connection, suggestionId, "ACCEPTED", by, now);
            return merge;
        });
    }

    @Override
    public void rejectSuggestion(UUID suggestionId, UUID by, Instant now) {
        transaction(connection -> {
            UUID[] pair = pendingSuggestion(connection, suggestionId);
            decide(connection, suggestionId, "REJECTED", by, now);
            audit(connection, now, by, "merge rejected", "suggestion " + suggestionId, "customers " + pair[0] + " and "
                    + pair[1] + " stay apart");
            return null;
        });
    }

    @Override
    public void unmerge(UUID mergeId, UUID by, Instant now) {
        transaction(connection -> {
            String survivorBefore;
            String mergedBefore;
            List<UUID> moved;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT survivor_before, merged_before, moved_events, unmerged_at FROM customer_merge WHERE id = ?")) {
                statement.setString(1, mergeId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalArgumentException("merge: no merge " + mergeId);
                    }
                    if (rows.getObject(4) != null) {
                        throw new IllegalArgumentException("merge: " + mergeId + " has already been undone");
                    }
                    survivorBefore = rows.getString(1);
                    mergedBefore = rows.getString(2);
                    moved = Arrays.stream(WireCodec.read(rows.getString(3), String[].class)).map(UUID::fromString).toList();
                }
            }
            Customer survivor = parseCustomer(survivorBefore);
            Customer merged = parseCustomer(mergedBefore);
            long survivorVersion = lockCustomer(connection, survivor.id()).orElseThrow().version() + 1;
            long mergedVersion = lockCustomer(connection, merged.id()).orElseThrow().version() + 1;
            moveEvents(connection, moved, merged.id(), now);
            writeCustomers(connection, List.of(withVersion(survivor, survivorVersion, now),
                    withVersion(merged, mergedVersion, now)), now);
            audit(connection, now, by, "unmerge", "merge " + mergeId, merged.displayName() + " and " + survivor.displayName()
                    + " apart again, " + moved.size() + " events moved back");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE customer_merge SET unmerged_by = ?, unmerged_at = ? WHERE id = ?")) {
                update.setString(1, by == null ? null : by.toString());
                update.setLong(2, now.toEpochMilli());
                update.setString(3, mergeId.toString());
                update.executeUpdate();
            }
            return null;
        });
    }

    private CustomerMerge merge(Connection connection, UUID survivorId, UUID mergedId, UUID by, Instant now)
            throws SQLException {
        if (survivorId.equals(mergedId)) {
            throw new IllegalArgumentException("merge: a customer cannot be merged into itself");
        }
        Customer survivor = lockCustomer(connection, survivorId)
                .orElseThrow(() -> new IllegalArgumentException("merge: no customer " + survivorId));
        Customer merged = lockCustomer(connection, mergedId)
                .orElseThrow(() -> new IllegalArgumentException("merge: no customer " + mergedId));
        for (Customer customer : List.of(survivor, merged)) {
            if (customer.mergedInto() != null) {
                throw new IllegalArgumentException("merge: " + customer.displayName() + " (" + customer.id()
                        + ") was already merged into " + customer.mergedInto());
            }
        }
        List<UUID> moved = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM contact_event WHERE customer_id = ? ORDER BY occurred_at, id")) {
            statement.setString(1, mergedId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    moved.add(UUID.fromString(rows.getString(1)));
                }
            }
        }
        moveEvents(connection, moved, survivorId, now);
        writeCustomers(connection, List.of(withVersion(CustomerMerging.joined(survivor, merged), survivor.version() + 1, now),
                withVersion(CustomerMerging.pointer(merged, survivorId), merged.version() + 1, now)), now);
        UUID id = Ids.newId();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO customer_merge (id, survivor_id, merged_id, survivor_before, merged_before, moved_events,
                    merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, id.toString());
            insert.setString(2, survivorId.toString());
            insert.setString(3, mergedId.toString());
            insert.setString(4, WireCodec.write(WireCodec.customer(survivor)));
            insert.setString(5, WireCodec.write(WireCodec.customer(merged)));
            insert.setString(6, WireCodec.write(moved.stream().map(UUID::toString).toList()));
            insert.setString(7, by == null ? null : by.toString());
            insert.setLong(8, now.toEpochMilli());
            insert.executeUpdate();
        }
        audit(connection, now, by, "merge", "customer " + mergedId + " into " + survivorId, merged.displayName() + " into "
                + survivor.displayName() + ", " + moved.size() + " events moved; merge " + id);
        return new CustomerMerge(id, survivorId, mergedId, List.copyOf(moved), now);
    }

    /** Puts each of {@code events} on {@code customerId}'s timeline, and tells the desks. */
    private void moveEvents(Connection connection, List<UUID> events, UUID customerId, Instant now) throws SQLException {
        for (UUID eventId : events) {
            Optional<ContactEvent> event = findEvent(connection, eventId);
            if (event.isEmpty()) {
                continue;
            }
            ContactEvent e = event.get();
            ContactEvent moved = new ContactEvent(e.id(), customerId, e.occurredAt(), e.channel(), e.direction(),
                    e.lineOfBusiness(), e.campaign(), e.agentId(), e.number(), e.outcome(), e.durationSeconds(), e.notes(),
                    e.sourceSystem(), e.provisional(), e.override());
            tallies.remove(connection, List.of(e));
            tallies.add(connection, List.of(moved));
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE contact_event SET customer_id = ?, body = ?, stored_at = ? WHERE id = ?")) {
                update.setString(1, customerId.toString());
                update.setString(2, WireCodec.write(WireCodec.event(moved)));
                update.setLong(3, now.toEpochMilli());
                update.setString(4, eventId.toString());
                update.executeUpdate();
            }
            appendChange(connection, "event", eventId.toString(), null, "UPSERT");
        }
    }

    /** The suggestion's new customer and candidate, if it is still to be decided. */
    private static UUID[] pendingSuggestion(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT customer_id, candidate_id, status FROM merge_suggestion WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("merge: no suggestion " + id);
                }
                if (!rows.getString(3).equals("PENDING")) {
                    throw new IllegalArgumentException("merge: suggestion " + id + " was already "
                            + rows.getString(3).toLowerCase(java.util.Locale.ROOT));
                }
                return new UUID[] {UUID.fromString(rows.getString(1)), UUID.fromString(rows.getString(2))};
            }
        }
    }

    private static void decide(Connection connection, UUID id, String status, UUID by, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE merge_suggestion SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, by == null ? null : by.toString());
            update.setLong(3, now.toEpochMilli());
            update.setString(4, id.toString());
            update.executeUpdate();
        }
    }

    @Override
    public Customer saveCustomer(Customer customer, Instant now) {
        return transaction(connection -> {
            long version = findCustomer(connection, customer.id()).map(stored -> stored.version() + 1).orElse(1L);
            Customer stored = withVersion(customer, version, now);
            writeCustomers(connection, List.of(stored), now);
            return stored;
        });
    }

    @Override
    public void load(Collection<Customer> customers, Collection<ContactEvent> events, Instant now) {
        transaction(connection -> {
            writeCustomers(connection, customers, now);
            writeNewEvents(connection, events, now);
            return null;
        });
    }

    /** Stores the events the master does not have yet; only those are announced to the desks. */
    private void writeNewEvents(Connection connection, Collection<ContactEvent> events, Instant now) throws SQLException {
        List<ContactEvent> ordered = List.copyOf(events);
        int[] inserted;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_event (id, customer_id, occurred_at, body, stored_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING")) {
            for (ContactEvent event : ordered) {
                bindEvent(insert, event, now);
                insert.addBatch();
            }
            inserted = insert.executeBatch();
        }
        List<ContactEvent> stored = new ArrayList<>();
        try (PreparedStatement change = changeStatement(connection)) {
            for (int i = 0; i < ordered.size(); i++) {
                if (inserted[i] != 0) { // 0: already stored; a driver that cannot tell says so with a negative count
                    bindChange(change, "event", ordered.get(i).id().toString(), null, "UPSERT");
                    change.addBatch();
                    stored.add(ordered.get(i));
                }
            }
            change.executeBatch();
        }
        tallies.add(connection, stored);
    }

    @Override
    public List<PushResult> push(List<ContactEvent> events, Instant now) {
        return transaction(connection -> {
            // Customers are locked in one order by every writer, so two batches cannot wait on each other.
            for (UUID customerId : new java.util.TreeSet<>(events.stream().map(ContactEvent::customerId).toList())) {
                lockCustomer(connection, customerId);
            }
            List<PushResult> results = new ArrayList<>();
            for (ContactEvent event : events) {
                results.add(pushOne(connection, event, now));
            }
            return results;
        });
    }

    private PushResult pushOne(Connection connection, ContactEvent event, Instant now) throws SQLException {
        Optional<Customer> customer = lockCustomer(connection, event.customerId());
        if (customer.isEmpty()) {
            return PushResult.rejected(event.id(), "There is no customer " + event.customerId() + " in the master.");
        }
        WithdrawnCalls.Lookup stored = WithdrawnCalls.lookUp(connection, event.id());
        if (stored.withdrawn()) {
            return PushResult.rejected(event.id(), "Call " + event.id() + " was withdrawn: its permit was never used.");
        }
        if (stored.event() != null) {
            return again(connection, stored.event(), event, now);
        }
        DialDecision breach = null;
        insertEvent(connection, event, now);
        if (event.provisional() && event.isOutboundCall()) {
            DialDecision decision = decide(connection, customer.get(), DialRequest.of(event), event.id());
            boolean blocked = decision.verdict() == Verdict.BLOCK;
            if (!blocked && event.override() == null) {
                DialDecision later = pushedOver(connection, customer.get(), event);
                if (later != null) {
                    decision = later;
                    blocked = true;
                }
            }
            if (blocked && event.override() != null) {
                FlaggedCalls.record(connection, FlaggedCall.Kind.OVERRIDE, event, decision, now);
                tallies.countDecision(connection, event.occurredAt(), event.lineOfBusiness(), decision,
                        ContactTallies.RuleCount.OVERRIDDEN);
            } else if (blocked) {
                breach = decision;
                FlaggedCalls.record(connection, FlaggedCall.Kind.VIOLATION, event, decision, now);
                tallies.countDecision(connection, event.occurredAt(), event.lineOfBusiness(), decision,
                        ContactTallies.RuleCount.VIOLATED);
            } else {
                tallies.countDecision(connection, event.occurredAt(), event.lineOfBusiness(), decision,
                        ContactTallies.RuleCount.PLACED);
            }
        }
        return new PushResult(event.id(), PushResult.Status.ACCEPTED, null, breach);
    }

    /**
     * An id seen before: the same event is a duplicate; a PENDING call may be completed; nothing else changes. A
     * call the desk decided offline after asking for a permit whose answer it never got is the permit's call: the
     * master keeps its own decision and takes the agent's wrap-up.
     */
    private PushResult again(Connection connection, ContactEvent stored, ContactEvent pushed, Instant now)
            throws SQLException {
        if (sameAttempt(stored, pushed)) {
            pushed = new ContactEvent(stored.id(), stored.customerId(), stored.occurredAt(), stored.channel(),
                    stored.direction(), stored.lineOfBusiness(), stored.campaign(), stored.agentId(), stored.number(),
                    pushed.outcome(), pushed.durationSeconds(), pushed.notes(), stored.sourceSystem(), false,
                    stored.override());
        }
        if (stored.equals(pushed)) {
            return new PushResult(pushed.id(), PushResult.Status.DUPLICATE, null, null);
        }
        boolean completes = stored.outcome() == Outcome.PENDING && pushed.outcome() != Outcome.PENDING
                && stored.equals(pushed.withOutcome(Outcome.PENDING, stored.durationSeconds(), stored.notes()));
        if (!completes) {
            return PushResult.rejected(pushed.id(), "Event " + pushed.id() + " is already stored with other content; "
                    + "only a PENDING call can be completed.");
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE contact_event SET body = ?, stored_at = ? WHERE id = ?")) {
            update.setString(1, WireCodec.write(WireCodec.event(pushed)));
            update.setLong(2, now.toEpochMilli());
            update.setString(3, pushed.id().toString());
            update.executeUpdate();
        }
        tallies.remove(connection, List.of(stored));
        tallies.add(connection, List.of(pushed));
        appendChange(connection, "event", pushed.id().toString(), null, "UPSERT");
        return new PushResult(pushed.id(), PushResult.Status.UPDATED, null, null);
    }

    private static boolean sameAttempt(ContactEvent permitted, ContactEvent offline) {
        return !permitted.provisional() && offline.provisional() && permitted.isOutboundCall() && offline.isOutboundCall()
                && permitted.customerId().equals(offline.customerId()) && permitted.lineOfBusiness() == offline.lineOfBusiness()
                && java.util.Objects.equals(permitted.number(), offline.number())
                && java.util.Objects.equals(permitted.agentId(), offline.agentId());
    }

    @Override
    public DialDecision decide(DialRequest request) {
        return query(connection -> decide(connection,
                findCustomer(connection, request.customerId())
                        .orElseThrow(() -> new UnknownCustomerException(request.customerId())), request, null));
    }

    @Override
    public Permit permit(DialRequest asked, UUID eventId, User user, String overrideReason) {
        return transaction(connection -> {
            Customer customer = lockCustomer(connection, asked.customerId())
                    .orElseThrow(() -> new UnknownCustomerException(asked.customerId()));
            // Decided now, not when asked: a desk that waited for the lock must count the attempts granted meanwhile.
            Instant now = clock.instant();
            DialRequest request = now.isAfter(asked.at()) ? new DialRequest(asked.customerId(), asked.number(),
                    asked.lineOfBusiness(), asked.campaign(), asked.agentId(), now) : asked;
            PermitContext context = PermitContext.read(connection, currentRules, customer.id(), request.at(), eventId);
            DialDecision decision = policy.decide(context.rules(), customer, context.historyWithout(eventId), request);
            WithdrawnCalls.Lookup earlier = context.stored();
            if (earlier.withdrawn()) {
                throw ApiException.conflict("The permit for call " + eventId + " was withdrawn by the desk; "
                        + "a new call needs a new permit.");
            }
            if (earlier.event() != null) {
                return new Permit(decision, true, earlier.event());
            }
            CallOverride override = null;
            if (decision.verdict() == Verdict.BLOCK) {
                if (!decision.mayOverride(user.role()) || overrideReason == null || overrideReason.isBlank()) {
                    tallies.countDecision(connection, request.at(), request.lineOfBusiness(), decision,
                            ContactTallies.RuleCount.BLOCKED);
                    return new Permit(decision, false, null);
                }
                override = new CallOverride(user.id(), overrideReason);
            }
            ContactEvent pending = new ContactEvent(eventId, customer.id(), request.at(), Channel.CALL,
                    Direction.OUTBOUND, request.lineOfBusiness(), request.campaign(), user.id(), request.number(),
                    Outcome.PENDING, 0, "", SourceSystem.RINGSIDE, false, override);
            insertEvent(connection, pending, request.at());
            tallies.countDecision(connection, request.at(), request.lineOfBusiness(), decision, override == null
                    ? ContactTallies.RuleCount.PLACED : ContactTallies.RuleCount.OVERRIDDEN);
            if (override != null) {
                FlaggedCalls.record(connection, FlaggedCall.Kind.OVERRIDE, pending, decision, now);
                audit(connection, now, user.id(), "override", "call " + eventId, "customer " + customer.id() + " "
                        + request.number() + ", rules " + decision.ruleVersions().keySet() + ": " + override.reason());
            }
            return new Permit(decision, true, pending);
        });
    }

    @Override
    public boolean withdraw(UUID eventId, UUID customerId, User user, String reason, Instant now) {
        return transaction(connection -> {
            // The customer a permit for this id locked: the call's own (a merge may have moved it), else the one named.
            UUID lockOn = findEvent(connection, eventId).map(ContactEvent::customerId).orElse(customerId);
            Customer customer = lockCustomer(connection, lockOn).orElseThrow(() -> new UnknownCustomerException(lockOn));
            WithdrawnCalls.Lookup stored = WithdrawnCalls.lookUp(connection, eventId);
            if (stored.withdrawn()) {
                return false;
            }
            ContactEvent call = stored.event();
            if (call != null) {
                WithdrawnCalls.checkWithdrawable(call, user);
                DialDecision decision = decide(connection, customer, DialRequest.of(call), eventId);
                tallies.remove(connection, List.of(call));
                tallies.uncountDecision(connection, call.occurredAt(), call.lineOfBusiness(), decision,
                        call.override() == null ? ContactTallies.RuleCount.PLACED : ContactTallies.RuleCount.OVERRIDDEN);
            }
            WithdrawnCalls.record(connection, eventId, customer.id(), call, user, reason, now);
            if (call != null) {
                appendChange(connection, "event", eventId.toString(), null, "DELETE");
                judgeAgainWithout(connection, customer, call);
            }
            audit(connection, now, user.id(), "call withdrawn", "call " + eventId, "customer " + customer.id()
                    + (call == null ? ", never stored" : ", " + call.number() + " permitted at " + call.occurredAt())
                    + ": " + reason);
            return call != null;
        });
    }

    /**
     * Offline calls flagged while the withdrawn call still counted are judged again without it, as a push would judge
     * them now; a flag no longer borne out is lifted, and the call counts as placed under its rules.
     */
    private void judgeAgainWithout(Connection connection, Customer customer, ContactEvent withdrawn) throws SQLException {
        Duration lookBack = ContactRule.lookBack(currentRules.read(connection));
        List<ContactEvent> around = eventsBetween(connection, customer.id(), withdrawn.occurredAt().minus(lookBack),
                withdrawn.occurredAt().plus(lookBack));
        Map<UUID, DialDecision> flagged = FlaggedCalls.violations(connection, around, true);
        for (ContactEvent call : around) {
            DialDecision flag = flagged.get(call.id());
            if (flag == null) {
                continue;
            }
            DialDecision now = decide(connection, customer, DialRequest.of(call), call.id());
            if (now.verdict() != Verdict.BLOCK && pushedOver(connection, customer, call) == null) {
                FlaggedCalls.lift(connection, call.id());
                tallies.uncountDecision(connection, call.occurredAt(), call.lineOfBusiness(), flag,
                        ContactTallies.RuleCount.VIOLATED);
                tallies.countDecision(connection, call.occurredAt(), call.lineOfBusiness(), now,
                        ContactTallies.RuleCount.PLACED);
            }
        }
    }

    /** Decides with the customer's history as it stands, leaving out {@code excluding} (the call being asked for). */
    private DialDecision decide(Connection connection, Customer customer, DialRequest request, UUID excluding)
            throws SQLException {
        List<ContactRule> rules = currentRules.read(connection);
        List<ContactEvent> history = new ArrayList<>(eventsBetween(connection, customer.id(),
                request.at().minus(ContactRule.lookBack(rules)), request.at()));
        history.removeIf(event -> event.id().equals(excluding));
        return policy.decide(rules, customer, history, request);
    }

    /** The customer's events with {@code after < occurred_at <= until}, oldest first. */
    private List<ContactEvent> eventsBetween(Connection connection, UUID customerId, Instant after, Instant until)
            throws SQLException {
        List<ContactEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM contact_event "
                + "WHERE customer_id = ? AND occurred_at > ? AND occurred_at <= ? ORDER BY occurred_at")) {
            statement.setString(1, customerId.toString());
            statement.setLong(2, after.toEpochMilli());
            statement.setLong(3, until.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(parseEvent(rows.getString(1)));
                }
            }
        }
        return events;
    }

    /** The decision of a later call this late-arriving offline call puts over a rule, or null. */
    private DialDecision pushedOver(Connection connection, Customer customer, ContactEvent offline) throws SQLException {
        List<ContactRule> rules = currentRules.read(connection);
        Duration lookBack = ContactRule.lookBack(rules);
        List<ContactEvent> around = eventsBetween(connection, customer.id(), offline.occurredAt().minus(lookBack),
                offline.occurredAt().plus(lookBack));
        List<ContactEvent> later = around.stream().filter(e -> e.occurredAt().isAfter(offline.occurredAt())).toList();
        Set<UUID> flagged = later.isEmpty() ? Set.of() : FlaggedCalls.violations(connection, later, false).keySet();
        return LateArrivals.pushedOver(policy, rules, customer, offline, around, flagged);
    }

    @Override
    public List<ContactRule> rules() {
        return query(currentRules::read);
    }

    @Override
    public Optional<ContactRule> rule(UUID id) {
        return rules().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    @Override
    public ContactRule saveRule(ContactRule rule, UUID savedBy, Instant now) {
        return transaction(connection -> {
            ContactRule saved = rule.withVersion(latestRuleVersion(connection, rule.id()) + 1);
            insertRule(connection, saved, false, savedBy, now);
            audit(connection, now, savedBy, "rule saved", "rule " + saved.id(), "version " + saved.version() + ": "
                    + saved.name() + (saved.enabled() ? "" : " (off)"));
            return saved;
        });
    }

    @Override
    public boolean deleteRule(UUID id, UUID deletedBy, Instant now) {
        return transaction(connection -> {
            Optional<ContactRule> current = currentRules.read(connection).stream().filter(r -> r.id().equals(id)).findFirst();
            if (current.isEmpty()) {
                return false;
            }
            insertRule(connection, current.get().withVersion(current.get().version() + 1), true, deletedBy, now);
            audit(connection, now, deletedBy, "rule deleted", "rule " + id, current.get().name());
            return true;
        });
    }

    @Override
    public User addUser(String username, String displayName, UserRole role, String team, String passwordHash,
                        Instant now) {
        return addUser(username, displayName, role, team, passwordHash, now, Ids.newId());
    }

    @Override
    public User addUser(String username, String displayName, UserRole role, String team, String passwordHash,
                        Instant now, UUID id) {
        return transaction(connection -> {
            if (findUser(connection, username).isPresent()) {
                throw new IllegalArgumentException("username: '" + username + "' is taken");
            }
            User user = new User(id, username, displayName, role);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO app_user (id, username, display_name, role, team, profile, password_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, user.id().toString());
                insert.setString(2, username);
                insert.setString(3, displayName);
                insert.setString(4, role.name());
                insert.setString(5, team);
                insert.setString(6, WireCodec.write(new AgentJson(user.id().toString(), displayName, team)));
                insert.setString(7, passwordHash);
                insert.setLong(8, now.toEpochMilli());
                insert.executeUpdate();
            }
            appendChange(connection, "agent", user.id().toString(), null, "UPSERT");
            audit(connection, now, null, "user added", "user " + user.id(), username + " (" + role.name().toLowerCase(
                    java.util.Locale.ROOT) + ")");
            return user;
        });
    }

    @Override
    public Optional<StoredUser> userByName(String username) {
        return query(connection -> findUser(connection, username));
    }

    @Override
    public void openSession(String tokenHash, UUID userId, Instant now, Instant expiresAt) {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO user_session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, tokenHash);
                insert.setString(2, userId.toString());
                insert.setLong(3, now.toEpochMilli());
                insert.setLong(4, expiresAt.toEpochMilli());
                insert.executeUpdate();
            }
            audit(connection, now, userId, "sign-in", "user " + userId, "session until " + expiresAt);
            return null;
        });
    }

    @Override
    public Optional<User> sessionUser(String tokenHash, Instant now) {
        return query(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT u.id, u.username, u.display_name, u.role FROM user_session s JOIN app_user u ON u.id = s.user_id
                    WHERE s.token_hash = ? AND s.expires_at > ? AND s.revoked = ?""")) {
                statement.setString(1, tokenHash);
                statement.setLong(2, now.toEpochMilli());
                statement.setBoolean(3, false);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(user(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void revokeSession(String tokenHash) {
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE user_session SET revoked = ? WHERE token_hash = ?")) {
                update.setBoolean(1, true);
                update.setString(2, tokenHash);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Violation> violations(Instant since, int limit) {
        return query(connection -> {
            List<Violation> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT event_id, customer_id, agent_id, occurred_at, detected_at, decision FROM flagged_call
                    WHERE kind = 'VIOLATION' AND detected_at >= ? ORDER BY detected_at DESC, event_id LIMIT ?""")) {
                statement.setLong(1, since.toEpochMilli());
                statement.setInt(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String agent = rows.getString(3);
                        found.add(new Violation(UUID.fromString(rows.getString(1)), UUID.fromString(rows.getString(2)),
                                agent == null ? null : UUID.fromString(agent), Instant.ofEpochMilli(rows.getLong(4)),
                                Instant.ofEpochMilli(rows.getLong(5)), WireCodec.read(rows.getString(6), DecisionJson.class)));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<FlaggedCall> flaggedCalls(FlaggedCall.Query query) {
        return query(connection -> FlaggedCalls.find(connection, query));
    }

    @Override
    public void acknowledge(UUID eventId, UUID by, String comment, Instant now) {
        transaction(connection -> {
            FlaggedCalls.acknowledge(connection, eventId, by, comment, now);
            audit(connection, now, by, "acknowledge", "call " + eventId, comment.strip());
            return null;
        });
    }

    @Override
    public Reports reports() {
        return reports;
    }

    /** Folds the report tallies' deltas now rather than at the next tick; returns how many were folded. */
    int foldTallies() {
        return tallyFolder.fold();
    }

    @Override
    public void close() {
        tallyFolder.close();
        database.close();
    }

    private String masterIdOf(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO master_property (name, value) VALUES ('master_id', ?) ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value FROM master_property WHERE name = 'master_id'");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private Optional<Customer> lockCustomer(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT body FROM customer WHERE id = ?" + dialect.lockClause)) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(parseCustomer(rows.getString(1))) : Optional.empty();
            }
        }
    }

    private static Optional<Customer> findCustomer(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM customer WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(parseCustomer(rows.getString(1))) : Optional.empty();
            }
        }
    }

    private static Optional<ContactEvent> findEvent(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM contact_event WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(parseEvent(rows.getString(1))) : Optional.empty();
            }
        }
    }

    private void writeCustomers(Connection connection, Collection<Customer> customers, Instant now) throws SQLException {
        writeCustomers(connection, customers, Map.of(), CustomerNumbers.of(connection, dialect, customers), now);
    }

    /** {@code stored}: customers as the master holds them now, by id, where known; their unchanged links stay. */
    private void writeCustomers(Connection connection, Collection<Customer> customers, Map<UUID, Customer> stored,
                                CustomerNumbers numbers, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO customer (id, version, body, updated_at, num) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body,
                    updated_at = excluded.updated_at""");
             CustomerLinks links = new CustomerLinks(connection);
             PreparedStatement change = changeStatement(connection)) {
            List<Customer> ordered = List.copyOf(customers);
            List<String> bodies = ordered.parallelStream().map(c -> WireCodec.write(WireCodec.customer(c))).toList();
            for (int i = 0; i < ordered.size(); i++) {
                Customer customer = ordered.get(i);
                String id = customer.id().toString();
                long number = numbers.of(customer.id());
                upsert.setString(1, id);
                upsert.setLong(2, customer.version());
                upsert.setString(3, bodies.get(i));
                upsert.setLong(4, now.toEpochMilli());
                upsert.setLong(5, number);
                upsert.addBatch();
                links.add(customer, stored.get(customer.id()), number);
                bindChange(change, "customer", id, customer.version(), "UPSERT");
                change.addBatch();
            }
            upsert.executeBatch();
            links.execute();
            change.executeBatch();
        }
    }

    private void insertEvent(Connection connection, ContactEvent event, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_event (id, customer_id, occurred_at, body, stored_at) VALUES (?, ?, ?, ?, ?)")) {
            bindEvent(insert, event, now);
            insert.executeUpdate();
        }
        appendChange(connection, "event", event.id().toString(), null, "UPSERT");
        tallies.add(connection, List.of(event));
    }

    private static void bindEvent(PreparedStatement insert, ContactEvent event, Instant now) throws SQLException {
        insert.setString(1, event.id().toString());
        insert.setString(2, event.customerId().toString());
        insert.setLong(3, event.occurredAt().toEpochMilli());
        insert.setString(4, WireCodec.write(WireCodec.event(event)));
        insert.setLong(5, now.toEpochMilli());
    }

    private void insertRule(Connection connection, ContactRule rule, boolean deleted, UUID by, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO contact_rule (id, version, body, deleted, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, rule.id().toString());
            insert.setLong(2, rule.version());
            insert.setString(3, WireCodec.write(WireCodec.rule(rule)));
            insert.setBoolean(4, deleted);
            insert.setLong(5, now.toEpochMilli());
            insert.setString(6, by == null ? null : by.toString());
            insert.executeUpdate();
        }
        appendChange(connection, "rule", rule.id().toString(), rule.version(), deleted ? "DELETE" : "UPSERT");
    }

    private static long latestRuleVersion(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM contact_rule WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Optional<StoredUser> findUser(Connection connection, String username) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, username, display_name, role, password_hash FROM app_user WHERE username = ?")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new StoredUser(user(rows), rows.getString(5))) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rows) throws SQLException {
        return new User(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getString(3),
                UserRole.valueOf(rows.getString(4)));
    }

    private PreparedStatement changeStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("INSERT INTO change (txid, kind, entity_id, entity_version, op) VALUES ("
                + dialect.currentTxid + ", ?, ?, ?, ?)");
    }

    private static void bindChange(PreparedStatement change, String kind, String id, Long version, String op)
            throws SQLException {
        change.setString(1, kind);
        change.setString(2, id);
        if (version == null) {
            change.setNull(3, java.sql.Types.BIGINT);
        } else {
            change.setLong(3, version);
        }
        change.setString(4, op);
    }

    private void appendChange(Connection connection, String kind, String id, Long version, String op)
            throws SQLException {
        try (PreparedStatement change = changeStatement(connection)) {
            bindChange(change, kind, id, version, op);
            change.executeUpdate();
        }
    }

    private static Customer withVersion(Customer c, long version, Instant now) {
        return new Customer(c.id(), version, c.givenName(), c.familyName(), c.displayName(), c.birthDate(), c.timeZone(),
                c.doNotCall(), c.doNotCallReason(), c.mergedInto(), c.phones(), c.emails(), c.accounts(),
                version == 1 ? now : c.createdAt(), now);
    }

    private static Customer parseCustomer(String body) {
        return CUSTOMERS.parse(body);
    }

    static ContactEvent parseEvent(String body) {
        return EVENTS.parse(body);
    }

    private <T> T query(SqlWork<T> work) {
        return database.read(work);
    }

    private <T> T transaction(SqlWork<T> work) {
        return database.write(work);
    }

    private static MasterException failed(String what, SQLException e) {
        return MasterDatabase.failed(what, e);
    }
}
