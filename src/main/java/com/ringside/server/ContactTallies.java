package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.DecisionReason;
import com.ringside.domain.DialDecision;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the report tallies (V6) in step with the events and permits they count, inside the caller's transaction: the
 * customer weeks directly, the hourly tallies as deltas ({@link HourlyTally}, V11) folded in later by the server.
 * Only outbound calls are counted. An event that changes (a call completed, a customer merged) is taken out as it
 * was and counted again as it is.
 */
final class ContactTallies {
    static final String ALL_LINES = "*";
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long WEEK = Duration.ofDays(7).toMillis();
    /** 1970-01-01 was a Thursday: weeks from Monday start three days before the epoch's week boundary. */
    private static final long MONDAY_SHIFT = Duration.ofDays(3).toMillis();

    /** A team per user; users are never moved between teams, so a miss is the only reason to read again. */
    private final Map<UUID, String> teams = new ConcurrentHashMap<>();

    /** What an outcome adds to the rule tallies. */
    enum RuleCount { PLACED, BLOCKED, OVERRIDDEN, VIOLATED }

    static long hourOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), HOUR) * HOUR;
    }

    static long weekOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() + MONDAY_SHIFT, WEEK) * WEEK - MONDAY_SHIFT;
    }

    void add(Connection connection, Collection<ContactEvent> events) throws SQLException {
        count(connection, events, 1);
    }

    void remove(Connection connection, Collection<ContactEvent> events) throws SQLException {
        count(connection, events, -1);
    }

    private void count(Connection connection, Collection<ContactEvent> events, int sign) throws SQLException {
        Map<List<Object>, long[]> hours = new TreeMap<>(HourlyTally::compareKeys);
        Map<List<Object>, long[]> weeks = new TreeMap<>(HourlyTally::compareKeys);
        for (ContactEvent event : events) {
            if (!event.isOutboundCall()) {
                continue;
            }
            String line = event.lineOfBusiness().name();
            long[] hour = hours.computeIfAbsent(List.of(hourOf(event.occurredAt()), line,
                    teamOf(connection, event.agentId())), key -> new long[3]);
            hour[0] += sign;
            hour[1] += event.outcome().isContact() ? sign : 0;
            hour[2] += event.outcome().isConversation() ? sign : 0;
            long week = weekOf(event.occurredAt());
            String customer = event.customerId().toString();
            for (String lines : List.of(line, ALL_LINES)) {
                weeks.computeIfAbsent(List.of(week, lines, customer), key -> new long[1])[0] += sign;
            }
        }
        // Keys in one order in every writer, so two transactions cannot deadlock on the same customer weeks.
        upsert(connection, """
                INSERT INTO customer_week (week_start, line_of_business, customer_id, calls) VALUES (?, ?, ?, ?)
                ON CONFLICT (week_start, line_of_business, customer_id) DO UPDATE SET
                    calls = customer_week.calls + excluded.calls""", weeks);
        HourlyTally.CALLS.append(connection, hours);
    }

    /** Counts one decided attempt against every rule it concerns: placed for each rule that applied, else the blockers. */
    void countDecision(Connection connection, Instant at, LineOfBusiness line, DialDecision decision,
                       RuleCount count) throws SQLException {
        tallyDecision(connection, at, line, decision, count, 1);
    }

    /** Takes back a decided attempt counted by {@link #countDecision}: a permitted call never dialled. */
    void uncountDecision(Connection connection, Instant at, LineOfBusiness line, DialDecision decision,
                         RuleCount count) throws SQLException {
        tallyDecision(connection, at, line, decision, count, -1);
    }

    private void tallyDecision(Connection connection, Instant at, LineOfBusiness line,
                               DialDecision decision, RuleCount count, int sign) throws SQLException {
        Set<UUID> rules = new LinkedHashSet<>();
        if (count == RuleCount.PLACED) {
            rules.addAll(decision.ruleVersions().keySet());
        } else {
            decision.reasons().stream().filter(reason -> reason.severity() == Verdict.BLOCK && reason.ruleId() != null)
                    .map(DecisionReason::ruleId).forEach(rules::add);
        }
        Map<List<Object>, long[]> tallies = new TreeMap<>(HourlyTally::compareKeys);
        for (UUID rule : rules) {
            long[] values = new long[4];
            values[count.ordinal()] = sign;
            tallies.put(List.of(hourOf(at), rule.toString(), line.name()), values);
        }
        HourlyTally.RULES.append(connection, tallies);
    }

    private static void upsert(Connection connection, String sql, Map<List<Object>, long[]> tallies) throws SQLException {
        if (tallies.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            HourlyTally.bindAll(statement, tallies);
        }
    }

    private String teamOf(Connection connection, UUID agent) throws SQLException {
        if (agent == null) {
            return "";
        }
        String team = teams.get(agent);
        if (team == null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, coalesce(team, '') FROM app_user");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    teams.put(UUID.fromString(rows.getString(1)), rows.getString(2));
                }
            }
            team = teams.computeIfAbsent(agent, unknown -> "");
        }
        return team;
    }
}
