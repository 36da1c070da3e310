package com.ringside.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An hourly report tally (V6, V11): rows keyed by hour first, and a delta table beside them. A writer appends what it
 * adds or takes back as deltas, so no two writers wait for one shared row; {@link #fold} moves the deltas into the
 * hourly rows, and a report adds the hourly rows and the deltas not yet folded in.
 */
record HourlyTally(String table, List<String> keys, List<String> counts) {
    static final HourlyTally CALLS = new HourlyTally("call_hour", List.of("hour_start", "line_of_business", "team"),
            List.of("attempts", "contacts", "right_party"));
    static final HourlyTally RULES = new HourlyTally("rule_hour", List.of("hour_start", "rule_id", "line_of_business"),
            List.of("placed", "blocked", "overridden", "violated"));

    /** Appends one delta per key: the key's values, then its counts. */
    void append(Connection connection, Map<List<Object>, long[]> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + "_delta (" + columns()
                + ") VALUES (" + String.join(", ", Collections.nCopies(keys.size() + counts.size(), "?")) + ")")) {
            bindAll(insert, deltas);
        }
    }

    /**
     * Moves every committed delta into the hourly rows, inside the caller's transaction. The deltas are deleted and
     * added in that one transaction, so a delta is folded exactly once: a concurrent fold waits for the rows this one
     * deleted and then finds them gone. Returns how many deltas were folded.
     */
    int fold(Connection connection) throws SQLException {
        Map<List<Object>, long[]> sums = new TreeMap<>(HourlyTally::compareKeys);
        int folded = 0;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + "_delta RETURNING " + columns());
             ResultSet rows = delete.executeQuery()) {
            while (rows.next()) {
                List<Object> key = new ArrayList<>(keys.size());
                key.add(rows.getLong(1));
                for (int i = 2; i <= keys.size(); i++) {
                    key.add(rows.getString(i));
                }
                long[] sum = sums.computeIfAbsent(key, k -> new long[counts.size()]);
                for (int i = 0; i < counts.size(); i++) {
                    sum[i] += rows.getLong(keys.size() + 1 + i);
                }
                folded++;
            }
        }
        sums.values().removeIf(sum -> Arrays.stream(sum).allMatch(count -> count == 0));
        if (!sums.isEmpty()) {
            // Keys in one order in every fold, so two folds cannot deadlock on the hourly rows.
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (" + columns()
                    + ") VALUES (" + String.join(", ", Collections.nCopies(keys.size() + counts.size(), "?"))
                    + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + String.join(", ",
                    counts.stream().map(c -> c + " = " + table + "." + c + " + excluded." + c).toList()))) {
                bindAll(upsert, sums);
            }
        }
        return folded;
    }

    /** Whether any delta waits to be folded. */
    boolean pending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table + "_delta LIMIT 1");
             ResultSet rows = select.executeQuery()) {
            return rows.next();
        }
    }

    /**
     * The hourly rows and the deltas not yet folded in, as one row set of {@code columns} for a report to add up:
     * {@code where} is applied to both, so its parameters are bound twice, first for the rows, then for the deltas.
     */
    String withDeltas(String columns, String where) {
        return "SELECT " + columns + " FROM " + table + " WHERE " + where
                + " UNION ALL SELECT " + columns + " FROM " + table + "_delta WHERE " + where;
    }

    private String columns() {
        return String.join(", ", keys) + ", " + String.join(", ", counts);
    }

    static void bindAll(PreparedStatement statement, Map<List<Object>, long[]> tallies) throws SQLException {
        for (Map.Entry<List<Object>, long[]> tally : tallies.entrySet()) {
            int column = 1;
            for (Object part : tally.getKey()) {
                statement.setObject(column++, part);
            }
            for (long value : tally.getValue()) {
                statement.setLong(column++, value);
            }
            statement.addBatch();
        }
        statement.executeBatch();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
