package com.ringside.crash;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.server.JdbcMasterStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every crash trial checks afterwards: sound SQLite files, nothing left unsent, the same events at both ends. */
final class CrashChecks {
    private CrashChecks() {
    }

    /** Event id → outcome, for every event the master holds on {@code customers}. */
    static Map<String, String> masterEvents(JdbcMasterStore master, Collection<Customer> customers) {
        Map<String, String> events = new HashMap<>();
        for (Customer c : customers) {
            for (ContactEvent e : master.events(c.id())) {
                events.put(e.id().toString(), e.outcome().name());
            }
        }
        return events;
    }

    /** Problems found at a desk: its cache unsound, calls left unsent, or any event missing, extra or different. */
    static List<String> deskProblems(CacheDatabase cache, Map<String, String> atMaster) {
        List<String> problems = new ArrayList<>();
        Map<String, String> atDesk = cache.read(connection -> {
            Map<String, String> events = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, outcome FROM contact_event");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getString(2));
                }
            }
            return events;
        });
        String integrity = cache.read(CrashChecks::integrity);
        if (!integrity.equals("ok")) {
            problems.add("integrity_check: " + integrity);
        }
        int waiting = new ContactEventStore(cache).outboxSize();
        if (waiting != 0) {
            problems.add(waiting + " events still wait to be sent");
        }
        long missing = atMaster.keySet().stream().filter(id -> !atDesk.containsKey(id)).count();
        long extra = atDesk.keySet().stream().filter(id -> !atMaster.containsKey(id)).count();
        long different = atMaster.entrySet().stream().filter(e -> atDesk.containsKey(e.getKey())
                && !e.getValue().equals(atDesk.get(e.getKey()))).count();
        if (missing + extra + different > 0) {
            problems.add(missing + " events missing at the desk, " + extra + " only at the desk, " + different
                    + " different");
        }
        return problems;
    }

    /** {@code PRAGMA integrity_check} on a SQLite file another process may have open: "ok" when sound. */
    static String integrity(Path sqliteFile) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
            return integrity(connection);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String integrity(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
