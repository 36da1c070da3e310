package com.ringside.server;

import com.ringside.domain.ContactRule;
import com.ringside.domain.LineOfBusiness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * For benchmarks: what a year of permits leaves beside the events, written directly: the rule tallies (every hour,
 * rule and line) and flagged calls on one event in a thousand.
 */
public final class RuleTallyFiller {
    private RuleTallyFiller() {
    }

    public static void fill(MasterDatabase database, List<ContactRule> rules, Instant now, Random random)
            throws SQLException {
        long last = ContactTallies.hourOf(now);
        long first = last - Duration.ofDays(365).toMillis();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rule_hour (hour_start, rule_id, line_of_business, placed, blocked, overridden, violated)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (long hour = first; hour <= last; hour += ContactTallies.HOUR) {
                    for (ContactRule rule : rules) {
                        for (LineOfBusiness line : LineOfBusiness.values()) {
                            insert.setLong(1, hour);
                            insert.setString(2, rule.id().toString());
                            insert.setString(3, line.name());
                            insert.setLong(4, random.nextInt(40));
                            insert.setLong(5, random.nextInt(5));
                            insert.setLong(6, random.nextInt(3) == 0 ? 1 : 0);
                            insert.setLong(7, random.nextInt(20) == 0 ? 1 : 0);
                            insert.addBatch();
                            if (++pending == 5_000) {
                                insert.executeBatch();
                                pending = 0;
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    public static void flag(MasterDatabase database, Instant now) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, customer_id, occurred_at FROM contact_event ORDER BY id");
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO flagged_call (event_id, kind, customer_id, agent_id, line_of_business, occurred_at,
                             detected_at, decision, reason) VALUES (?, ?, ?, NULL, 'ORDERS', ?, ?, 'null', ?)""");
                 var rows = select.executeQuery()) {
                long seen = 0;
                while (rows.next()) {
                    if (seen++ % 1_000 != 0) {
                        continue;
                    }
                    boolean override = seen % 2 == 0;
                    insert.setString(1, rows.getString(1));
                    insert.setString(2, override ? "OVERRIDE" : "VIOLATION");
                    insert.setString(3, rows.getString(2));
                    insert.setLong(4, rows.getLong(3));
                    insert.setLong(5, now.toEpochMilli());
                    insert.setString(6, override ? "Customer asked for a call back" : "4 calls in the last 7 days (limit 3)");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }
}
