package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.DecisionReason;
import com.ringside.domain.DialDecision;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Verdict;
import com.ringside.server.FlaggedCall.Acknowledgement;
import com.ringside.server.FlaggedCall.Kind;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.DecisionJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The flagged_call table: what supervisors review, recorded in the transaction of the call it concerns. */
final class FlaggedCalls {
    static final int MAX_COMMENT = 2_000;
    /** Event ids bound in one IN list. */
    private static final int ID_SLICE = 500;

    private FlaggedCalls() {
    }

    static void record(Connection connection, Kind kind, ContactEvent event, DialDecision decision, Instant now)
            throws SQLException {
        String reason = kind == Kind.OVERRIDE ? event.override().reason() : decision.reasons().stream()
                .filter(r -> r.severity() == Verdict.BLOCK).map(DecisionReason::message).collect(Collectors.joining(" "));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO flagged_call (event_id, kind, customer_id, agent_id, line_of_business, occurred_at,
                    detected_at, decision, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, event.id().toString());
            insert.setString(2, kind.name());
            insert.setString(3, event.customerId().toString());
            insert.setString(4, event.agentId() == null ? null : event.agentId().toString());
            insert.setString(5, event.lineOfBusiness().name());
            insert.setLong(6, event.occurredAt().toEpochMilli());
            insert.setLong(7, now.toEpochMilli());
            insert.setString(8, WireCodec.write(WireCodec.decision(decision)));
            insert.setString(9, reason);
            insert.executeUpdate();
        }
    }

    static List<FlaggedCall> find(Connection connection, FlaggedCall.Query query) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT f.event_id, f.kind, f.customer_id, c.body, f.agent_id, f.line_of_business, f.occurred_at,
                    f.detected_at, f.decision, f.reason, f.acknowledged_by, f.acknowledged_at, f.acknowledgement
                FROM flagged_call f LEFT JOIN customer c ON c.id = f.customer_id WHERE 1 = 1""");
        List<Object> values = new ArrayList<>();
        if (query.kind() != null) {
            sql.append(" AND f.kind = ?");
            values.add(query.kind().name());
        }
        if (query.acknowledged() != null) {
            sql.append(query.acknowledged() ? " AND f.acknowledged_at IS NOT NULL" : " AND f.acknowledged_at IS NULL");
        }
        if (query.from() != null) {
            sql.append(" AND f.occurred_at >= ?");
            values.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND f.occurred_at < ?");
            values.add(query.to().toEpochMilli());
        }
        if (query.line() != null) {
            sql.append(" AND f.line_of_business = ?");
            values.add(query.line().name());
        }
        sql.append(" ORDER BY f.occurred_at DESC, f.event_id");
        Map<String, String> names = userNames(connection);
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip().toLowerCase(Locale.ROOT);
        List<FlaggedCall> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next() && found.size() < query.limit()) {
                    FlaggedCall call = flaggedCall(rows, names);
                    if (text == null || matches(call, text)) {
                        found.add(call);
                    }
                }
            }
        }
        return found;
    }

    /** Signs a flagged call off; refused when there is no such call or it was signed off already. */
    static void acknowledge(Connection connection, UUID eventId, UUID by, String comment, Instant now) throws SQLException {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("comment: write what was done about this call");
        }
        if (text.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment: at most " + MAX_COMMENT + " characters");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT acknowledged_at FROM flagged_call WHERE event_id = ?")) {
            statement.setString(1, eventId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw ApiException.notFound("No flagged call has the event id " + eventId + ".");
                }
                if (rows.getObject(1) != null) {
                    throw ApiException.conflict("The call " + eventId + " was acknowledged already.");
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE flagged_call SET acknowledged_by = ?, acknowledged_at = ?, acknowledgement = ?
                WHERE event_id = ? AND acknowledged_at IS NULL""")) {
            update.setString(1, by.toString());
            update.setLong(2, now.toEpochMilli());
            update.setString(3, text);
            update.setString(4, eventId.toString());
            update.executeUpdate();
        }
    }

    /**
     * Which of {@code calls} are flagged as violations ({@code openOnly}: not signed off yet): event id → the decision
     * that flagged it. Looked up by the calls' ids, so it costs a few key lookups however many flags the master holds.
     */
    static Map<UUID, DialDecision> violations(Connection connection, Collection<ContactEvent> calls, boolean openOnly)
            throws SQLException {
        Map<UUID, DialDecision> flagged = new HashMap<>();
        List<ContactEvent> all = List.copyOf(calls);
        for (int from = 0; from < all.size(); from += ID_SLICE) {
            List<ContactEvent> slice = all.subList(from, Math.min(all.size(), from + ID_SLICE));
            try (PreparedStatement statement = connection.prepareStatement("SELECT event_id, decision FROM flagged_call"
                    + " WHERE event_id IN (" + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")"
                    + " AND kind = 'VIOLATION'" + (openOnly ? " AND acknowledged_at IS NULL" : ""))) {
                for (int i = 0; i < slice.size(); i++) {
                    statement.setString(i + 1, slice.get(i).id().toString());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        flagged.put(UUID.fromString(rows.getString(1)),
                                WireCodec.decision(WireCodec.read(rows.getString(2), DecisionJson.class), "decision"));
                    }
                }
            }
        }
        return flagged;
    }

    /** Takes a flag back: the call turned out not to break a rule. */
    static void lift(Connection connection, UUID eventId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flagged_call WHERE event_id = ?")) {
            delete.setString(1, eventId.toString());
            delete.executeUpdate();
        }
    }

    private static FlaggedCall flaggedCall(ResultSet rows, Map<String, String> names) throws SQLException {
        String customerBody = rows.getString(4);
        String agent = rows.getString(5);
        DecisionJson decision = WireCodec.read(rows.getString(9), DecisionJson.class);
        List<String> rules = decision == null || decision.reasons() == null ? List.of() : decision.reasons().stream()
                .filter(r -> Verdict.BLOCK.name().equals(r.severity()) && r.ruleName() != null)
                .map(r -> r.ruleName()).distinct().toList();
        String acknowledgedBy = rows.getString(11);
        Acknowledgement acknowledgement = acknowledgedBy == null ? null : new Acknowledgement(
                UUID.fromString(acknowledgedBy), names.getOrDefault(acknowledgedBy, acknowledgedBy),
                Instant.ofEpochMilli(rows.getLong(12)), rows.getString(13));
        String line = rows.getString(6);
        return new FlaggedCall(UUID.fromString(rows.getString(1)), Kind.valueOf(rows.getString(2)),
                UUID.fromString(rows.getString(3)),
                customerBody == null ? "" : WireCodec.read(customerBody, CustomerJson.class).displayName(),
                agent == null ? null : UUID.fromString(agent), agent == null ? "" : names.getOrDefault(agent, agent),
                line == null ? null : LineOfBusiness.valueOf(line), Instant.ofEpochMilli(rows.getLong(7)),
                Instant.ofEpochMilli(rows.getLong(8)), rules, rows.getString(10) == null ? "" : rows.getString(10),
                acknowledgement);
    }

    private static boolean matches(FlaggedCall call, String text) {
        return (call.customerName() + "\n" + call.agentName() + "\n" + String.join("\n", call.rules()) + "\n" + call.reason())
                .toLowerCase(Locale.ROOT).contains(text);
    }

    private static Map<String, String> userNames(Connection connection) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, display_name FROM app_user");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return names;
    }
}
