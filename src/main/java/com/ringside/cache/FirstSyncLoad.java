package com.ringside.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A first sync fills an empty cache with millions of rows. While it runs, the indexes only lookups need (the
 * timeline, customers by phone number) are dropped and the search index does not merge its segments; once the feed
 * is drained they are built in one pass each, which costs far less than keeping them up to date row by row.
 * Everything is recorded in the cache, so a first sync interrupted and resumed carries on the same way. A cache
 * keeps a rollback journal until its first sync has loaded, and WAL after ({@link CacheDatabase#useWriteAheadLog}).
 */
final class FirstSyncLoad {
    private static final List<String> DEFERRED_INDEXES = List.of("contact_event_timeline", "phone_by_number");
    private static final String LOADING = "first_sync_loading";
    private static final String DEFERRED = "deferred_index:";
    /** FTS5's own default for merging segments as they are written. */
    private static final int DEFAULT_AUTOMERGE = 4;
    /**
     * FTS5 merges a level's segments anyway once it holds this many (its default is 16), even with automerge off.
     * A load writes a segment per page and merges them all into one at the end, so merging in between is mostly
     * work done twice; at 64 a level stays far below FTS5's limit of 2,000 segments.
     */
    private static final int LOADING_CRISIS_MERGE = 64;
    private static final int DEFAULT_CRISIS_MERGE = 16;
    /**
     * Threads SQLite may start to sort an index's entries while it builds the index. Nothing else runs by then, so
     * they have the other cores: the timeline index of 5,000,000 events took 3.1–3.3 s instead of 3.6 s.
     */
    private static final int INDEX_SORT_HELPERS = 2;

    private FirstSyncLoad() {
    }

    static boolean loading(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM cache_property WHERE name = ?")) {
            statement.setString(1, LOADING);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Whether a page applied now belongs to a first sync's load: the cache has no cursor yet, or is still loading. */
    static boolean underway(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT NOT EXISTS (SELECT 1 FROM cache_property WHERE name = 'cursor')
                    OR EXISTS (SELECT 1 FROM cache_property WHERE name = ?)""")) {
            statement.setString(1, LOADING);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** Within the transaction of the first page: keeps each deferred index's definition and drops the index. */
    static void begin(Connection connection) throws SQLException {
        try (PreparedStatement definition = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
             PreparedStatement keep = connection.prepareStatement(
                     "INSERT OR REPLACE INTO cache_property (name, value) VALUES (?, ?)");
             Statement statement = connection.createStatement()) {
            for (String index : DEFERRED_INDEXES) {
                definition.setString(1, index);
                try (ResultSet rows = definition.executeQuery()) {
                    if (!rows.next()) {
                        continue; // dropped by a first sync begun before
                    }
                    keep.setString(1, DEFERRED + index);
                    keep.setString(2, rows.getString(1));
                    keep.executeUpdate();
                }
                statement.executeUpdate("DROP INDEX " + index);
            }
            statement.executeUpdate("INSERT INTO customer_search (customer_search, rank) VALUES ('automerge', 0)");
            statement.executeUpdate("INSERT INTO customer_search (customer_search, rank) VALUES ('crisismerge', "
                    + LOADING_CRISIS_MERGE + ")");
            keep.setString(1, LOADING);
            keep.setString(2, "1");
            keep.executeUpdate();
        }
    }

    /**
     * Builds what {@link #begin} left out, each index in a transaction of its own with its definition's removal, so
     * an interruption leaves nothing half built and the next sync finishes the rest; then merges the search index
     * into one segment, empties the log the load let grow (a load started in WAL mode, from a new master) and keeps
     * the cache in WAL mode from then on. Does nothing when no first sync is loading.
     */
    static void finish(CacheDatabase database) {
        if (!database.read(FirstSyncLoad::loading)) {
            return;
        }
        for (Deferred index : database.read(FirstSyncLoad::deferred)) {
            database.write(connection -> {
                try (Statement statement = connection.createStatement();
                     PreparedStatement forget = connection.prepareStatement("DELETE FROM cache_property WHERE name = ?")) {
                    statement.execute("PRAGMA threads = " + INDEX_SORT_HELPERS);
                    try {
                        statement.executeUpdate(index.definition());
                    } finally {
                        statement.execute("PRAGMA threads = 0");
                    }
                    forget.setString(1, index.property());
                    forget.executeUpdate();
                }
                return null;
            });
        }
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO customer_search (customer_search) VALUES ('optimize')");
                statement.executeUpdate("INSERT INTO customer_search (customer_search, rank) VALUES ('automerge', "
                        + DEFAULT_AUTOMERGE + ")");
                statement.executeUpdate("INSERT INTO customer_search (customer_search, rank) VALUES ('crisismerge', "
                        + DEFAULT_CRISIS_MERGE + ")");
                statement.executeUpdate("DELETE FROM cache_property WHERE name = '" + LOADING + "'");
            }
            return null;
        });
        database.checkpoint();
        database.useWriteAheadLog();
    }

    private record Deferred(String property, String definition) {
    }

    private static List<Deferred> deferred(Connection connection) throws SQLException {
        List<Deferred> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, value FROM cache_property WHERE name LIKE '" + DEFERRED + "%'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexes.add(new Deferred(rows.getString(1), rows.getString(2)));
            }
        }
        return indexes;
    }
}
