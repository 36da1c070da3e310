package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.LineOfBusiness;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.EventJson;
import com.ringside.wire.WireRecords.RuleJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The supervisors' reports, read from the tallies {@link ContactTallies} keeps (the hourly ones with the deltas not
 * yet folded in), so that none scans the events: only the few customers a repeat-call report names have their own
 * calls read.
 */
public final class Reports {
    /** How many customers a repeat-call report names; each week offers at most this many candidates. */
    public static final int TOP_CUSTOMERS = 20;

    /** Hourly tallies of the range's hours and line (every line for '*'). */
    private static final String IN_RANGE = "hour_start >= ? AND hour_start < ? AND (? = '*' OR line_of_business = ?)";

    private final MasterDatabase database;

    Reports(MasterDatabase database) {
        this.database = database;
    }

    /**
     * The customers called most often within one week (weeks from Monday, UTC, that overlap the range), each with
     * their calls in the range by line, team and day; and how many customers had 2, 3, … calls in a week.
     */
    public RepeatCalls repeatCalls(ReportRange range) {
        return database.read(connection -> {
            Map<UUID, long[]> best = new HashMap<>();
            Map<Long, Long> customersByCalls = new TreeMap<>();
            try (PreparedStatement top = connection.prepareStatement("""
                    SELECT customer_id, calls FROM customer_week
                    WHERE week_start = ? AND line_of_business = ? AND calls >= 2 ORDER BY calls DESC LIMIT ?""");
                 PreparedStatement spread = connection.prepareStatement("""
                    SELECT calls, count(*) FROM customer_week
                    WHERE week_start = ? AND line_of_business = ? AND calls >= 2 GROUP BY calls""")) {
                for (long week = ContactTallies.weekOf(range.from()); week < range.to().toEpochMilli();
                     week += ContactTallies.WEEK) {
                    top.setLong(1, week);
                    top.setString(2, range.lineKey());
                    top.setInt(3, TOP_CUSTOMERS);
                    try (ResultSet rows = top.executeQuery()) {
                        while (rows.next()) {
                            long[] seen = best.computeIfAbsent(UUID.fromString(rows.getString(1)), id -> new long[2]);
                            if (rows.getLong(2) > seen[0]) {
                                seen[0] = rows.getLong(2);
                                seen[1] = week;
                            }
                        }
                    }
                    spread.setLong(1, week);
                    spread.setString(2, range.lineKey());
                    try (ResultSet rows = spread.executeQuery()) {
                        while (rows.next()) {
                            customersByCalls.merge(rows.getLong(1), rows.getLong(2), Long::sum);
                        }
                    }
                }
            }
            List<Map.Entry<UUID, long[]>> chosen = best.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<UUID, long[]>>comparingLong(e -> -e.getValue()[0])
                            .thenComparing(Map.Entry::getKey))
                    .limit(TOP_CUSTOMERS).toList();
            Map<UUID, String> teams = teams(connection);
            List<CalledCustomer> customers = new ArrayList<>();
            for (Map.Entry<UUID, long[]> entry : chosen) {
                customers.add(calledCustomer(connection, entry.getKey(), entry.getValue(), range, teams));
            }
            return new RepeatCalls(customers, customersByCalls);
        });
    }

    private static CalledCustomer calledCustomer(Connection connection, UUID id, long[] best, ReportRange range,
                                                 Map<UUID, String> teams) throws SQLException {
        Map<LineOfBusiness, Integer> byLine = new EnumMap<>(LineOfBusiness.class);
        Map<String, Integer> byTeam = new TreeMap<>();
        Map<LocalDate, Integer> byDay = new TreeMap<>();
        int calls = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT body FROM contact_event WHERE customer_id = ? AND occurred_at >= ? AND occurred_at < ?""")) {
            statement.setString(1, id.toString());
            statement.setLong(2, range.from().toEpochMilli());
            statement.setLong(3, range.to().toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ContactEvent event = WireCodec.event(WireCodec.read(rows.getString(1), EventJson.class), "event");
                    if (!event.isOutboundCall() || (range.line() != null && event.lineOfBusiness() != range.line())) {
                        continue;
                    }
                    calls++;
                    byLine.merge(event.lineOfBusiness(), 1, Integer::sum);
                    byTeam.merge(event.agentId() == null ? "" : teams.getOrDefault(event.agentId(), ""), 1, Integer::sum);
                    byDay.merge(LocalDate.ofInstant(event.occurredAt(), range.zone()), 1, Integer::sum);
                }
            }
        }
        String name = "";
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM customer WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    name = WireCodec.read(rows.getString(1), CustomerJson.class).displayName();
                }
            }
        }
        return new CalledCustomer(id, name, (int) best[0], LocalDate.ofInstant(Instant.ofEpochMilli(best[1]),
                java.time.ZoneOffset.UTC), calls, byLine, byTeam, byDay);
    }

    /** Every rule that is or was in force, with what it did to calls in the range. */
    public List<RuleOutcome> ruleOutcomes(ReportRange range) {
        return database.read(connection -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT rule_id, sum(placed), sum(blocked), "
                    + "sum(overridden), sum(violated) FROM (" + HourlyTally.RULES.withDeltas(
                    "rule_id, placed, blocked, overridden, violated", IN_RANGE) + ") t GROUP BY rule_id")) {
                bindRange(statement, range);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                rows.getLong(5)});
                    }
                }
            }
            List<RuleOutcome> outcomes = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT id, body, deleted FROM contact_rule r
                    WHERE version = (SELECT max(version) FROM contact_rule WHERE id = r.id) ORDER BY id""");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long[] c = counts.getOrDefault(rows.getString(1), new long[4]);
                    boolean retired = rows.getBoolean(3);
                    if (retired && c[0] + c[1] + c[2] + c[3] == 0) {
                        continue;
                    }
                    outcomes.add(new RuleOutcome(UUID.fromString(rows.getString(1)),
                            WireCodec.read(rows.getString(2), RuleJson.class).name(), retired, c[0], c[1], c[2], c[3]));
                }
            }
            outcomes.sort(Comparator.comparing(RuleOutcome::ruleName, String.CASE_INSENSITIVE_ORDER));
            return outcomes;
        });
    }

    /** Outbound calls by line of business and hour of the day (in the range's zone): attempts, contacts, right party. */
    public List<ContactRate> contactRates(ReportRange range) {
        return database.read(connection -> {
            Map<LineOfBusiness, long[][]> byLine = new EnumMap<>(LineOfBusiness.class);
            try (PreparedStatement statement = connection.prepareStatement("SELECT hour_start, line_of_business, "
                    + "sum(attempts), sum(contacts), sum(right_party) FROM (" + HourlyTally.CALLS.withDeltas(
                    "hour_start, line_of_business, attempts, contacts, right_party", IN_RANGE)
                    + ") t GROUP BY hour_start, line_of_business")) {
                bindRange(statement, range);
                statement.setFetchSize(5_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int hour = Instant.ofEpochMilli(rows.getLong(1)).atZone(range.zone()).getHour();
                        long[] tally = byLine.computeIfAbsent(LineOfBusiness.valueOf(rows.getString(2)),
                                line -> new long[24][3])[hour];
                        tally[0] += rows.getLong(3);
                        tally[1] += rows.getLong(4);
                        tally[2] += rows.getLong(5);
                    }
                }
            }
            List<ContactRate> rates = new ArrayList<>();
            byLine.forEach((line, hours) -> {
                for (int hour = 0; hour < 24; hour++) {
                    if (hours[hour][0] > 0) {
                        rates.add(new ContactRate(line, hour, hours[hour][0], hours[hour][1], hours[hour][2]));
                    }
                }
            });
            return rates;
        });
    }

    /** The parameters of {@link #IN_RANGE}, once for the hourly rows and once for the deltas. */
    private static void bindRange(PreparedStatement statement, ReportRange range) throws SQLException {
        for (int offset : new int[] {0, 4}) {
            statement.setLong(offset + 1, ContactTallies.hourOf(range.from()));
            statement.setLong(offset + 2, range.to().toEpochMilli());
            statement.setString(offset + 3, range.lineKey());
            statement.setString(offset + 4, range.lineKey());
        }
    }

    private static Map<UUID, String> teams(Connection connection) throws SQLException {
        Map<UUID, String> teams = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, coalesce(team, '') FROM app_user");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                teams.put(UUID.fromString(rows.getString(1)), rows.getString(2));
            }
        }
        return teams;
    }

    /** The repeat-call report: the customers named, and customers per number of calls in one week (2 and more). */
    public record RepeatCalls(List<CalledCustomer> customers, Map<Long, Long> customersByCallsInAWeek) {
    }

    /** A customer called repeatedly: most calls in one week (and which), and their calls in the range broken down. */
    public record CalledCustomer(UUID id, String name, int mostInAWeek, LocalDate weekOf, int calls,
                                 Map<LineOfBusiness, Integer> byLine, Map<String, Integer> byTeam,
                                 Map<LocalDate, Integer> byDay) {
    }

    /** What one rule did: calls placed while it applied, attempts it blocked, blocks overridden, offline breaches. */
    public record RuleOutcome(UUID ruleId, String ruleName, boolean retired, long placed, long blocked, long overridden,
                              long violated) {
    }

    /** One line of business at one hour of the day. */
    public record ContactRate(LineOfBusiness line, int hour, long attempts, long contacts, long rightParty) {
        public double contactRate() {
            return attempts == 0 ? 0 : (double) contacts / attempts;
        }

        public double rightPartyRate() {
            return attempts == 0 ? 0 : (double) rightParty / attempts;
        }
    }
}
