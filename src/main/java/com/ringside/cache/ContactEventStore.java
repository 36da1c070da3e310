package com.ringside.cache;

import com.ringside.domain.CallOverride;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.TimeZones;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.DecisionJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** Contact events: the timeline of a customer, paged newest first, and the counts at its top. */
public final class ContactEventStore {
    private static final String UPSERT = upsert(", provisional, override_by, override_reason", ", ?, ?, ?");
    /**
     * For the events nearly every page carries only: not provisional, no override. Those columns are left to their
     * defaults (and {@code excluded} reads them the same), three values fewer to hand to SQLite for each event.
     */
    private static final String UPSERT_PLAIN = upsert("", "");

    private final CacheDatabase database;

    public ContactEventStore(CacheDatabase database) {
        this.database = database;
    }

    private static String upsert(String moreColumns, String moreValues) {
        return """
                INSERT INTO contact_event (id, customer_id, occurred_at, channel, direction, line_of_business, campaign,
                    agent_id, number, outcome, duration_seconds, notes, source_system%s)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%s)
                ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, outcome = excluded.outcome,
                    duration_seconds = excluded.duration_seconds,
                    notes = excluded.notes, provisional = excluded.provisional, override_by = excluded.override_by,
                    override_reason = excluded.override_reason""".formatted(moreColumns, moreValues);
    }

    public void saveAll(Collection<ContactEvent> events) {
        database.write(connection -> {
            saveAll(connection, events);
            return null;
        });
    }

    /** Stores events within the caller's transaction; an event already stored is updated, never doubled. */
    public void saveAll(Connection connection, Collection<ContactEvent> events) throws SQLException {
        try (PreparedStatement full = connection.prepareStatement(UPSERT);
             PreparedStatement plain = connection.prepareStatement(UPSERT_PLAIN)) {
            PreparedStatement pending = null;
            for (ContactEvent event : events) {
                PreparedStatement upsert = event.provisional() || event.override() != null ? full : plain;
                if (pending != null && pending != upsert) {
                    pending.executeBatch(); // in the given order, so a later version of an event wins
                }
                bind(upsert, event);
                if (upsert == full) {
                    upsert.setBoolean(14, event.provisional());
                    upsert.setString(15, event.override() == null ? null : event.override().by().toString());
                    upsert.setString(16, event.override() == null ? null : event.override().reason());
                }
                upsert.addBatch();
                pending = upsert;
            }
            if (pending != null) {
                pending.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement upsert, ContactEvent event) throws SQLException {
        upsert.setString(1, event.id().toString());
        upsert.setString(2, event.customerId().toString());
        upsert.setLong(3, event.occurredAt().toEpochMilli());
        upsert.setString(4, event.channel().name());
        upsert.setString(5, event.direction().name());
        upsert.setString(6, event.lineOfBusiness().name());
        upsert.setString(7, event.campaign());
        upsert.setString(8, event.agentId() == null ? null : event.agentId().toString());
        upsert.setString(9, event.number() == null ? null : event.number().e164());
        upsert.setString(10, event.outcome() == null ? null : event.outcome().name());
        upsert.setInt(11, event.durationSeconds());
        upsert.setString(12, event.notes());
        upsert.setString(13, event.sourceSystem().code());
    }

    /**
     * Records a contact made at this desk: the event and its place in the outbox, in one transaction. Recording
     * the same event again (a wrap-up completing a PENDING call) updates it and keeps one outbox entry.
     */
    public void record(ContactEvent event, Instant queuedAt) {
        record(event, null, queuedAt);
    }

    /** As {@link #record(ContactEvent, Instant)}, keeping the guard's decision for the call beside it. */
    public void record(ContactEvent event, DialDecision decision, Instant queuedAt) {
        database.write(connection -> {
            saveAll(connection, List.of(event));
            if (decision != null) {
                try (PreparedStatement log = connection.prepareStatement("""
                        INSERT OR REPLACE INTO dial_decision (event_id, verdict, provisional, rule_versions, reasons, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
                    DecisionJson json = WireCodec.decision(decision);
                    log.setString(1, event.id().toString());
                    log.setString(2, json.verdict());
                    log.setBoolean(3, json.provisional());
                    log.setString(4, WireCodec.write(json.ruleVersions()));
                    log.setString(5, WireCodec.write(json.reasons()));
                    log.setLong(6, queuedAt.toEpochMilli());
                    log.executeUpdate();
                }
            }
            queue(connection, event, queuedAt);
            if (event.isOutboundCall()) {
                try (PreparedStatement fulfil = connection.prepareStatement(
                        "UPDATE callback SET done = 1 WHERE customer_id = ? AND done = 0 AND event_id <> ?")) {
                    fulfil.setString(1, event.customerId().toString());
                    fulfil.setString(2, event.id().toString());
                    fulfil.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void queue(Connection connection, ContactEvent event, Instant queuedAt) throws SQLException {
        try (PreparedStatement queue = connection.prepareStatement(
                "INSERT INTO outbox (event_id, queued_at) VALUES (?, ?) "
                        + "ON CONFLICT (event_id) DO UPDATE SET version = version + 1")) {
            queue.setString(1, event.id().toString());
            queue.setLong(2, queuedAt.toEpochMilli());
            queue.executeUpdate();
        }
    }

    /**
     * Completes a call at wrap-up and, when {@code callbackAt} is given, promises a callback; in one transaction
     * with the event's outbox entry. Recording any later outbound call to the customer fulfils open callbacks.
     */
    public void recordWrapUp(ContactEvent completed, Instant callbackAt, Instant queuedAt) {
        database.write(connection -> {
            saveAll(connection, List.of(completed));
            queue(connection, completed, queuedAt);
            if (callbackAt != null) {
                try (PreparedStatement promise = connection.prepareStatement(
                        "INSERT OR REPLACE INTO callback (event_id, customer_id, due_at, agent_id, done) VALUES (?, ?, ?, ?, 0)")) {
                    promise.setString(1, completed.id().toString());
                    promise.setString(2, completed.customerId().toString());
                    promise.setLong(3, callbackAt.toEpochMilli());
                    promise.setString(4, completed.agentId() == null ? null : completed.agentId().toString());
                    promise.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The newest PENDING outbound call this agent made to the customer: a call placed and never wrapped up. */
    public Optional<ContactEvent> openCall(UUID customerId, UUID agentId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT * FROM contact_event
                    WHERE customer_id = ? AND agent_id = ? AND outcome = 'PENDING' AND direction = 'OUTBOUND'
                    ORDER BY occurred_at DESC LIMIT 1""")) {
                statement.setString(1, customerId.toString());
                statement.setString(2, agentId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(event(rows)) : Optional.<ContactEvent>empty();
                }
            }
        });
    }

    /** The earliest open callback promised to this customer, if any. */
    public Optional<Instant> nextCallback(UUID customerId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT min(due_at) FROM callback WHERE customer_id = ? AND done = 0")) {
                statement.setString(1, customerId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    long due = rows.getLong(1);
                    return rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(due));
                }
            }
        });
    }

    /** How many recorded events, and calls withdrawn, the master has not acknowledged yet. */
    public int outboxSize() {
        return (int) database.singleLong("SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM withdrawn_call)");
    }

    /**
     * Remembers a call this desk never dialled although the master may have permitted it (the answer was lost), so
     * the master is told to take it out and it counts against nobody. Nothing is recorded on the timeline.
     */
    public void queueWithdrawal(UUID eventId, UUID customerId, String reason, Instant now) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO withdrawn_call "
                    + "(event_id, customer_id, reason, queued_at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
                insert.setString(1, eventId.toString());
                insert.setString(2, customerId.toString());
                insert.setString(3, reason);
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The customer's events since {@code since}, oldest first: the history a dial decision looks at. */
    public List<ContactEvent> history(UUID customerId, Instant since) {
        return database.read(connection -> {
            List<ContactEvent> events = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM contact_event WHERE customer_id = ? AND occurred_at >= ? ORDER BY occurred_at")) {
                statement.setString(1, customerId.toString());
                statement.setLong(2, since.toEpochMilli());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(event(rows));
                    }
                }
            }
            return events;
        });
    }

    /**
     * Every customer with events since {@code since}, one at a time, with those events oldest first: what a rule
     * preview replays. Customers carry what a decision needs (zone, do-not-call), not their phones.
     */
    public void forEachCustomerSince(Instant since, BiConsumer<Customer, List<ContactEvent>> visitor) {
        forEachCustomerSince(since, 0, 1, visitor);
    }

    /**
     * As {@link #forEachCustomerSince(Instant, BiConsumer)} for one of {@code parts} interleaved shares of the
     * customers, so several threads, each on its own connection, can read at once.
     */
    public void forEachCustomerSince(Instant since, int part, int parts, BiConsumer<Customer, List<ContactEvent>> visitor) {
        database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT e.*, c.display_name AS c_name, c.time_zone AS c_zone, c.do_not_call AS c_dnc,
                           c.created_at AS c_created
                    FROM customer c CROSS JOIN contact_event e ON e.customer_id = c.id
                    WHERE c.seq % ? = ? AND e.occurred_at >= ?
                    ORDER BY c.seq, e.occurred_at DESC""")) {
                statement.setInt(1, parts);
                statement.setInt(2, part);
                statement.setLong(3, since.toEpochMilli());
                try (ResultSet rows = statement.executeQuery()) {
                    Customer current = null;
                    List<ContactEvent> events = new ArrayList<>();
                    while (rows.next()) {
                        ContactEvent event = event(rows);
                        if (current == null || !current.id().equals(event.customerId())) {
                            if (current != null) {
                                visitor.accept(current, oldestFirst(events));
                            }
                            String zone = rows.getString("c_zone");
                            current = new Customer(event.customerId(), 1, null, null, rows.getString("c_name"), null,
                                    zone == null ? null : TimeZones.named(zone), rows.getBoolean("c_dnc"), null, null, List.of(),
                                    List.of(), List.of(), Instant.ofEpochMilli(rows.getLong("c_created")), null);
                            events = new ArrayList<>();
                        }
                        events.add(event);
                    }
                    if (current != null) {
                        visitor.accept(current, oldestFirst(events));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The query walks customers and seeks each one's recent events in the timeline index (CROSS JOIN fixes that
     * order: the other way round reads all ten million index entries); visitors get the events oldest first.
     */
    private static List<ContactEvent> oldestFirst(List<ContactEvent> newestFirst) {
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The rule versions recorded with a call's decision, as JSON, or empty if none was recorded. */
    public Optional<String> decisionRuleVersions(UUID eventId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT rule_versions FROM dial_decision WHERE event_id = ?")) {
                statement.setString(1, eventId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The newest {@code limit} events older than {@code after} (null = from the newest) that pass the filter. */
    public TimelinePage timeline(UUID customerId, TimelineFilter filter, TimelineCursor after, int limit) {
        return database.read(connection -> {
            Where where = Where.of(customerId, filter);
            List<TimelineEntry> entries = new ArrayList<>();
            TimelineCursor last = null;
            String keyset = after == null ? "" : " AND (e.occurred_at, e.rowid) < (?, ?)";
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT e.rowid AS row_position, e.*, a.display_name AS agent_name FROM contact_event e"
                            + " LEFT JOIN agent a ON a.id = e.agent_id"
                            + where.sql() + keyset + " ORDER BY e.occurred_at DESC, e.rowid DESC LIMIT ?")) {
                int index = where.bind(statement, 1);
                if (after != null) {
                    statement.setLong(index++, after.occurredAt().toEpochMilli());
                    statement.setLong(index++, after.row());
                }
                statement.setInt(index, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ContactEvent event = event(rows);
                        entries.add(new TimelineEntry(event, rows.getString("agent_name")));
                        last = new TimelineCursor(event.occurredAt(), rows.getLong("row_position"));
                    }
                }
            }
            return new TimelinePage(entries, count(connection, where), entries.size() < limit ? null : last);
        });
    }

    public ContactSummary summary(UUID customerId, Instant now) {
        return database.read(connection -> {
            long nowMillis = now.toEpochMilli();
            int calls24h = 0;
            int calls7d = 0;
            int calls30d = 0;
            Map<LineOfBusiness, Integer> byLine = new EnumMap<>(LineOfBusiness.class);
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT occurred_at, line_of_business FROM contact_event
                    WHERE customer_id = ? AND occurred_at > ? AND occurred_at <= ?
                      AND channel = 'CALL' AND direction = 'OUTBOUND'""")) {
                statement.setString(1, customerId.toString());
                statement.setLong(2, nowMillis - Duration.ofDays(30).toMillis());
                statement.setLong(3, nowMillis);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long age = nowMillis - rows.getLong(1);
                        calls30d++;
                        if (age < Duration.ofDays(7).toMillis()) {
                            calls7d++;
                            byLine.merge(LineOfBusiness.valueOf(rows.getString(2)), 1, Integer::sum);
                        }
                        if (age < Duration.ofDays(1).toMillis()) {
                            calls24h++;
                        }
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT occurred_at, line_of_business FROM contact_event
                    WHERE customer_id = ? AND occurred_at <= ? AND outcome IN ('CONVERSATION', 'REFUSED', 'SALE')
                    ORDER BY occurred_at DESC LIMIT 1""")) {
                statement.setString(1, customerId.toString());
                statement.setLong(2, nowMillis);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return new ContactSummary(calls24h, calls7d, calls30d, byLine,
                                Instant.ofEpochMilli(rows.getLong(1)), LineOfBusiness.valueOf(rows.getString(2)));
                    }
                }
            }
            return new ContactSummary(calls24h, calls7d, calls30d, byLine, null, null);
        });
    }

    private static int count(Connection connection, Where where) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM contact_event e" + where.sql())) {
            where.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static ContactEvent event(ResultSet row) throws SQLException {
        String agent = row.getString("agent_id");
        String number = row.getString("number");
        String outcome = row.getString("outcome");
        String overrideBy = row.getString("override_by");
        return new ContactEvent(UUID.fromString(row.getString("id")), UUID.fromString(row.getString("customer_id")),
                Instant.ofEpochMilli(row.getLong("occurred_at")), Channel.valueOf(row.getString("channel")),
                Direction.valueOf(row.getString("direction")), LineOfBusiness.valueOf(row.getString("line_of_business")),
                row.getString("campaign"), agent == null ? null : UUID.fromString(agent),
                number == null ? null : PhoneNumber.of(number), outcome == null ? null : Outcome.valueOf(outcome),
                row.getInt("duration_seconds"), row.getString("notes"), SourceSystem.of(row.getString("source_system")),
                row.getBoolean("provisional"),
                overrideBy == null ? null : new CallOverride(UUID.fromString(overrideBy), row.getString("override_reason")));
    }

    /** The WHERE clause for one customer's timeline under a filter; values are always bound, never spliced. */
    private record Where(String sql, List<String> values) {
        static Where of(UUID customerId, TimelineFilter filter) {
            StringBuilder sql = new StringBuilder(" WHERE e.customer_id = ?");
            List<String> values = new ArrayList<>(List.of(customerId.toString()));
            in(sql, values, "e.channel", filter.channels().stream().map(Enum::name).toList());
            in(sql, values, "e.line_of_business", filter.linesOfBusiness().stream().map(Enum::name).toList());
            if (filter.direction() != null) {
                sql.append(" AND e.direction = ?");
                values.add(filter.direction().name());
            }
            return new Where(sql.toString(), values);
        }

        private static void in(StringBuilder sql, List<String> values, String column, List<String> wanted) {
            if (!wanted.isEmpty()) {
                sql.append(" AND ").append(column).append(" IN (")
                        .append(wanted.stream().map(v -> "?").collect(Collectors.joining(", "))).append(')');
                values.addAll(wanted);
            }
        }

        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (String value : values) {
                statement.setString(index++, value);
            }
            return index;
        }
    }
}
