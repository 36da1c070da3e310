package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.Outcome;
import com.ringside.domain.SourceSystem;
import com.ringside.wire.WireCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Permitted calls a desk never dialled (V8): the permit's answer was lost and the desk's own check then refused the
 * call, or the telephony failed. The call leaves the master, so it counts against nobody, and its id is kept, so a
 * permit request that arrives late under that id cannot bring it back.
 */
final class WithdrawnCalls {
    /** What the master holds under an event id: the event, a withdrawn call, or nothing. */
    record Lookup(ContactEvent event, boolean withdrawn) {
        static final Lookup NOTHING = new Lookup(null, false);

        Optional<ContactEvent> stored() {
            return Optional.ofNullable(event);
        }
    }

    private WithdrawnCalls() {
    }

    /** One round trip for both tables: the common case, a new id, must stay cheap for permits and pushes. */
    static Lookup lookUp(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT body, 0 FROM contact_event WHERE id = ? "
                + "UNION ALL SELECT NULL, 1 FROM withdrawn_call WHERE event_id = ?")) {
            statement.setString(1, id.toString());
            statement.setString(2, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                Lookup found = Lookup.NOTHING;
                while (rows.next()) {
                    found = rows.getInt(2) == 1 ? new Lookup(null, true)
                            : new Lookup(JdbcMasterStore.parseEvent(rows.getString(1)), false);
                }
                return found;
            }
        }
    }

    /** Refuses to withdraw a call that is not {@code user}'s, or that was dialled (completed, or decided offline). */
    static void checkWithdrawable(ContactEvent call, User user) {
        if (!user.id().equals(call.agentId())) {
            throw ApiException.forbidden("Only the agent the permit was given to may withdraw call " + call.id() + ".");
        }
        if (call.outcome() != Outcome.PENDING || call.provisional() || !SourceSystem.RINGSIDE.equals(call.sourceSystem())) {
            throw ApiException.conflict("The call " + call.id() + " was placed; only a permitted call that was never "
                    + "dialled can be withdrawn.");
        }
    }

    /** Keeps the id (and the call as it was, if the master had it) and takes the call and its flag out. */
    static void record(Connection connection, UUID eventId, UUID customerId, ContactEvent call, User by, String reason,
                       Instant now) throws SQLException {
        if (call != null) {
            FlaggedCalls.lift(connection, eventId);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM contact_event WHERE id = ?")) {
                delete.setString(1, eventId.toString());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO withdrawn_call "
                + "(event_id, customer_id, body, withdrawn_by, withdrawn_at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId.toString());
            insert.setString(2, customerId.toString());
            insert.setString(3, call == null ? null : WireCodec.write(WireCodec.event(call)));
            insert.setString(4, by.id().toString());
            insert.setLong(5, now.toEpochMilli());
            insert.setString(6, reason);
            insert.executeUpdate();
        }
    }
}
