package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a permit reads once it holds the customer's lock, in one round trip: the customer's events within the rules'
 * look-back, what the master already holds under the call's id, and the rules' revision. The look-back is the one of
 * the rules last known; when the revision says they changed, the rules are read again and so is the rest.
 */
record PermitContext(List<ContactRule> rules, List<ContactEvent> history, WithdrawnCalls.Lookup stored) {
    private static final String READ = """
            SELECT 0, occurred_at, body FROM contact_event WHERE customer_id = ? AND occurred_at > ? AND occurred_at <= ?
            UNION ALL SELECT 1, 0, body FROM contact_event WHERE id = ?
            UNION ALL SELECT 2, 0, NULL FROM withdrawn_call WHERE event_id = ?
            UNION ALL SELECT 3, (%s), NULL
            ORDER BY 1, 2""".formatted(CurrentRules.REVISION);
    /** Rules saved again and again while one permit reads: it gives up rather than hold the lock for ever. */
    private static final int ROUNDS = 3;

    static PermitContext read(Connection connection, CurrentRules currentRules, UUID customerId, Instant at, UUID callId)
            throws SQLException {
        CurrentRules.Revision rules = currentRules.known(connection);
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            for (int round = 0; round < ROUNDS; round++) {
                statement.setString(1, customerId.toString());
                statement.setLong(2, at.minus(rules.lookBack()).toEpochMilli());
                statement.setLong(3, at.toEpochMilli());
                statement.setString(4, callId.toString());
                statement.setString(5, callId.toString());
                List<ContactEvent> history = new ArrayList<>();
                ContactEvent stored = null;
                boolean withdrawn = false;
                long revision = -1;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        switch (rows.getInt(1)) {
                            case 0 -> history.add(JdbcMasterStore.parseEvent(rows.getString(3)));
                            case 1 -> stored = JdbcMasterStore.parseEvent(rows.getString(3));
                            case 2 -> withdrawn = true;
                            default -> revision = rows.getLong(2);
                        }
                    }
                }
                if (revision == rules.number()) {
                    return new PermitContext(rules.rules(), history,
                            new WithdrawnCalls.Lookup(withdrawn ? null : stored, withdrawn));
                }
                rules = currentRules.at(connection, revision);
            }
        }
        throw new SQLException("The rules changed " + ROUNDS + " times while a permit was read; ask again");
    }

    /** The history without the call being asked for. */
    List<ContactEvent> historyWithout(UUID callId) {
        return history.stream().filter(event -> !event.id().equals(callId)).toList();
    }
}
