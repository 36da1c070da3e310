package com.ringside.desktop;

import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.cache.CacheDatabase;
import com.ringside.cti.DialException;
import com.ringside.cti.Dialer;
import com.ringside.desktop.customer.NewCustomers;
import com.ringside.desktop.dial.CallRefusedException;
import com.ringside.desktop.dial.DialService;
import com.ringside.desktop.rules.RulesService;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Ids;
import com.ringside.domain.RuleScope;
import com.ringside.domain.Verdict;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.MasterStoreFixtures;
import com.ringside.server.TestMasters;
import com.ringside.server.Violation;
import com.ringside.sync.MasterLink;
import com.ringside.sync.SyncEngine;
import com.ringside.sync.SyncStatus;
import com.ringside.testing.ToggleProxy;
import com.ringside.wire.WireRecords.SessionJson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two desks and one master, over real HTTP on loopback, with one desk losing its connection. */
class TwoDesksTest {
    private static final Duration HISTORY = Duration.ofDays(30);

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private JdbcMasterStore master;
    private MasterServer server;
    private ToggleProxy line;
    private DeskSession first;
    private DeskSession second;
    private Customer ana;
    private int port;

    @BeforeEach
    void start() throws Exception {
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterServer(master, clock, Duration.ofHours(1));
        port = server.start("127.0.0.1", 0);
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        server.authenticator().addUser("kim", "Kim Agent", UserRole.AGENT, "kim-password".toCharArray());
        Instant now = clock.instant();
        ana = master.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build(), now);
        master.saveRule(MasterStoreFixtures.threePerWeek(), null, now);
        master.push(List.of(outboundCall(ana, now.minusSeconds(7_200), LineOfBusiness.FINANCING, Outcome.NO_ANSWER),
                outboundCall(ana, now.minusSeconds(3_600), LineOfBusiness.INSURANCE, Outcome.BUSY)), now);
        line = new ToggleProxy(port);
        first = desk("a", URI.create("http://127.0.0.1:" + port), "sam", "sam-password");
        second = desk("b", URI.create("http://127.0.0.1:" + line.port()), "kim", "kim-password");
        for (DeskSession desk : List.of(first, second)) {
            desk.link().orElseThrow().engine().syncNow();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, line, server, master}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aCallPlacedAtOneDeskReachesTheOtherWithinASecond() {
        assertThat(history(second)).hasSize(2);
        ContactEvent placed = new DialService(first).place(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                null, null);
        assertThat(placed.provisional()).isFalse();
        waitUntil(Duration.ofSeconds(1), () -> history(second).stream().anyMatch(e -> e.id().equals(placed.id())));
        assertThat(new DialService(second).guard(ana.id(), LineOfBusiness.ORDERS, null).get(0).decision().verdict())
                .isEqualTo(Verdict.BLOCK);

        ContactEvent done = new DialService(first).complete(placed, Outcome.CONVERSATION, "Order confirmed", null, null);
        waitUntil(Duration.ofSeconds(2), () -> history(second).contains(done));
        // The other desk can pull the event before this desk has read the master's acknowledgement.
        waitUntil(Duration.ofSeconds(2), () -> first.events().outboxSize() == 0);
    }

    @Test
    void aNewCallerCreatedAtOneDeskIsAtTheMasterAndAtTheOtherDeskAndOfflineTheAgentIsToldNothingWasCreated() {
        Customer nia = new NewCustomers(first).create("Nia", "Park", PhoneNumber.of("+16505550100"));
        assertThat(first.customers().find(nia.id())).as("at once at the desk that made it").isPresent();
        assertThat(master.customer(nia.id())).hasValueSatisfying(stored -> assertThat(stored.displayName()).isEqualTo("Nia Park"));
        waitUntil(Duration.ofSeconds(2), () -> !second.customers().withNumber(PhoneNumber.of("+16505550100")).isEmpty());

        line.offline();
        assertThatThrownBy(() -> new NewCustomers(second).create("Raj", "Patel", PhoneNumber.of("+16505550111")))
                .hasMessageContaining("master cannot be reached");
        assertThat(second.customers().withNumber(PhoneNumber.of("+16505550111"))).isEmpty();
        assertThat(master.customersByPhone(PhoneNumber.of("+16505550111"))).isEmpty();
    }

    @Test
    void whenTheSoftphoneIsNotRunningNoPermitIsTakenAndTheMasterRecordsNothing() throws Exception {
        Dialer softphoneDown = new Dialer() {
            @Override
            public void dial(PhoneNumber number) {
                throw new AssertionError("must not be asked to dial");
            }

            @Override
            public void checkReady() {
                throw new DialException("The softphone is not reachable; nothing was dialled.", null);
            }
        };
        try (DeskSession desk = desk("c", URI.create("http://127.0.0.1:" + port), "sam", "sam-password", softphoneDown)) {
            desk.link().orElseThrow().engine().syncNow();
            long before = master.latestSeq();
            assertThatThrownBy(() -> new DialService(desk).place(ana.id(), ana.phones().get(0).number(),
                    LineOfBusiness.ORDERS, null, null)).isInstanceOf(DialException.class).hasMessageContaining("not reachable");
            assertThat(desk.events().outboxSize()).isZero();
            assertThat(master.latestSeq()).as("no attempt recorded for a call that never left").isEqualTo(before);
        }
    }

    @Test
    void aPermitWhoseAnswerIsLostForACallTheDeskThenRefusesIsWithdrawnEverywhere() throws Exception {
        master.saveRule(new ContactRule(Ids.newId(), 1, "Offline only on a fresh cache", true, Verdict.BLOCK,
                UserRole.SUPERVISOR, RuleScope.EVERY_CALL, null, List.of(), null, null, false, Duration.ofSeconds(1)),
                null, clock.instant());
        second.link().orElseThrow().engine().syncNow();
        line.loseAnswers(true);
        Thread.sleep(1_500);

        // The master grants the third call, but its answer is lost; offline, the desk's stale cache refuses the call.
        assertThatThrownBy(() -> new DialService(second).place(ana.id(), ana.phones().get(0).number(),
                LineOfBusiness.ORDERS, null, null)).isInstanceOf(CallRefusedException.class);
        assertThat(history(second)).hasSize(2);
        assertThat(second.events().outboxSize()).as("the withdrawal waits for the master").isEqualTo(1);

        line.loseAnswers(false);
        waitUntil(Duration.ofSeconds(20), () -> second.events().outboxSize() == 0);
        assertThat(master.events(ana.id())).as("no call the agent never made").hasSize(2);
        assertThat(master.audit("call withdrawn", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("permitted at", "not dialled"));
        waitUntil(Duration.ofSeconds(2), () -> history(first).size() == 2);
        assertThat(new DialService(first).guard(ana.id(), LineOfBusiness.ORDERS, null).get(0).decision().verdict())
                .as("the attempt is Ana's again").isNotEqualTo(Verdict.BLOCK);
    }

    @Test
    void aPermittedCallTheSoftphoneFailsToDialIsWithdrawnAtOnce() throws Exception {
        Dialer failing = number -> {
            throw new DialException("The softphone hung up before dialling.", null);
        };
        try (DeskSession desk = desk("c", URI.create("http://127.0.0.1:" + port), "sam", "sam-password", failing)) {
            desk.link().orElseThrow().engine().syncNow();
            assertThatThrownBy(() -> new DialService(desk).place(ana.id(), ana.phones().get(0).number(),
                    LineOfBusiness.ORDERS, null, null)).isInstanceOf(DialException.class);
            waitUntil(Duration.ofSeconds(5), () -> desk.events().outboxSize() == 0);
            assertThat(master.events(ana.id())).hasSize(2);
            assertThat(master.audit("call withdrawn", 10)).singleElement()
                    .satisfies(entry -> assertThat(entry.detail()).contains("softphone hung up"));
        }
    }

    @Test
    void bothDesksCallWhileOneIsOfflineAndAfterReconnectingBothKeepBothCallsOnceAndAViolationIsRecorded() throws Exception {
        line.offline();
        ContactEvent online = new DialService(first).place(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                null, null);
        ContactEvent offline = new DialService(second).place(ana.id(), ana.phones().get(0).number(),
                LineOfBusiness.INSURANCE, null, null);
        assertThat(online.provisional()).isFalse();
        assertThat(offline.provisional()).isTrue();
        assertThat(second.events().outboxSize()).isEqualTo(1);

        line.online();
        waitUntil(Duration.ofSeconds(20), () -> second.events().outboxSize() == 0);
        first.link().orElseThrow().engine().syncNow();
        second.link().orElseThrow().engine().syncNow();

        List<Violation> violations = master.violations(Instant.EPOCH, 10);
        assertThat(violations).singleElement().extracting(Violation::eventId).isEqualTo(offline.id());
        assertThat(ids(history(first))).containsExactlyElementsOf(ids(history(second)))
                .contains(online.id(), offline.id()).doesNotHaveDuplicates().hasSize(4);
        assertThat(history(first)).containsExactlyElementsOf(history(second));
        assertThat(second.link().orElseThrow().engine().status().violations()).isEqualTo(1);
    }

    @Test
    void aRuleASupervisorSavesReachesEveryDeskAndAnAgentCannotSaveOne() throws Exception {
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "sky-password".toCharArray());
        try (DeskSession supervisor = desk("c", URI.create("http://127.0.0.1:" + port), "sky", "sky-password")) {
            supervisor.link().orElseThrow().engine().syncNow();
            ContactRule rule = MasterStoreFixtures.threePerWeek();
            ContactRule saved = new RulesService(supervisor).save(rule);
            assertThat(saved.version()).isEqualTo(1);
            assertThat(supervisor.rules().current()).extracting(ContactRule::id).contains(rule.id());
            waitUntil(Duration.ofSeconds(2), () -> first.rules().current().stream().anyMatch(r -> r.id().equals(rule.id())));

            assertThatThrownBy(() ->
                    new RulesService(first).save(saved.withEnabled(false)))
                    .hasMessageContaining("SUPERVISOR");
            assertThat(master.rule(rule.id()).orElseThrow().enabled()).isTrue();
        }
    }

    private DeskSession desk(String name, URI server, String username, String password) {
        return desk(name, server, username, password, number -> { });
    }

    private DeskSession desk(String name, URI server, String username, String password, Dialer dialer) {
        CacheDatabase cache = CacheDatabase.open(dir.resolve(name));
        SessionJson session = MasterLink.signIn(cache, server, username, password);
        DeskSession desk = DeskSession.forMaster(cache, clock, new DeskUser(UUID.fromString(session.userId()),
                session.displayName(), UserRole.valueOf(session.role())), dialer);
        desk.attach(MasterLink.start(cache, server, session, clock, new SyncEngine.Listener() {
            @Override
            public void status(SyncStatus status) {
            }

            @Override
            public void customersChanged(Set<UUID> customerIds) {
            }
        }));
        return desk;
    }

    private List<ContactEvent> history(DeskSession desk) {
        return desk.events().history(ana.id(), clock.instant().minus(HISTORY));
    }

    private static List<UUID> ids(List<ContactEvent> events) {
        return events.stream().map(ContactEvent::id).toList();
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
