package com.ringside.crash;

import com.ringside.crash.LinkedDesk.Placed;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.server.FlaggedCall;
import com.ringside.server.JdbcMasterStore;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.EventJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What must hold for the calls of one campaign after the master crashed while desks asked it for permits: every
 * call a desk placed is at the master once, as the agent wrapped it up, and nothing else is; a granted permit is
 * never lost; the master granted no more than the cap; a call made offline is flagged when the master already held
 * the cap's worth of earlier calls when it stored it, and never when it held fewer calls than the cap in all (unless
 * a permitted call to the customer was withdrawn since, and the calls the master holds now put it over); and a
 * customer called more often than the cap has at least one call flagged, so supervisors see the breach.
 */
final class PermitChecks {
    private final int cap;
    private final Map<UUID, ContactEvent> stored = new HashMap<>();
    private final Set<UUID> flagged;
    private final Map<UUID, Long> storedAs;
    private final Set<UUID> withdrawnFrom;
    private int withdrawnCount;

    PermitChecks(JdbcMasterStore master, Path masterFile, List<Customer> called, String campaign, int cap)
            throws SQLException {
        this.cap = cap;
        for (Customer c : called) {
            master.events(c.id()).stream().filter(e -> campaign.equals(e.campaign())).forEach(e -> stored.put(e.id(), e));
        }
        flagged = master.flaggedCalls(new FlaggedCall.Query(FlaggedCall.Kind.VIOLATION, null, null, null, null, null,
                Integer.MAX_VALUE)).stream().map(FlaggedCall::eventId).filter(stored::containsKey).collect(Collectors.toSet());
        storedAs = insertionOrder(masterFile, stored.keySet());
        withdrawnFrom = withdrawnCalls(masterFile, campaign);
    }

    List<String> problems(List<Placed> placed) {
        Map<UUID, Placed> byId = new HashMap<>();
        placed.forEach(call -> byId.put(call.call().id(), call));
        List<String> problems = new ArrayList<>();
        report(problems, placed.size() - byId.size(), "calls placed twice under one id");
        report(problems, byId.keySet().stream().filter(id -> !stored.containsKey(id)).count(),
                "calls placed at a desk missing at the master");
        report(problems, stored.keySet().stream().filter(id -> !byId.containsKey(id)).count(),
                "calls at the master that no desk placed");
        report(problems, placed.stream().filter(Placed::granted).filter(call -> !stored.containsKey(call.call().id())
                || stored.get(call.call().id()).provisional()).count(), "granted permits lost by the master");
        report(problems, placed.stream().filter(call -> stored.containsKey(call.call().id())
                && stored.get(call.call().id()).outcome() != call.call().outcome()).count(),
                "calls stored with another outcome than the agent gave");
        Map<UUID, Long> permitted = stored.values().stream().filter(e -> !e.provisional())
                .collect(Collectors.groupingBy(ContactEvent::customerId, Collectors.counting()));
        permitted.values().stream().filter(count -> count > cap).forEach(count ->
                problems.add(count + " permits granted on one customer, over the cap of " + cap));
        report(problems, stored.values().stream().filter(e -> e.provisional() && !flagged.contains(e.id())
                && heldEarlier(e) >= cap).count(), "calls made offline past the cap and not flagged");
        report(problems, flagged.stream().map(stored::get).filter(e -> !e.provisional() || held(e) < cap
                && !(withdrawnFrom.contains(e.customerId()) && heldNowEarlier(e) >= cap)).count(),
                "calls flagged that did not break the cap");
        Map<UUID, List<ContactEvent>> byCustomer = stored.values().stream()
                .collect(Collectors.groupingBy(ContactEvent::customerId));
        report(problems, byCustomer.values().stream().filter(calls -> calls.size() > cap
                && calls.stream().noneMatch(e -> flagged.contains(e.id()))).count(),
                "customers called more often than the cap with no call flagged");
        return problems;
    }

    ServerCrashTrials.Calls calls(List<Placed> placed) {
        return new ServerCrashTrials.Calls(placed.size(), (int) placed.stream().filter(Placed::granted).count(),
                (int) placed.stream().filter(call -> !call.granted() && stored.containsKey(call.call().id())
                        && !stored.get(call.call().id()).provisional()).count(), withdrawnCount, flagged.size());
    }

    /**
     * The customers of the campaign's calls the master had permitted and took out again because no desk dialled
     * them; counts them in {@link #withdrawnCount}.
     */
    private Set<UUID> withdrawnCalls(Path masterFile, String campaign) throws SQLException {
        Set<UUID> customers = new java.util.HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + masterFile);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT body FROM withdrawn_call WHERE body IS NOT NULL");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                EventJson call = WireCodec.read(rows.getString(1), EventJson.class);
                if (campaign.equals(call.campaign())) {
                    withdrawnCount++;
                    customers.add(UUID.fromString(call.customerId()));
                }
            }
        }
        return customers;
    }

    /** The calls to the customer the master held when it stored {@code call}; the trial's window holds them all. */
    private long held(ContactEvent call) {
        return stored.values().stream().filter(e -> e.customerId().equals(call.customerId())
                && storedAs.get(e.id()) < storedAs.get(call.id())).count();
    }

    /**
     * The calls to the customer the master holds now that occurred no later than {@code call}: after a withdrawal the
     * master judges a flag again with what it then holds, as a push would.
     */
    private long heldNowEarlier(ContactEvent call) {
        return stored.values().stream().filter(e -> e.customerId().equals(call.customerId()) && !e.id().equals(call.id())
                && !e.occurredAt().isAfter(call.occurredAt())).count();
    }

    /** Of those, the ones that occurred no later than {@code call}. */
    private long heldEarlier(ContactEvent call) {
        return stored.values().stream().filter(e -> e.customerId().equals(call.customerId())
                && !e.occurredAt().isAfter(call.occurredAt()) && storedAs.get(e.id()) < storedAs.get(call.id())).count();
    }

    /** Each event's place in the order the master stored them: its first entry in the master's feed. */
    private static Map<UUID, Long> insertionOrder(Path masterFile, Collection<UUID> events) throws SQLException {
        Map<UUID, Long> order = new HashMap<>();
        if (events.isEmpty()) {
            return order;
        }
        String sql = "SELECT entity_id, min(seq) FROM change WHERE kind = 'event' AND entity_id IN ("
                + String.join(", ", Collections.nCopies(events.size(), "?")) + ") GROUP BY entity_id";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + masterFile);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 0;
            for (UUID id : events) {
                statement.setString(++i, id.toString());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    order.put(UUID.fromString(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return order;
    }

    private static void report(List<String> problems, long count, String what) {
        if (count != 0) {
            problems.add(count + " " + what);
        }
    }
}
