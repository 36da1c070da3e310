package com.ringside.bench;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.UserRole;
import com.ringside.policy.Presets;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterDatabase;
import com.ringside.server.RuleTallyFiller;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.server.TestMasters.Backend;
import com.ringside.server.User;
import com.ringside.sync.MasterClient;
import com.ringside.testing.Customers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Every supervisor report over a master of N customers and M events, asked over HTTP as the desk asks: the time from
 * request to parsed answer, for a week, four weeks and a year, all lines and one. The events go in through the
 * master's own load path, which keeps the tallies; the rule tallies (written by permits, which would take hours to
 * replay) are filled directly with the shape a year of permits leaves. {@code ReportsBenchmark --customers N
 * --events M --backend sqlite|postgresql|both --out FILE}.
 */
public final class ReportsBenchmark {
    private static final int BATCH_CUSTOMERS = 2_000;
    private static final int RUNS = 5;
    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");
    private static final String[] GIVEN = {"Ana", "Ben", "Chloé", "Dev", "Grace", "Lan", "Sam", "Maria", "John", "Aisha"};
    private static final String[] FAMILY = {"Ruiz", "Martin", "Patel", "O'Neil", "Nguyen", "Okafor", "Smith", "Garcia"};
    private static final Outcome[] OUTCOMES = {Outcome.NO_ANSWER, Outcome.NO_ANSWER, Outcome.NO_ANSWER, Outcome.VOICEMAIL,
        Outcome.VOICEMAIL, Outcome.BUSY, Outcome.CONVERSATION, Outcome.CONVERSATION, Outcome.REFUSED, Outcome.SALE,
        Outcome.WRONG_NUMBER};

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(BenchArgs.arg(args, "--customers", "20000"));
        long events = Long.parseLong(BenchArgs.arg(args, "--events", "200000"));
        String backends = BenchArgs.arg(args, "--backend", "sqlite");
        Path out = Path.of(BenchArgs.arg(args, "--out", "target/bench/reports.md"));
        StringBuilder table = new StringBuilder("| back end | report | period | line | median ms | max ms |\n"
                + "|---|---|---|---|---:|---:|\n");
        StringBuilder notes = new StringBuilder();
        for (Backend backend : backends.equals("both") ? Backend.values()
                : new Backend[] {Backend.valueOf(backends.toUpperCase(Locale.ROOT))}) {
            Path dir = Files.createTempDirectory("ringside-reports-bench");
            MasterDatabase database = TestMasters.open(backend, dir);
            try (JdbcMasterStore store = new JdbcMasterStore(database, new ContactPolicy(new JollydayHolidays(),
                    new PhoneZones()), Clock.fixed(NOW, ZoneId.of("UTC")))) {
                long started = System.nanoTime();
                long stored = fill(store, database, customers, events);
                double seconds = (System.nanoTime() - started) / 1e9;
                notes.append(String.format(Locale.ENGLISH, "- %s: %,d customers and %,d events loaded in %.0f s "
                        + "(%,.0f events/s, tallies included).%n", backend, customers, stored, seconds, stored / seconds));
                try (MasterServer server = new MasterServer(store, Clock.fixed(NOW, ZoneId.of("UTC")), Duration.ofHours(8))) {
                    URI address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
                    server.authenticator().addUser("sky", "Sky", UserRole.SUPERVISOR, "bench-password".toCharArray());
                    MasterClient client = new MasterClient(address);
                    client.signIn("sky", "bench-password");
                    for (int days : new int[] {7, 28, 365}) {
                        for (LineOfBusiness line : new LineOfBusiness[] {null, LineOfBusiness.ORDERS}) {
                            Map<String, String> range = new HashMap<>();
                            range.put("from", NOW.minus(Duration.ofDays(days)).toString());
                            range.put("to", NOW.toString());
                            range.put("zone", "America/New_York");
                            if (line != null) {
                                range.put("line", line.name());
                            }
                            row(table, backend, "repeat calls", days, line, () -> client.repeatCalls(range));
                            row(table, backend, "rule outcomes", days, line, () -> client.ruleOutcomes(range));
                            row(table, backend, "contact rates", days, line, () -> client.contactRates(range));
                            row(table, backend, "flagged calls", days, line, () -> client.flaggedCalls(range));
                        }
                    }
                    row(table, backend, "audit search", 0, null, () -> client.audit("override", 500));
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# Supervisor reports\n\n" + notes + "\n" + table);
        System.out.print(notes + "\n" + table);
    }

    private static long fill(JdbcMasterStore store, MasterDatabase database, int customers, long events) throws Exception {
        Random random = new Random(42);
        List<User> agents = new ArrayList<>();
        String[] teams = {"Renewals", "Claims", "Loans", "Orders", "Outbound marketing"};
        for (int i = 0; i < 50; i++) {
            agents.add(store.addUser("agent-" + i, "Agent " + i, UserRole.AGENT, teams[i % teams.length], "!", NOW));
        }
        List<ContactRule> rules = new ArrayList<>();
        for (ContactRule rule : Presets.starterSet()) {
            rules.add(store.saveRule(rule, null, NOW));
        }
        double perCustomer = (double) events / customers;
        long stored = 0;
        for (int from = 0; from < customers; from += BATCH_CUSTOMERS) {
            List<Customer> batch = new ArrayList<>();
            List<ContactEvent> history = new ArrayList<>();
            for (int i = from; i < Math.min(customers, from + BATCH_CUSTOMERS); i++) {
                Customer customer = Customers.customer(GIVEN[i % GIVEN.length], FAMILY[(i / 10) % FAMILY.length] + i)
                        .phone(String.format(Locale.ROOT, "+1415%07d", i)).zone("America/New_York").build();
                batch.add(customer);
                long count = Math.round(perCustomer * (0.5 + random.nextDouble()));
                boolean hounded = random.nextInt(100) == 0;
                Instant burst = NOW.minus(Duration.ofDays(random.nextInt(365)));
                for (int e = 0; e < count && stored + history.size() < events; e++) {
                    Instant at = hounded && e < 6 ? burst.plus(Duration.ofHours(e * 20L))
                            : NOW.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                    boolean outbound = random.nextInt(100) < 75;
                    history.add(new ContactEvent(Ids.newId(), customer.id(), at.truncatedTo(ChronoUnit.SECONDS),
                            outbound || random.nextBoolean() ? Channel.CALL : Channel.EMAIL,
                            outbound ? Direction.OUTBOUND : Direction.INBOUND,
                            LineOfBusiness.values()[random.nextInt(LineOfBusiness.values().length)], null,
                            agents.get(random.nextInt(agents.size())).id(), customer.phones().get(0).number(),
                            OUTCOMES[random.nextInt(OUTCOMES.length)], random.nextInt(600), "", SourceSystem.RINGSIDE,
                            false, null));
                }
            }
            store.load(batch, history, NOW);
            stored += history.size();
        }
        RuleTallyFiller.fill(database, rules, NOW, random);
        RuleTallyFiller.flag(database, NOW);
        return stored;
    }

    private static void row(StringBuilder table, Backend backend, String report, int days, LineOfBusiness line,
                            Supplier<Object> ask) {
        long[] millis = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            ask.get();
            millis[run] = (System.nanoTime() - started) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        table.append(String.format(Locale.ENGLISH, "| %s | %s | %s | %s | %,d | %,d |%n", backend.name().toLowerCase(Locale.ROOT),
                report, days == 0 ? "—" : days + " days", line == null ? "all" : line.name().toLowerCase(Locale.ROOT),
                millis[RUNS / 2], millis[RUNS - 1]));
    }
}
