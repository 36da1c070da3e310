package com.ringside.bench;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.SyncStore;
import com.ringside.demo.DemoCompany;
import com.ringside.domain.AttemptCap;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.RuleScope;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.CacheSnapshots;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterDatabase;
import com.ringside.server.MasterServer;
import com.ringside.server.MasterStore;
import com.ringside.sync.MasterClient;
import com.ringside.sync.SyncEngine;
import com.ringside.testing.QuietSync;
import com.ringside.wire.WireRecords.PermitJson;
import com.ringside.wire.WireRecords.PermitRequestJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sync and permits over real HTTP on loopback: first sync of a large master into an empty cache, one incremental
 * page of 10,000 changes, desk-to-desk propagation, and dial permits on PostgreSQL with 64 desks at once.
 */
public final class SyncBenchmark {
    private static final ContactPolicy POLICY = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
    private static final int PERMIT_CAP = 100;
    /** Long enough for the JIT to settle on two cores; before that the compiler takes most of the CPU. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 15);
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(BenchArgs.arg(args, "--customers", "1000000"));
        int events = Integer.parseInt(BenchArgs.arg(args, "--events-per-customer", "5"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "docs/benchmarks/sync.md"));
        String part = BenchArgs.arg(args, "--part", "all");
        Path dir = BenchFiles.scratch("ringside-sync-bench");
        // A master kept between runs (seeding a million customers takes minutes) when one is named; it is seeded only
        // when empty, with the counts given then, and each run adds its own test calls to it.
        Path masterDir = Path.of(BenchArgs.arg(args, "--master-dir", dir.resolve("master").toString()));
        List<String> rows = new ArrayList<>();
        Clock clock = Clock.systemUTC();

        if (!part.equals("permits")) {
            rows.addAll(sync(customers, events, dir, masterDir, clock));
        }
        if (!part.equals("sync")) {
            int desks = Integer.parseInt(BenchArgs.arg(args, "--desks", "64"));
            rows.addAll(permits(clock, 1_000, desks));
            rows.addAll(permits(clock, 8, desks));
        }

        StringBuilder table = new StringBuilder("# Sync and permit benchmark\n\n")
                .append("`./mvnw -Pbench verify` (SyncBenchmark). ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(Runtime.version()).append(", ").append(Instant.now()).append(".\n")
                .append("Server and desks run in one JVM and talk HTTP over loopback; caches and the SQLite master are ")
                .append("files on disk; PostgreSQL is a real server process.\n\n")
                .append("| What | Work | Result | Target |\n|---|---|---|---|\n");
        rows.forEach(row -> table.append(row).append('\n'));
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println(table);
    }

    /**
     * The demo company straight into the master, without the import the demo master goes through: the sync being
     * measured starts from a full master, and a million customers through the matcher would take minutes to set up.
     */
    private static void bulkLoad(MasterStore master, DemoCompany company, int count, Clock clock) {
        for (int from = 0; from < count; from += 2_000) {
            List<Customer> batch = new ArrayList<>();
            List<ContactEvent> history = new ArrayList<>();
            for (int index = from; index < Math.min(count, from + 2_000); index++) {
                DemoCompany.Household household = company.customer(index);
                batch.add(household.customer());
                history.addAll(household.events());
            }
            master.load(batch, history, clock.instant());
            if ((from + 2_000) % 200_000 == 0) {
                System.out.println("  master seeded with " + (from + 2_000) + " customers");
            }
        }
    }

    private static List<String> sync(int customers, int events, Path dir, Path masterDir, Clock clock) throws Exception {
        List<String> rows = new ArrayList<>();
        try (MasterStore master = new JdbcMasterStore(MasterDatabase.sqlite(masterDir), POLICY, clock);
             MasterServer server = new MasterServer(master, clock, Duration.ofHours(2));
             CacheSnapshots snapshots = new CacheSnapshots(master, dir.resolve("snapshots"),
                     CacheSnapshots.DEFAULT_MIN_CHANGES, clock)) {
            long seeding = System.nanoTime();
            String password = "agent-password";
            if (master.latestSeq() == 0) {
                server.authenticator().addUser("agent", "Bench Agent", UserRole.AGENT, password.toCharArray());
                server.authenticator().addUser("supervisor", "Bench Supervisor", UserRole.SUPERVISOR, password.toCharArray());
                bulkLoad(master, new DemoCompany(7, LocalDate.now(clock), events), customers, clock);
            }
            Map<String, String> users = Map.of("agent", password, "supervisor", password);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            long changes = master.latestSeq();
            URI address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));

            MasterClient client = new MasterClient(address);
            client.signIn("agent", users.get("agent"));
            rows.add(buildSnapshot(snapshots));
            server.serveSnapshots(snapshots);
            try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk-a"));
                 SyncEngine engine = new SyncEngine(client, new SyncStore(cache), clock, QuietSync.LISTENER)) {
                rows.add(firstSync("First sync from the master's snapshot", engine, customers, changes));
                server.serveSnapshots(null);
                try (CacheDatabase pages = CacheDatabase.open(dir.resolve("desk-pages"));
                     SyncEngine pageByPage = new SyncEngine(client, new SyncStore(pages), clock, QuietSync.LISTENER)) {
                    rows.add(firstSync("First sync page by page (a master with no snapshot yet)", pageByPage, customers,
                            changes));
                }

                List<ContactEvent> burst = new ArrayList<>();
                Customer target = new DemoCompany(7, LocalDate.now(clock), events).customer(0).customer();
                for (int i = 0; i < 10_000; i++) {
                    burst.add(new ContactEvent(Ids.newId(), target.id(), clock.instant().minusSeconds(i), Channel.EMAIL,
                            Direction.OUTBOUND, LineOfBusiness.MARKETING, "newsletter", null, null, null, 0, "",
                            SourceSystem.of("CAMPAIGNS"), false, null));
                }
                master.load(List.of(), burst, clock.instant());
                long started = System.nanoTime();
                engine.syncNow();
                double page = (System.nanoTime() - started) / 1e6;
                rows.add(String.format(Locale.ROOT, "| Incremental page of 10,000 changes (pull + apply + cursor) | 1 page | **%.0f ms** | ≤ 1 s |", page));

                server.serveSnapshots(snapshots);
                try (CacheDatabase other = CacheDatabase.open(dir.resolve("desk-b"))) {
                    MasterClient second = new MasterClient(address);
                    second.signIn("supervisor", users.get("supervisor"));
                    SyncStore otherStore = new SyncStore(other);
                    try (SyncEngine otherEngine = new SyncEngine(second, otherStore, clock, QuietSync.LISTENER)) {
                        otherEngine.syncNow();
                        otherEngine.start();
                        engine.start();
                        Thread.sleep(500);
                        ContactEventStore local = new ContactEventStore(cache);
                        ContactEventStore remote = new ContactEventStore(other);
                        Percentiles propagation = new Percentiles(200);
                        for (int i = 0; i < 200; i++) {
                            ContactEvent call = new ContactEvent(Ids.newId(), target.id(), clock.instant(), Channel.CALL,
                                    Direction.OUTBOUND, LineOfBusiness.ORDERS, null, null, target.phones().get(0).number(),
                                    Outcome.NO_ANSWER, 0, "", SourceSystem.RINGSIDE, false, null);
                            long sent = System.nanoTime();
                            local.record(call, clock.instant());
                            engine.wake();
                            while (remote.history(target.id(), call.occurredAt().minusSeconds(1)).stream()
                                    .noneMatch(e -> e.id().equals(call.id()))) {
                                Thread.sleep(2);
                            }
                            propagation.add(System.nanoTime() - sent);
                        }
                        rows.add(propagation.row("Desk-to-desk propagation: recorded at desk A → in desk B's cache", "p99 ≤ 1,000 ms")
                                .replaceFirst("\\| (\\d+) \\|", "| $1 calls |"));
                    }
                }
            }
            rows.add(String.format(Locale.ROOT, "| (Seeding the master with the demo company, not a target) | %,d changes | %.0f s | – |", changes, seedSeconds));
        }
        return rows;
    }

    private static String buildSnapshot(CacheSnapshots snapshots) {
        long started = System.nanoTime();
        long cpuBefore = PROCESS.getProcessCpuTime();
        CacheSnapshots.Snapshot snapshot = snapshots.build();
        return String.format(Locale.ROOT, "| Cache snapshot built by the master from its feed (once for every desk, not a target) | %,d changes, %,d MB | %.1f s (%.1f s of the JVM's CPU) | – |",
                snapshot.cursor(), snapshot.bytes() >> 20, (System.nanoTime() - started) / 1e9,
                (PROCESS.getProcessCpuTime() - cpuBefore) / 1e9);
    }

    private static String firstSync(String what, SyncEngine engine, int customers, long changes) throws Exception {
        long started = System.nanoTime();
        long cpuBefore = PROCESS.getProcessCpuTime();
        ThreadCpu threads = new ThreadCpu();
        engine.syncNow();
        System.out.println(what + ", CPU by thread: " + threads.since());
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e9;
        return String.format(Locale.ROOT, "| %s, %,d customers + %,d other changes (SQLite master) | %,d changes in %.1f s (%.1f s of the JVM's CPU) | **%,.0f changes/s** | ≥ 150,000 rows/s |",
                what, customers, changes - customers, changes, seconds, cpuSeconds, changes / seconds);
    }

    private static List<String> permits(Clock clock, int customerCount, int desks) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             MasterStore master = new JdbcMasterStore(MasterDatabase.postgres(postgres.getJdbcUrl("postgres", "postgres"),
                     "postgres", "postgres"), POLICY, clock);
             MasterServer server = new MasterServer(master, clock, Duration.ofHours(2))) {
            Instant now = clock.instant();
            master.saveRule(new ContactRule(Ids.newId(), 1, PERMIT_CAP + " per day", true, Verdict.BLOCK, null,
                    RuleScope.EVERY_CALL, new AttemptCap(PERMIT_CAP, ContactWindow.rolling(Duration.ofDays(1)),
                    CountPer.CUSTOMER, CountAcross.ALL, Set.of()), List.of(), null, null, false, null), null, now);
            List<Customer> handful = new ArrayList<>();
            DemoCompany company = new DemoCompany(11, LocalDate.now(clock), 0);
            for (int i = 0; i < customerCount; i++) {
                handful.add(company.customer(i).customer());
            }
            List<Customer> warmUpCustomers = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                warmUpCustomers.add(company.customer(customerCount + i).customer());
            }
            master.load(handful, List.of(), now);
            master.load(warmUpCustomers, List.of(), now);
            server.authenticator().addUser("desk", "Bench desk", UserRole.AGENT, "bench-password".toCharArray());
            URI address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
            String token = new MasterClient(address).signIn("desk", "bench-password").token();

            long runFor = Duration.ofSeconds(10).toNanos();
            AtomicInteger refused = new AtomicInteger();
            Map<UUID, AtomicInteger> granted = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(desks);
            List<Future<Percentiles>> results = new ArrayList<>();
            long warmUp = Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
            long began = System.nanoTime();
            long started = began + warmUp;
            CountDownLatch warm = new CountDownLatch(desks);
            AtomicLong cpuAtStart = new AtomicLong();
            PostgresCpu postgresCpu = PostgresCpu.of(postgres);
            AtomicLong postgresCpuAtStart = new AtomicLong();
            AtomicReference<LockWaits> lockWaits = new AtomicReference<>();
            for (int d = 0; d < desks; d++) {
                int desk = d;
                results.add(pool.submit(() -> {
                    MasterClient client = new MasterClient(address);
                    client.useToken(token);
                    Percentiles latency = new Percentiles(200_000);
                    int i = desk;
                    // Warm-up calls go to customers of their own, so they never use up the measured customers' cap.
                    while (System.nanoTime() < started) {
                        Customer customer = warmUpCustomers.get(i++ % warmUpCustomers.size());
                        client.permit(new PermitRequestJson(Ids.newId().toString(), customer.id().toString(),
                                customer.phones().get(0).number().e164(), "ORDERS", null, null));
                    }
                    warm.countDown();
                    warm.await();
                    if (cpuAtStart.compareAndSet(0, PROCESS.getProcessCpuTime())) {
                        postgresCpuAtStart.set(postgresCpu.nanos());
                        lockWaits.set(new LockWaits(postgres));
                    }
                    long measuredFrom = System.nanoTime();
                    // Each desk calls customers in its own random order, as desks working different lists do.
                    Random order = new Random(desk);
                    while (System.nanoTime() - measuredFrom < runFor) {
                        Customer customer = handful.get(order.nextInt(handful.size()));
                        long asked = System.nanoTime();
                        PermitJson permit = client.permit(new PermitRequestJson(Ids.newId().toString(),
                                customer.id().toString(), customer.phones().get(0).number().e164(), "ORDERS", null, null));
                        latency.add(System.nanoTime() - asked);
                        if (permit.granted()) {
                            granted.computeIfAbsent(customer.id(), id -> new AtomicInteger()).incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    return latency;
                }));
            }
            Percentiles all = new Percentiles(5_000_000);
            for (Future<Percentiles> result : results) {
                all.addAll(result.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuPerPermit = (PROCESS.getProcessCpuTime() - cpuAtStart.get()) / 1e6;
            double postgresCpuPerPermit = (postgresCpu.nanos() - postgresCpuAtStart.get()) / 1e6;
            pool.shutdown();
            lockWaits.get().close();
            int total = granted.values().stream().mapToInt(AtomicInteger::get).sum() + refused.get();
            cpuPerPermit /= total;
            postgresCpuPerPermit /= total;
            int overGranted = granted.values().stream().mapToInt(count -> Math.max(0, count.get() - PERMIT_CAP)).sum();
            return List.of(
                    String.format(Locale.ROOT, "| Dial permits on PostgreSQL, %d desks at once on %d customers (cap %d/day each), %.0f s | %,d permits (%,d granted) | **%,.0f permits/s**, p50 %.1f ms, p99 %.1f ms; %.2f ms of the JVM's CPU each (server and desks) and %.2f ms of PostgreSQL's | ≥ 2,000 permits/s |",
                            desks, handful.size(), PERMIT_CAP, seconds, total, total - refused.get(), total / seconds,
                            all.p50(), all.p99(), cpuPerPermit, postgresCpuPerPermit),
                    String.format(Locale.ROOT, "| Over-grants (granted beyond the cap of %d, any of the %d customers) | most granted to one customer: %d | **%d** | 0 |",
                            PERMIT_CAP, handful.size(), granted.values().stream().mapToInt(AtomicInteger::get).max().orElse(0),
                            overGranted),
                    String.format(Locale.ROOT, "| Waiting for locks in PostgreSQL (pg_stat_activity sampled every 5 ms), by statement | %,d permits | %s per permit | – |",
                            total, lockWaits.get().perPermit(total)));
        }
    }

}
