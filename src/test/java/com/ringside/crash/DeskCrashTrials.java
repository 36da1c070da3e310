package com.ringside.crash;

import static com.ringside.testing.Customers.outboundCall;

import com.ringside.cache.CacheDatabase;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.sync.MasterLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Kills a desk's sync with SIGKILL at a random moment — during its first sync, an incremental sync or the push of
 * its outbox — lets it run again, and checks that nothing was lost or stored twice on either side and that the
 * cache file is sound. The desk runs as its own process ({@code ringside sync}), the master on loopback.
 */
public final class DeskCrashTrials implements AutoCloseable {
    public enum Phase { FIRST_SYNC, INCREMENTAL_SYNC, OUTBOX_PUSH }

    /** One trial: whether the kill landed while the desk was still working, and what the checks found. */
    public record Trial(Phase phase, boolean killedMidWork, List<String> problems) {
    }

    private static final int CUSTOMERS = 2_000;
    private static final int EVENTS_PER_CUSTOMER = 20;
    private final Path dir;
    private final Random random;
    private final JdbcMasterStore master;
    private final MasterServer server;
    private final String address;
    private final List<Customer> customers = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private int desks;

    public DeskCrashTrials(Path dir, long seed) {
        this.dir = dir;
        this.random = new Random(seed);
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterServer(master, clock, Duration.ofHours(8));
        address = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        customers.addAll(CallHistory.load(master, "Test", CUSTOMERS, EVENTS_PER_CUSTOMER, clock.instant()));
    }

    /** A fresh desk ({@link #newDesk()}), killed during its first sync. */
    public Trial firstSync(Path desk) throws Exception {
        return crashAndCheck(Phase.FIRST_SYNC, desk);
    }

    /** A synced desk, killed while it pulls a few thousand new changes. */
    public Trial incrementalSync(Path desk) throws Exception {
        List<ContactEvent> more = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Customer c = customers.get(random.nextInt(CUSTOMERS));
            more.add(outboundCall(c, clock.instant().minusSeconds(random.nextInt(86_400)), LineOfBusiness.INSURANCE,
                    Outcome.VOICEMAIL));
        }
        master.load(List.of(), more, clock.instant());
        return crashAndCheck(Phase.INCREMENTAL_SYNC, desk);
    }

    /** A synced desk with 1,500 calls waiting in its outbox, killed while it pushes them. */
    public Trial outboxPush(Path desk) throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(desk)) {
            WaitingCalls.record(cache, customers, master.userByName("sam").orElseThrow().user().id(), 1_500, random,
                    clock.instant());
        }
        return crashAndCheck(Phase.OUTBOX_PUSH, desk);
    }

    public Path newDesk() throws IOException {
        Path desk = dir.resolve("desk-" + ++desks);
        try (CacheDatabase cache = CacheDatabase.open(desk)) {
            MasterLink.signIn(cache, java.net.URI.create(address), "sam", "sam-password");
        }
        return desk;
    }

    private Trial crashAndCheck(Phase phase, Path desk) throws Exception {
        Process sync = sync(desk);
        long wait = 300 + random.nextInt(2_500);
        boolean finished = sync.waitFor(wait, TimeUnit.MILLISECONDS);
        if (!finished) {
            sync.destroyForcibly().waitFor();
        }
        Process again = sync(desk);
        List<String> problems = new ArrayList<>();
        if (!again.waitFor(120, TimeUnit.SECONDS)) {
            again.destroyForcibly();
            problems.add("the desk did not finish its sync after the crash");
        } else if (again.exitValue() != 0) {
            problems.add("the sync after the crash failed: " + new String(again.getErrorStream().readAllBytes()).strip());
        }
        problems.addAll(check(desk));
        return new Trial(phase, !finished, problems);
    }

    private Process sync(Path desk) throws IOException {
        Path log = Files.createTempFile(dir, "sync", ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "com.ringside.app.Main", "sync", "--server", address,
                "--data-dir", desk.toString())
                .redirectOutput(log.toFile()).start();
    }

    /** Problems found: the cache unsound, calls left unsent, or any event missing, extra or different at either end. */
    private List<String> check(Path desk) {
        try (CacheDatabase cache = CacheDatabase.open(desk)) {
            return CrashChecks.deskProblems(cache, CrashChecks.masterEvents(master, customers));
        }
    }

    public long masterEvents() {
        return customers.stream().mapToLong(c -> master.events(c.id()).size()).sum();
    }

    @Override
    public void close() {
        server.close();
        master.close();
    }
}
