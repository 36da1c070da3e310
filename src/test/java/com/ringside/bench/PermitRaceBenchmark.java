package com.ringside.bench;

import static com.ringside.testing.Customers.customer;

import com.ringside.domain.AttemptCap;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.RuleScope;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterDatabase;
import com.ringside.server.MasterServer;
import com.ringside.sync.MasterClient;
import com.ringside.testing.ServerProcess;
import com.ringside.wire.WireRecords.PermitJson;
import com.ringside.wire.WireRecords.PermitRequestJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two {@code ringside server} processes on one PostgreSQL and 64 desks racing, for minutes, for dial permits on a
 * handful of customers under a tight rolling cap. Reports permits/s and latency minute by minute, and counts
 * over-grants from what the master stored: any rolling window holding more permitted calls than the cap.
 */
public final class PermitRaceBenchmark {
    private static final ContactPolicy POLICY = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
    private static final int WARM_UP_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(BenchArgs.arg(args, "--minutes", "3"));
        int desks = Integer.parseInt(BenchArgs.arg(args, "--desks", "64"));
        int customerCount = Integer.parseInt(BenchArgs.arg(args, "--customers", "8"));
        int cap = Integer.parseInt(BenchArgs.arg(args, "--cap", "3"));
        Duration window = Duration.ofSeconds(Integer.parseInt(BenchArgs.arg(args, "--window-seconds", "10")));
        Path out = Path.of(BenchArgs.arg(args, "--out", "docs/benchmarks/permit-race.md"));
        Path dir = Files.createTempDirectory("ringside-permit-race");
        Clock clock = Clock.systemUTC();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            List<Customer> handful = customers("Race", 2_000_000, customerCount);
            List<Customer> warmUp = customers("Warm", 3_000_000, 500);
            try (JdbcMasterStore master = store(url, clock);
                 MasterServer users = new MasterServer(master, clock, Duration.ofHours(2))) {
                Instant now = clock.instant();
                master.saveRule(new ContactRule(Ids.newId(), 1, cap + " per " + window.toSeconds() + " s", true,
                        Verdict.BLOCK, null, RuleScope.EVERY_CALL, new AttemptCap(cap, ContactWindow.rolling(window),
                        CountPer.CUSTOMER, CountAcross.ALL, Set.of()), List.of(), null, null, false, null), null, now);
                master.load(handful, List.of(), now);
                master.load(warmUp, List.of(), now);
                users.authenticator().addUser("desk", "Race desk", UserRole.AGENT, "race-password".toCharArray());
            }
            Map<String, String> credentials = Map.of("RINGSIDE_DB_USER", "postgres", "RINGSIDE_DB_PASSWORD", "postgres");
            List<String> serverArgs = List.of("--db", url, "--port", "0");
            try (ServerProcess first = ServerProcess.start(serverArgs, credentials, dir.resolve("server-1.log"));
                 ServerProcess second = ServerProcess.start(serverArgs, credentials, dir.resolve("server-2.log"))) {
                List<URI> servers = List.of(first.address(), second.address());
                Race race = new Race(servers, desks, handful, warmUp, minutes);
                race.run();
                List<String> rows = race.minuteRows();
                try (JdbcMasterStore master = store(url, clock)) {
                    String text = report(race, rows, overGrants(master, handful, window, cap), storedCalls(master, handful),
                            minutes, desks, customerCount, cap, window);
                    Files.createDirectories(out.toAbsolutePath().getParent());
                    Files.writeString(out, text);
                    System.out.print(text);
                }
            }
        }
    }

    /** The desks: each signs in, warms the servers up on customers of its own, then races for the handful. */
    private static final class Race {
        private final List<URI> servers;
        private final int desks;
        private final List<Customer> handful;
        private final List<Customer> warmUp;
        private final int minutes;
        private final Map<Integer, Percentiles[]> latencyByDesk = new ConcurrentHashMap<>();
        private final AtomicLong granted = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Set<String> failures = ConcurrentHashMap.newKeySet();
        private double seconds;

        Race(List<URI> servers, int desks, List<Customer> handful, List<Customer> warmUp, int minutes) {
            this.servers = servers;
            this.desks = desks;
            this.handful = handful;
            this.warmUp = warmUp;
            this.minutes = minutes;
        }

        void run() throws Exception {
            String token = new MasterClient(servers.get(0)).signIn("desk", "race-password").token();
            ExecutorService pool = Executors.newFixedThreadPool(desks);
            long measuredFrom = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
            long until = measuredFrom + Duration.ofMinutes(minutes).toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int d = 0; d < desks; d++) {
                int desk = d;
                running.add(pool.submit(() -> {
                    race(desk, token, measuredFrom, until);
                    return null;
                }));
            }
            for (Future<?> desk : running) {
                desk.get();
            }
            pool.shutdown();
            seconds = (System.nanoTime() - measuredFrom) / 1e9;
        }

        private void race(int desk, String token, long measuredFrom, long until) {
            // Desks alternate between the two servers; a session opened at one is honoured by the other.
            MasterClient client = new MasterClient(servers.get(desk % servers.size()));
            client.useToken(token);
            Percentiles[] latency = new Percentiles[minutes];
            for (int m = 0; m < minutes; m++) {
                latency[m] = new Percentiles(40_000);
            }
            latencyByDesk.put(desk, latency);
            Random order = new Random(desk);
            for (int i = desk; System.nanoTime() < measuredFrom; i++) {
                ask(client, warmUp.get(i % warmUp.size()));
            }
            for (long asked = System.nanoTime(); asked < until; asked = System.nanoTime()) {
                Boolean permitted = ask(client, handful.get(order.nextInt(handful.size())));
                long answered = System.nanoTime();
                int minute = (int) Math.min(minutes - 1, (asked - measuredFrom) / 60_000_000_000L);
                latency[minute].add(answered - asked);
                if (permitted == null) {
                    failed.incrementAndGet();
                } else if (permitted) {
                    granted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            }
        }

        private Boolean ask(MasterClient client, Customer customer) {
            try {
                PermitJson permit = client.permit(new PermitRequestJson(Ids.newId().toString(), customer.id().toString(),
                        customer.phones().get(0).number().e164(), "ORDERS", null, null));
                return permit.granted();
            } catch (RuntimeException e) {
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                return null;
            }
        }

        List<String> minuteRows() {
            List<String> rows = new ArrayList<>();
            for (int m = 0; m < minutes; m++) {
                Percentiles minute = new Percentiles(desks * 40_000);
                for (Percentiles[] desk : latencyByDesk.values()) {
                    minute.addAll(desk[m]);
                }
                rows.add(String.format(Locale.ROOT, "| %d | %,d | %,.0f | %.1f | %.1f |", m + 1, minute.size(),
                        minute.size() / 60.0, minute.p50(), minute.p99()));
            }
            return rows;
        }

        Percentiles all() {
            Percentiles all = new Percentiles(desks * minutes * 40_000);
            latencyByDesk.values().forEach(desk -> {
                for (Percentiles minute : desk) {
                    all.addAll(minute);
                }
            });
            return all;
        }
    }

    /** Permitted calls that found {@code cap} others already in their rolling window — each one an over-grant. */
    private static long overGrants(JdbcMasterStore master, List<Customer> handful, Duration window, int cap) {
        long over = 0;
        for (Customer customer : handful) {
            List<Instant> placed = master.events(customer.id()).stream().map(ContactEvent::occurredAt).sorted().toList();
            for (int i = 0, first = 0; i < placed.size(); i++) {
                while (!placed.get(first).isAfter(placed.get(i).minus(window))) {
                    first++;
                }
                over += (i - first + 1) > cap ? 1 : 0;
            }
        }
        return over;
    }

    private static long storedCalls(JdbcMasterStore master, List<Customer> handful) {
        return handful.stream().mapToLong(c -> master.events(c.id()).size()).sum();
    }

    private static String report(Race race, List<String> minuteRows, long overGrants, long stored, int minutes,
                                 int desks, int customers, int cap, Duration window) {
        Percentiles all = race.all();
        long total = race.granted.get() + race.refused.get() + race.failed.get();
        return String.format(Locale.ROOT, """
                # Permit race: two servers, one PostgreSQL

                %d desks, half on each of two `ringside server` processes sharing one PostgreSQL, ask for dial permits \
                as fast as they are answered, for %s, on %d customers under one rule: at most %d calls per \
                customer in any rolling %d s. The servers were warmed up for %d s on other customers first. Everything \
                runs on one machine (the servers, PostgreSQL and the desks share its cores).

                | figure | value |
                |---|---:|
                | permits asked | %,d |
                | permits/s | **%,.0f** |
                | p50 / p99 / max latency | %.1f / **%.1f** / %.1f ms |
                | granted (answered to the desks) | %,d |
                | permitted calls stored at the master | %,d |
                | refused by the rule | %,d |
                | failed requests | %,d |
                | over-grants (a rolling %d s window holding more than %d calls) | **%d** |

                Minute by minute:

                | minute | permits | permits/s | p50 ms | p99 ms |
                |---:|---:|---:|---:|---:|
                %s
                %s""", desks, minutes == 1 ? "1 minute" : minutes + " minutes", customers, cap, window.toSeconds(), WARM_UP_SECONDS, total,
                total / race.seconds, all.p50(), all.p99(), all.max(), race.granted.get(), stored, race.refused.get(),
                race.failed.get(), window.toSeconds(), cap, overGrants, String.join("\n", minuteRows),
                race.failures.isEmpty() ? "" : "\nFailures:\n- " + String.join("\n- ", race.failures) + "\n");
    }

    private static List<Customer> customers(String family, int firstNumber, int count) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(customer("Permit", family + i).phone("+1628" + (firstNumber + i)).zone("UTC").build());
        }
        return customers;
    }

    private static JdbcMasterStore store(String url, Clock clock) {
        return new JdbcMasterStore(MasterDatabase.postgres(url, "postgres", "postgres"), POLICY, clock);
    }
}
