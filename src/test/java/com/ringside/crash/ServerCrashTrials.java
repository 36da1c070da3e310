package com.ringside.crash;

import static com.ringside.testing.Customers.customer;

import com.ringside.cache.CacheDatabase;
import com.ringside.domain.AttemptCap;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.RuleScope;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.server.Authenticator;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterDatabase;
import com.ringside.server.TestMasters;
import com.ringside.sync.MasterLink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the master server with SIGKILL at a random moment — while a desk pushes its outbox, or while desks ask it
 * for dial permits — starts it again on the same data, and checks that the desks caught up by themselves, that
 * nothing was lost or stored twice on either side, that no granted permit was lost nor the cap exceeded, and that
 * the SQLite files are sound. The master runs as its own process ({@code ringside server}); the desks run here.
 */
public final class ServerCrashTrials implements AutoCloseable {
    public enum Phase { MID_PUSH, MID_PERMIT }

    /**
     * One trial: whether the kill landed while the desks were still working, what the checks found, and the calls of
     * a permit trial.
     */
    public record Trial(Phase phase, boolean killedMidWork, List<String> problems, Calls calls) {
    }

    /**
     * The calls of a permit trial: placed at the desks; with a permit; placed offline because the crash cut off the
     * answer to a permit the master had in fact granted; permitted, answer cut off, then refused by the desk's own
     * check and withdrawn; flagged by the master as over the cap.
     */
    public record Calls(int placed, int permitted, int answersLost, int withdrawn, int flagged) {
        static final Calls NONE = new Calls(0, 0, 0, 0, 0);
    }

    private static final int CUSTOMERS = 500;
    private static final int EVENTS_PER_CUSTOMER = 4;
    private static final int WAITING_CALLS = 1_500;
    private static final int DESKS = 8;
    /** Customers every desk of a permit trial calls, with at most {@link #CAP} calls each in the trial's campaign. */
    private static final int CALLED = 4;
    private static final int CAP = 5;
    private static final Duration RESUME = Duration.ofSeconds(90);
    private static final String PASSWORD = "desk-password";

    private final Path dir;
    private final Random random;
    private final Clock clock = Clock.systemUTC();
    /** The master's file, opened here too: for the checks, and to set it up before the server first starts. */
    private final JdbcMasterStore master;
    private final MasterProcess server;
    private final List<Customer> customers = new ArrayList<>();
    private int permitTrials;

    public ServerCrashTrials(Path dir, long seed) throws Exception {
        this.dir = dir;
        this.random = new Random(seed);
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterProcess(dir);
        try {
            setUp();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Users, the cap rule and the customers stored before the server first starts; then the desks sign in. */
    private void setUp() throws Exception {
        Authenticator users = new Authenticator(master, clock, Duration.ofHours(12));
        users.addUser("pusher", "Pat Pusher", UserRole.AGENT, PASSWORD.toCharArray());
        UUID supervisor = users.addUser("sue", "Sue Supervisor", UserRole.SUPERVISOR, PASSWORD.toCharArray()).id();
        for (int i = 1; i <= DESKS; i++) {
            users.addUser("agent" + i, "Agent " + i, UserRole.AGENT, PASSWORD.toCharArray());
        }
        master.saveRule(capRule(), supervisor, clock.instant());
        customers.addAll(CallHistory.load(master, "Server", CUSTOMERS, EVENTS_PER_CUSTOMER, clock.instant()));
        server.start();
        signIn("pusher", pushingDesk());
        for (int i = 1; i <= DESKS; i++) {
            signIn("agent" + i, dialingDesk(i));
        }
    }

    /** At most {@link #CAP} insurance calls to a customer in a rolling day, counted per campaign; nobody may override. */
    private static ContactRule capRule() {
        return new ContactRule(Ids.newId(), 1, "Five insurance calls a day per campaign", true, Verdict.BLOCK, null,
                new RuleScope(Set.of(LineOfBusiness.INSURANCE), Set.of(), Set.of()),
                new AttemptCap(CAP, ContactWindow.rolling(Duration.ofHours(24)), CountPer.CUSTOMER,
                        CountAcross.SAME_CAMPAIGN, Set.of()), List.of(), null, null, false, null);
    }

    /** Signs the desk in and brings its cache level with the master, as a desk does before its first shift. */
    private void signIn(String username, Path desk) throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(desk)) {
            MasterLink.signIn(cache, server.address(), username, PASSWORD);
        }
        try (LinkedDesk linked = LinkedDesk.open(desk, server.address(), clock)) {
            linked.sync();
        }
    }

    /** A desk with 1,500 calls waiting in its outbox starts pushing them; the server is killed during the push. */
    public Trial midPush() throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(pushingDesk())) {
            UUID pusher = master.userByName("pusher").orElseThrow().user().id();
            WaitingCalls.record(cache, customers, pusher, WAITING_CALLS, random, clock.instant());
        }
        List<String> problems = new ArrayList<>();
        boolean midWork;
        try (LinkedDesk desk = LinkedDesk.open(pushingDesk(), server.address(), clock)) {
            Thread.sleep(random.nextInt(1_200));
            server.kill();
            midWork = desk.waiting() > 0;
            server.start();
            problems.addAll(awaitLevel(List.of(desk)));
            problems.addAll(desk.problems(CrashChecks.masterEvents(master, customers)));
        }
        problems.addAll(masterProblems());
        return new Trial(Phase.MID_PUSH, midWork, problems, Calls.NONE);
    }

    /**
     * Eight desks call the same few customers in a new campaign, each call through the dial service; the server is
     * killed after a random number of permits, while the desks go on calling (from their caches while it is down).
     */
    public Trial midPermit() throws Exception {
        String campaign = "trial-" + ++permitTrials;
        List<Customer> called = new ArrayList<>(customers);
        Collections.shuffle(called, random);
        called = List.copyOf(called.subList(0, CALLED));
        List<LinkedDesk> desks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean midWork;
        Calls calls;
        try {
            for (int i = 1; i <= DESKS; i++) {
                desks.add(LinkedDesk.open(dialingDesk(i), server.address(), clock));
                desks.get(i - 1).sync();
            }
            midWork = crashWhileDialling(desks, called, campaign, problems);
            problems.addAll(awaitLevel(desks));
            Map<String, String> atMaster = CrashChecks.masterEvents(master, customers);
            for (int i = 0; i < desks.size(); i++) {
                int number = i + 1;
                desks.get(i).problems(atMaster).forEach(problem -> problems.add("desk " + number + ": " + problem));
            }
            List<LinkedDesk.Placed> placed = desks.stream().flatMap(desk -> desk.placed().stream()).toList();
            PermitChecks checks = new PermitChecks(master, masterFile(), called, campaign, CAP);
            problems.addAll(checks.problems(placed));
            calls = checks.calls(placed);
        } finally {
            desks.forEach(LinkedDesk::close);
        }
        problems.addAll(masterProblems());
        return new Trial(Phase.MID_PERMIT, midWork, problems, calls);
    }

    /**
     * Every desk dials from its own thread; after a random number of permits the server is killed and started again,
     * and the desks go on for a second before they stop. Returns whether a desk was deciding a call at the kill.
     */
    private boolean crashWhileDialling(List<LinkedDesk> desks, List<Customer> called, String campaign,
                                       List<String> problems) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(desks.size());
        AtomicBoolean stop = new AtomicBoolean();
        try {
            AtomicInteger asking = new AtomicInteger();
            AtomicInteger granted = new AtomicInteger();
            List<Future<?>> dialling = new ArrayList<>();
            for (LinkedDesk desk : desks) {
                Random own = new Random(random.nextLong());
                dialling.add(threads.submit(() -> {
                    desk.dial(called, campaign, own, stop, asking, granted);
                    return null;
                }));
            }
            int killAfter = 1 + random.nextInt(CALLED * CAP - 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (granted.get() < killAfter && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(20));
            boolean midWork = asking.get() > 0;
            server.kill();
            server.start();
            Thread.sleep(1_000);
            stop.set(true);
            for (Future<?> desk : dialling) {
                try {
                    desk.get();
                } catch (ExecutionException e) {
                    problems.add("a desk failed to place a call: " + e.getCause());
                }
            }
            return midWork;
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
    }

    /** Waits, without waking them, until the desks have sent everything and received every change. */
    private List<String> awaitLevel(List<LinkedDesk> desks) throws InterruptedException {
        long deadline = System.nanoTime() + RESUME.toNanos();
        while (System.nanoTime() < deadline) {
            long latest = master.latestSeq();
            if (desks.stream().allMatch(desk -> desk.level(latest))) {
                return List.of();
            }
            Thread.sleep(100);
        }
        return List.of("the desks did not catch up within " + RESUME.toSeconds() + " s of the restart");
    }

    private List<String> masterProblems() {
        String integrity = CrashChecks.integrity(masterFile());
        return integrity.equals("ok") ? List.of() : List.of("master integrity_check: " + integrity);
    }

    private Path masterFile() {
        return dir.resolve("master").resolve(MasterDatabase.FILE_NAME);
    }

    private Path pushingDesk() {
        return dir.resolve("desk-push");
    }

    private Path dialingDesk(int number) {
        return dir.resolve("desk-" + number);
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
