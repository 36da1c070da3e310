package com.ringside.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hash-chained audit trail in the master's database: appends inside the caller's transaction (so an action and
 * its entry are stored together or not at all), searches, and checks the chain.
 */
final class AuditLog {
    static final String GENESIS = "0".repeat(64);

    private AuditLog() {
    }

    static void append(Connection connection, Dialect dialect, Instant at, UUID actor, String action, String subject,
                       String detail) throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT seq, hash FROM audit_head WHERE id = 1" + dialect.lockClause);
             ResultSet rows = head.executeQuery()) {
            rows.next();
            seq = rows.getLong(1) + 1;
            previous = rows.getString(2);
        }
        AuditEntry entry = new AuditEntry(seq, at, actor, null, action, subject, detail == null ? "" : detail);
        String hash = hash(entry, previous);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, seq);
            insert.setLong(2, at.toEpochMilli());
            insert.setString(3, actor == null ? null : actor.toString());
            insert.setString(4, action);
            insert.setString(5, subject);
            insert.setString(6, entry.detail());
            insert.setString(7, previous);
            insert.setString(8, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
        }
    }

    /** Entries whose action, subject, detail or actor's name contains {@code text} (any, if blank), newest first. */
    static List<AuditEntry> search(Connection connection, String text, int limit) throws SQLException {
        String like = "%" + (text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)) + "%";
        List<AuditEntry> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.seq, a.at, a.actor, a.action, a.subject, a.detail, u.display_name
                FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor
                WHERE lower(a.action) LIKE ? OR lower(a.subject) LIKE ? OR lower(a.detail) LIKE ?
                    OR lower(coalesce(u.display_name, '')) LIKE ?
                ORDER BY a.seq DESC LIMIT ?""")) {
            statement.setString(1, like);
            statement.setString(2, like);
            statement.setString(3, like);
            statement.setString(4, like);
            statement.setInt(5, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    AuditEntry entry = entry(rows);
                    found.add(new AuditEntry(entry.seq(), entry.at(), entry.actor(), rows.getString(7), entry.action(),
                            entry.subject(), entry.detail()));
                }
            }
        }
        return found;
    }

    /** Walks the chain from the first entry: numbering, each link to the one before, each entry's own hash, the head. */
    static AuditCheck check(Connection connection) throws SQLException {
        String previous = GENESIS;
        long expected = 1;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                AuditEntry entry = entry(rows);
                if (entry.seq() != expected) {
                    return new AuditCheck(expected - 1, expected, "entry " + expected + " is missing");
                }
                if (!rows.getString(7).equals(previous)) {
                    return new AuditCheck(expected - 1, entry.seq(), "it does not link to the entry before it");
                }
                if (!rows.getString(8).equals(hash(entry, previous))) {
                    return new AuditCheck(expected - 1, entry.seq(), "its content does not match its hash");
                }
                previous = rows.getString(8);
                expected++;
            }
        }
        long entries = expected - 1;
        Optional<String> headProblem = headProblem(connection, entries, previous);
        return headProblem.map(problem -> new AuditCheck(entries, entries + 1, problem)).orElse(new AuditCheck(entries, null, null));
    }

    private static Optional<String> headProblem(Connection connection, long last, String lastHash) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rows = head.executeQuery()) {
            rows.next();
            if (rows.getLong(1) != last || !rows.getString(2).equals(lastHash)) {
                return Optional.of("the log ends at entry " + last + " but was written up to entry " + rows.getLong(1));
            }
            return Optional.empty();
        }
    }

    private static AuditEntry entry(ResultSet rows) throws SQLException {
        String actor = rows.getString(3);
        return new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                actor == null ? null : UUID.fromString(actor), null, rows.getString(4), rows.getString(5), rows.getString(6));
    }

    static String hash(AuditEntry entry, String previous) {
        String canonical = entry.seq() + "\n" + entry.at().toEpochMilli() + "\n" + (entry.actor() == null ? "" : entry.actor())
                + "\n" + entry.action() + "\n" + entry.subject() + "\n" + entry.detail() + "\n" + previous;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
