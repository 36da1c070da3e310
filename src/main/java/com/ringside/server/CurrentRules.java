package com.ringside.server;

import com.ringside.domain.ContactRule;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.RuleJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules in force, parsed once per change. Rules are only ever added to the master (a new version, or a version
 * that marks the rule deleted), so the number of rule rows names the set; any server process sharing the database
 * sees another's change by that number and reads the rules again.
 */
final class CurrentRules {
    /** The revision of the rules: it grows with every version saved. */
    static final String REVISION = "SELECT count(*) FROM contact_rule";

    record Revision(long number, List<ContactRule> rules) {
        Duration lookBack() {
            return ContactRule.lookBack(rules);
        }
    }

    private volatile Revision known;

    /** The rules as they stand for {@code connection}'s transaction. */
    List<ContactRule> read(Connection connection) throws SQLException {
        long number;
        try (PreparedStatement statement = connection.prepareStatement(REVISION);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            number = rows.getLong(1);
        }
        return at(connection, number).rules();
    }

    /** The last revision read, or the rules as they stand if none was read yet. */
    Revision known(Connection connection) throws SQLException {
        Revision last = known;
        return last != null ? last : load(connection);
    }

    /** The rules of revision {@code number}, as {@code connection} reads the rules in force. */
    Revision at(Connection connection, long number) throws SQLException {
        Revision last = known;
        return last != null && last.number() == number ? last : load(connection);
    }

    /**
     * Reads the revision before the rules: a rule saved in between is then among the rules and the next look at the
     * revision reads them again, never the other way round.
     */
    private Revision load(Connection connection) throws SQLException {
        long number;
        try (PreparedStatement statement = connection.prepareStatement(REVISION);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            number = rows.getLong(1);
        }
        List<ContactRule> rules = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT body FROM contact_rule r
                WHERE version = (SELECT max(version) FROM contact_rule WHERE id = r.id) AND deleted = ?
                ORDER BY id""")) {
            statement.setBoolean(1, false);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rules.add(WireCodec.rule(WireCodec.read(rows.getString(1), RuleJson.class), "rule"));
                }
            }
        }
        Revision loaded = new Revision(number, List.copyOf(rules));
        known = loaded;
        return loaded;
    }
}
