package com.ringside.cache;

import com.ringside.cache.AgentStore.Agent;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.wire.WireCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The cache's side of sync: where the feed was read up to, applying a page of the master's changes together with
 * the new cursor, and the outbox of events waiting for the master's acknowledgement.
 */
public final class SyncStore {
    /** What a cache keeps of its master; everything else in cache_property is the desk's own. */
    private static final Set<String> SYNC_PROPERTIES = Set.of("master_id", "cursor", "synced_at");
    private final CacheDatabase database;
    private final CustomerStore customers;
    private final ContactEventStore events;
    private final AgentStore agents;

    public SyncStore(CacheDatabase database) {
        this.database = database;
        this.customers = new CustomerStore(database);
        this.events = new ContactEventStore(database);
        this.agents = new AgentStore(database);
    }

    /** Where this cache stands with its master; an empty state for a cache that never synced. */
    public record State(UUID masterId, long cursor, Instant syncedAt) {
        public static final State NEVER = new State(null, 0, null);
    }

    /**
     * One page of the feed, already checked and turned into domain values, with each customer's search terms and
     * JSON parts worked out where the page is built, so the thread that writes the cache does not have to.
     */
    public record Page(List<Customer> customers, List<ContactEvent> events, List<ContactEvent> withdrawnEvents,
                       List<ContactRule> rules, List<ContactRule> retiredRules, List<Agent> agents,
                       Map<UUID, CustomerStore.Encoded> encoded) {
        public Page(List<Customer> customers, List<ContactEvent> events, List<ContactEvent> withdrawnEvents,
                    List<ContactRule> rules, List<ContactRule> retiredRules, List<Agent> agents) {
            this(customers, events, withdrawnEvents, rules, retiredRules, agents, encode(customers));
        }

        private static Map<UUID, CustomerStore.Encoded> encode(List<Customer> customers) {
            Map<UUID, CustomerStore.Encoded> encoded = new HashMap<>();
            customers.forEach(customer -> encoded.put(customer.id(), CustomerStore.Encoded.of(customer)));
            return encoded;
        }

        public int size() {
            return customers.size() + events.size() + withdrawnEvents.size() + rules.size() + retiredRules.size()
                    + agents.size();
        }
    }

    /** An event in the outbox and the version of it that was read, for an acknowledgement that is exact. */
    public record Queued(ContactEvent event, long version) {
    }

    public State state() {
        return database.read(connection -> {
            String master = property(connection, "master_id");
            String cursor = property(connection, "cursor");
            String synced = property(connection, "synced_at");
            return master == null ? State.NEVER : new State(UUID.fromString(master), Long.parseLong(cursor),
                    synced == null ? null : Instant.ofEpochMilli(Long.parseLong(synced)));
        });
    }

    /**
     * Stores a page and the cursor after it in one transaction, so a crash leaves either both or neither. An event
     * still waiting in the outbox keeps the desk's own newer version. Returns the customers the page touched.
     */
    public Set<UUID> apply(UUID masterId, Page page, long cursor, Instant now) {
        SqlWork<Set<UUID>> work = connection -> {
            if (property(connection, "cursor") == null) {
                FirstSyncLoad.begin(connection);
            }
            customers.saveAll(connection, page.customers(), customer -> page.encoded().get(customer.id()));
            Set<String> waiting = new HashSet<>();
            try (PreparedStatement queued = connection.prepareStatement("SELECT event_id FROM outbox");
                 ResultSet rows = queued.executeQuery()) {
                while (rows.next()) {
                    waiting.add(rows.getString(1));
                }
            }
            List<ContactEvent> fromMaster = waiting.isEmpty() ? page.events() : page.events().stream()
                    .filter(event -> !waiting.contains(event.id().toString())).toList();
            events.saveAll(connection, fromMaster);
            deleteEvents(connection, page.withdrawnEvents());
            saveRules(connection, page.rules(), false, now);
            saveRules(connection, page.retiredRules(), true, now);
            agents.saveAll(connection, page.agents());
            setProperty(connection, "master_id", masterId.toString());
            setProperty(connection, "cursor", Long.toString(cursor));
            setProperty(connection, "synced_at", Long.toString(now.toEpochMilli()));
            Set<UUID> touched = new HashSet<>();
            page.customers().forEach(customer -> touched.add(customer.id()));
            fromMaster.forEach(event -> touched.add(event.customerId()));
            page.withdrawnEvents().forEach(event -> touched.add(event.customerId()));
            return touched;
        };
        return database.read(FirstSyncLoad::underway) ? database.writeInBulk(work) : database.write(work);
    }

    /**
     * Whether this cache could start from a {@link #startFrom snapshot}: it never synced and holds nothing of the
     * desk's own (a call, a decision, a callback, a withdrawal).
     */
    public boolean neverSynced() {
        return database.read(SyncStore::empty);
    }

    /**
     * Starts a cache that never synced from a snapshot: a whole cache file the master built from its feed up to
     * {@code cursor}. A file that does not hold {@code masterId}'s feed up to there is refused before anything is
     * copied. The desk's own values (the last session, the master's address) are written into the snapshot, then
     * its content replaces this cache's in one transaction, and the cache goes on from the cursor as if it had
     * pulled every page up to there. Returns false, changing nothing, when the cache is no longer
     * {@link #neverSynced empty}; a copy another program prevents leaves the cache as it was and says so.
     */
    public boolean startFrom(Path snapshot, UUID masterId, long cursor) {
        if (!CacheDatabase.checkSnapshot(snapshot).equals(new CacheDatabase.SnapshotOf(masterId, cursor))) {
            throw new CacheException(snapshot + " is not the snapshot the master described (master " + masterId
                    + ", change " + cursor + ").");
        }
        boolean replaced = database.alone(connection -> {
            if (!empty(connection)) {
                return false;
            }
            carry(properties(connection), snapshot);
            try {
                database.restore(connection, snapshot);
            } catch (SQLException e) {
                throw notCopied(e);
            }
            // The cache had no cursor before: with the snapshot's, the copy was made.
            if (!Long.toString(cursor).equals(property(connection, "cursor"))) {
                throw notCopied(null);
            }
            return true;
        });
        if (replaced) {
            database.useWriteAheadLog();
        }
        return replaced;
    }

    private CacheException notCopied(SQLException cause) {
        return new CacheException("The master's snapshot could not be copied into " + database.file()
                + " (is another Ringside using it?). The cache was left as it was.", cause);
    }

    /** Writes the desk's own values into the snapshot, so that they arrive in the same copy as the master's data. */
    private static void carry(Map<String, String> own, Path snapshot) throws SQLException {
        // A download is thrown away after the copy and removed after a crash: its write need not wait for the disk,
        // which would first have to take in the gigabytes just downloaded.
        SQLiteConfig scratch = new SQLiteConfig();
        scratch.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        scratch.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
        try (Connection file = scratch.createConnection("jdbc:sqlite:" + snapshot)) {
            SqlWork.inTransaction(file, connection -> {
                for (Map.Entry<String, String> property : own.entrySet()) {
                    if (!SYNC_PROPERTIES.contains(property.getKey())) {
                        setProperty(connection, property.getKey(), property.getValue());
                    }
                }
                return null;
            });
        }
    }

    /**
     * An empty file, readable by this user only, to download a snapshot into before {@link #startFrom}: beside the
     * cache, as it holds the same customers.
     */
    public Path snapshotDownload() {
        Path file = database.file().resolveSibling(CacheDatabase.SNAPSHOT_DOWNLOAD);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
        } catch (IOException e) {
            throw new CacheException("Ringside cannot write " + file + ": " + e.getMessage(), e);
        }
        OwnerOnly.database(file);
        return file;
    }

    private static boolean empty(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT NOT EXISTS (SELECT 1 FROM cache_property WHERE name = 'cursor')
                   AND NOT EXISTS (SELECT 1 FROM contact_event) AND NOT EXISTS (SELECT 1 FROM outbox)
                   AND NOT EXISTS (SELECT 1 FROM withdrawn_call) AND NOT EXISTS (SELECT 1 FROM callback)
                   AND NOT EXISTS (SELECT 1 FROM dial_decision)""");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static Map<String, String> properties(Connection connection) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, value FROM cache_property");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                properties.put(rows.getString(1), rows.getString(2));
            }
        }
        return properties;
    }

    /**
     * Once the feed is drained: builds what a first sync left out while it loaded (the timeline and phone indexes,
     * the search index merged into one segment). Does nothing unless a first sync is loading.
     */
    public void finishFirstSync() {
        FirstSyncLoad.finish(database);
    }

    /** Notes that the master was reached and had nothing new. */
    public void markSynced(Instant now) {
        database.write(connection -> {
            setProperty(connection, "synced_at", Long.toString(now.toEpochMilli()));
            return null;
        });
    }

    /**
     * Forgets what came from another master before syncing with a new one; events still waiting in the outbox
     * stay, to be pushed to the new master.
     */
    public void forgetMaster() {
        database.write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM contact_event WHERE id NOT IN (SELECT event_id FROM outbox)");
                statement.executeUpdate("DELETE FROM contact_rule");
                statement.executeUpdate("DELETE FROM cache_property WHERE name IN ('master_id', 'cursor', 'synced_at')");
            }
            return null;
        });
    }

    public int outboxSize() {
        return events.outboxSize();
    }

    /** The oldest events waiting for the master, at most {@code limit}; CROSS JOIN keeps the small outbox outermost. */
    public List<Queued> outbox(int limit) {
        return database.read(connection -> {
            List<Queued> queued = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT o.version, e.* FROM outbox o CROSS JOIN contact_event e ON e.id = o.event_id
                    ORDER BY o.queued_at, o.event_id LIMIT ?""")) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        queued.add(new Queued(ContactEventStore.event(rows), rows.getLong(1)));
                    }
                }
            }
            return queued;
        });
    }

    /** Removes events the master answered for, unless the desk changed them since they were read. */
    public void acknowledge(Collection<Queued> answered) {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outbox WHERE event_id = ? AND version = ?")) {
                for (Queued queued : answered) {
                    delete.setString(1, queued.event().id().toString());
                    delete.setLong(2, queued.version());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    /** A call this desk never dialled, waiting for the master to take it out. */
    public record Withdrawal(UUID eventId, UUID customerId, String reason) {
    }

    /** The oldest withdrawals waiting for the master, at most {@code limit}. */
    public List<Withdrawal> withdrawals(int limit) {
        return database.read(connection -> {
            List<Withdrawal> waiting = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT event_id, customer_id, reason FROM withdrawn_call ORDER BY queued_at, event_id LIMIT ?")) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        waiting.add(new Withdrawal(UUID.fromString(rows.getString(1)), UUID.fromString(rows.getString(2)),
                                rows.getString(3)));
                    }
                }
            }
            return waiting;
        });
    }

    /** Forgets a withdrawal the master has answered for. */
    public void acknowledge(Withdrawal withdrawal) {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM withdrawn_call WHERE event_id = ?")) {
                delete.setString(1, withdrawal.eventId().toString());
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Drops calls the master took out (another desk's, or this desk's once acknowledged); its own waiting ones stay. */
    private static void deleteEvents(Connection connection, List<ContactEvent> withdrawn) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM contact_event WHERE id = ? AND id NOT IN (SELECT event_id FROM outbox)")) {
            for (ContactEvent event : withdrawn) {
                delete.setString(1, event.id().toString());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Keeps a value of the desk's own (the last session, the master's address) beside the data. */
    public void remember(String name, String value) {
        database.write(connection -> {
            if (value == null) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cache_property WHERE name = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
            } else {
                setProperty(connection, name, value);
            }
            return null;
        });
    }

    public Optional<String> recall(String name) {
        return Optional.ofNullable(database.read(connection -> property(connection, name)));
    }

    private static void saveRules(Connection connection, List<ContactRule> rules, boolean retired, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO contact_rule (id, version, name, enabled, body, saved_at, saved_by, deleted)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT (id, version) DO NOTHING""")) {
            for (ContactRule rule : rules) {
                insert.setString(1, rule.id().toString());
                insert.setLong(2, rule.version());
                insert.setString(3, rule.name());
                insert.setBoolean(4, rule.enabled());
                insert.setString(5, WireCodec.write(WireCodec.rule(rule)));
                insert.setLong(6, now.toEpochMilli());
                insert.setBoolean(7, retired);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String property(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM cache_property WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void setProperty(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO cache_property (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }
}
