package com.ringside.bench;

import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;

import com.ringside.cache.CacheDatabase;
import com.ringside.desktop.DeskSession;
import com.ringside.desktop.DeskUser;
import com.ringside.desktop.dial.CallRefusedException;
import com.ringside.desktop.dial.DialService;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.policy.Presets;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.sync.MasterLink;
import com.ringside.testing.QuietSync;
import com.ringside.testing.ServerProcess;
import com.ringside.wire.WireRecords.SessionJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A working day, accelerated: 200 desks — each a real cache file with its own sync engine and server-sent stream —
 * place and wrap up calls through the desk's dial service against one {@code ringside server} process. Every
 * half-hour of the simulated day it samples the server's memory (live heap after a collection, and resident size),
 * permit latency and the calls waiting in outboxes; at the end it checks that every call is at the master once and
 * that every desk holds what the master holds.
 */
public final class SoakBenchmark {
    private static final int HISTORY_PER_CUSTOMER = 1;
    private static final int SAMPLES = 16;

    public static void main(String[] args) throws Exception {
        int deskCount = Integer.parseInt(BenchArgs.arg(args, "--desks", "200"));
        int customerCount = Integer.parseInt(BenchArgs.arg(args, "--customers", "6000"));
        int dayMinutes = Integer.parseInt(BenchArgs.arg(args, "--day-minutes", "10"));
        int callsPerAgent = Integer.parseInt(BenchArgs.arg(args, "--calls-per-agent", "80"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "docs/benchmarks/soak.md"));
        Path dir = Files.createTempDirectory("ringside-soak");
        Clock clock = Clock.systemUTC();

        List<Customer> customers = seed(dir.resolve("master-data"), customerCount, deskCount, clock);
        try (ServerProcess server = ServerProcess.start(List.of("--data-dir", dir.resolve("master-data").toString(),
                "--port", "0"), java.util.Map.of(), dir.resolve("server.log"))) {
            List<Desk> desks = new ArrayList<>();
            long signingIn = System.nanoTime();
            for (int d = 0; d < deskCount; d++) {
                desks.add(Desk.open(dir.resolve("desk-" + d), server.address(), "agent" + d, clock));
            }
            long expected = (long) customerCount * HISTORY_PER_CUSTOMER;
            awaitAll(desks, expected, Duration.ofMinutes(10));
            double firstSyncSeconds = (System.nanoTime() - signingIn) / 1e9;

            Workload day = new Workload(desks, customers, dayMinutes, callsPerAgent);
            List<String> rows = day.run(server);
            long placed = day.placed.get();
            boolean settled = awaitAll(desks, expected + placed, Duration.ofMinutes(3));
            long atMaster;
            try (JdbcMasterStore master = TestMasters.store(TestMasters.Backend.SQLITE,
                    dir.resolve("master-data").resolve("master"))) {
                atMaster = customers.stream().mapToLong(c -> master.events(c.id()).size()).sum();
            }
            long desksBehind = desks.stream().filter(desk -> desk.events() != expected + placed || desk.waiting() > 0).count();
            String text = report(deskCount, customerCount, dayMinutes, callsPerAgent, firstSyncSeconds, rows, day,
                    expected + placed, atMaster, settled ? desksBehind : deskCount);
            for (Desk desk : desks) {
                desk.close();
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, text);
            System.out.print(text);
        }
    }

    private static List<Customer> seed(Path dataDir, int customerCount, int deskCount, Clock clock) {
        List<Customer> customers = new ArrayList<>();
        List<ContactEvent> history = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < customerCount; i++) {
            Customer c = customer("Soak", "Customer" + i).phone("+1628" + (2_000_000 + i)).zone("UTC").build();
            customers.add(c);
            for (int e = 0; e < HISTORY_PER_CUSTOMER; e++) {
                history.add(outboundCall(c, now.minus(Duration.ofHours(20 + 30L * e)), LineOfBusiness.COLLECTIONS,
                        Outcome.NO_ANSWER));
            }
        }
        try (JdbcMasterStore master = TestMasters.store(TestMasters.Backend.SQLITE, dataDir.resolve("master"), clock);
             MasterServer accounts = new MasterServer(master, clock, Duration.ofHours(12))) {
            master.saveRule(Presets.regF(Ids.newId()), null, now);
            master.load(customers, history, now);
            for (int d = 0; d < deskCount; d++) {
                accounts.authenticator().addUser("agent" + d, "Agent " + d, UserRole.AGENT, ("password-" + d).toCharArray());
            }
        }
        return customers;
    }

    private static boolean awaitAll(List<Desk> desks, long events, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (desks.stream().allMatch(desk -> desk.waiting() == 0 && desk.events() == events)) {
                return true;
            }
            desks.forEach(Desk::wake);
            Thread.sleep(2_000);
        }
        return false;
    }

    /** The agents' day: each desk calls a random customer at random moments, then wraps the call up. */
    private static final class Workload {
        private final List<Desk> desks;
        private final List<Customer> customers;
        private final long dayNanos;
        private final double meanGapNanos;
        final AtomicLong placed = new AtomicLong();
        final AtomicLong blocked = new AtomicLong();
        final AtomicLong provisional = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        private Percentiles latency = new Percentiles(1_000_000);
        private final Percentiles wholeDay = new Percentiles(2_000_000);

        Workload(List<Desk> desks, List<Customer> customers, int dayMinutes, int callsPerAgent) {
            this.desks = desks;
            this.customers = customers;
            this.dayNanos = Duration.ofMinutes(dayMinutes).toNanos();
            this.meanGapNanos = (double) dayNanos / callsPerAgent;
        }

        List<String> run(ServerProcess server) throws Exception {
            ScheduledExecutorService agents = Executors.newScheduledThreadPool(16);
            long start = System.nanoTime();
            for (Desk desk : desks) {
                schedule(agents, desk, start);
            }
            List<String> rows = new ArrayList<>();
            long sampleNanos = dayNanos / SAMPLES;
            long placedBefore = 0;
            long askedBefore = 0;
            for (int s = 1; s <= SAMPLES; s++) {
                Thread.sleep(Math.max(0, (start + s * sampleNanos - System.nanoTime()) / 1_000_000));
                Percentiles window = takeWindow();
                long placedNow = placed.get();
                long askedNow = placedNow + blocked.get();
                long waiting = desks.stream().mapToLong(Desk::waiting).sum();
                ServerMemory memory = ServerMemory.of(server.pid());
                rows.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %.0f | %.0f | %.0f | %,d |",
                        simulatedTime(s), askedNow - askedBefore, placedNow - placedBefore, window.size() == 0 ? 0 : window.p50(),
                        window.size() == 0 ? 0 : window.p99(), memory.liveHeapMb(), memory.residentMb(), waiting));
                placedBefore = placedNow;
                askedBefore = askedNow;
            }
            agents.shutdownNow();
            agents.awaitTermination(30, TimeUnit.SECONDS);
            return rows;
        }

        private void schedule(ScheduledExecutorService agents, Desk desk, long start) {
            long gap = (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanGapNanos);
            if (System.nanoTime() + gap - start >= dayNanos) {
                return;
            }
            agents.schedule(() -> {
                call(desk);
                schedule(agents, desk, start);
            }, gap, TimeUnit.NANOSECONDS);
        }

        private void call(Desk desk) {
            Customer customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
            long asked = System.nanoTime();
            try {
                ContactEvent call = desk.dial.place(customer.id(), customer.phones().get(0).number(),
                        LineOfBusiness.COLLECTIONS, null, null);
                took(System.nanoTime() - asked);
                placed.incrementAndGet();
                provisional.addAndGet(call.provisional() ? 1 : 0);
                desk.dial.complete(call, ThreadLocalRandom.current().nextInt(5) == 0 ? Outcome.CONVERSATION
                        : Outcome.NO_ANSWER, "", null, 40);
            } catch (CallRefusedException e) {
                took(System.nanoTime() - asked);
                blocked.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }

        private synchronized void took(long nanos) {
            latency.add(nanos);
            wholeDay.add(nanos);
        }

        private synchronized Percentiles takeWindow() {
            Percentiles window = latency;
            latency = new Percentiles(1_000_000);
            return window;
        }

        private static String simulatedTime(int sample) {
            int minutes = 9 * 60 + sample * 8 * 60 / SAMPLES;
            return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
        }
    }

    /** One agent's desk as the application builds it: a cache file, a session and a running sync engine. */
    private record Desk(DeskSession session, DialService dial) implements AutoCloseable {
        static Desk open(Path dir, URI server, String agent, Clock clock) {
            CacheDatabase cache = CacheDatabase.open(dir);
            SessionJson signedIn = MasterLink.signIn(cache, server, agent, "password-" + agent.substring(5));
            DeskSession session = DeskSession.forMaster(cache, clock, new DeskUser(UUID.fromString(signedIn.userId()),
                    signedIn.displayName(), UserRole.valueOf(signedIn.role())), number -> { });
            session.attach(MasterLink.start(cache, server, signedIn, clock, QuietSync.LISTENER));
            return new Desk(session, new DialService(session));
        }

        long waiting() {
            return session.events().outboxSize();
        }

        long events() {
            return session.database().read(connection -> {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM contact_event")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        }

        void wake() {
            session.link().ifPresent(link -> link.engine().wake());
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static String report(int desks, int customers, int dayMinutes, int callsPerAgent, double firstSync,
                                 List<String> rows, Workload day, long expected, long atMaster, long desksBehind) {
        return String.format(Locale.ROOT, """
                # Soak: %d desks, one working day in %d minutes

                %d desks — each a cache file with its own sync engine and server-sent stream, placing calls through \
                the desk's dial service — against one `ringside server` process on its embedded store, %,d customers \
                with Reg F 7-in-7 on collections. Each agent places about %d calls in the day (8 hours played in %d \
                minutes, so %.0f× the pace of a real floor) and wraps each one up. All on one machine.

                | half-hour ending (simulated) | permits asked | calls placed | permit p50 ms | permit p99 ms | server live heap MB | server resident MB | calls waiting in outboxes |
                |---|---:|---:|---:|---:|---:|---:|---:|
                %s

                | figure | value |
                |---|---:|
                | first sync of all desks (sign-in to every desk level with the master) | %.0f s |
                | calls placed / blocked by the rule / decided offline / failed | %,d / %,d / %,d / %,d |
                | permit latency over the day, p50 / p99 | %.1f / %.1f ms |
                | events the master should hold / holds | %,d / %,d |
                | desks not level with the master 3 minutes after the day | %d |
                """, desks, dayMinutes, desks, customers, callsPerAgent, dayMinutes, 480.0 / dayMinutes,
                String.join("\n", rows), firstSync, day.placed.get(), day.blocked.get(), day.provisional.get(),
                day.failed.get(), day.wholeDay.p50(), day.wholeDay.p99(), expected, atMaster, desksBehind);
    }
}
