package com.ringside.cache;

import com.ringside.domain.ContactRule;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.RuleJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Contact rules, versioned: saving a rule stores its next version and keeps every earlier one. */
public final class RuleStore {
    private final CacheDatabase database;

    public RuleStore(CacheDatabase database) {
        this.database = database;
    }

    /** The latest version of every rule, by name. */
    public List<ContactRule> current() {
        return database.read(connection -> {
            List<ContactRule> rules = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT body FROM contact_rule r
                    WHERE version = (SELECT max(version) FROM contact_rule WHERE id = r.id) AND deleted = 0
                    ORDER BY name COLLATE NOCASE, id""");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rules.add(parse(rows.getString(1)));
                }
            }
            return rules;
        });
    }

    /** Stores {@code rule} as its next version and returns it with that version. */
    public ContactRule save(ContactRule rule, UUID savedBy, Instant savedAt) {
        return database.write(connection -> {
            long version;
            try (PreparedStatement latest = connection.prepareStatement(
                    "SELECT coalesce(max(version), 0) FROM contact_rule WHERE id = ?")) {
                latest.setString(1, rule.id().toString());
                try (ResultSet rows = latest.executeQuery()) {
                    rows.next();
                    version = rows.getLong(1) + 1;
                }
            }
            ContactRule saved = rule.withVersion(version);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO contact_rule (id, version, name, enabled, body, saved_at, saved_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, saved.id().toString());
                insert.setLong(2, saved.version());
                insert.setString(3, saved.name());
                insert.setBoolean(4, saved.enabled());
                insert.setString(5, WireCodec.write(WireCodec.rule(saved)));
                insert.setLong(6, savedAt.toEpochMilli());
                insert.setString(7, savedBy == null ? null : savedBy.toString());
                insert.executeUpdate();
            }
            return saved;
        });
    }

    public boolean isEmpty() {
        return database.singleLong("SELECT EXISTS (SELECT 1 FROM contact_rule)") == 0;
    }

    private static ContactRule parse(String body) {
        return WireCodec.rule(WireCodec.read(body, RuleJson.class), "rule");
    }
}
