package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ringside.domain.AttemptCap;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.RuleScope;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.TestMasters.Backend;
import com.ringside.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The master's guarantees, proven on both back ends against real databases. */
class MasterStoreTest {
    private static final ContactPolicy POLICY = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final User SAM = new User(Ids.newId(), "sam", "Sam", UserRole.AGENT);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theFeedNeverSkipsAChangeThatCommitsAfterALaterOne(Backend backend) throws Exception {
        assumeTrue(backend == Backend.POSTGRESQL, "SQLite serialises writers, so a later seq cannot commit first");
        MasterDatabase database = TestMasters.open(backend, dir);
        try (JdbcMasterStore store = new JdbcMasterStore(database, POLICY, CLOCK)) {
            Customer early = customer("Early", "Writer").phone("+14155550101").build();
            Customer late = customer("Late", "Writer").phone("+14155550102").build();
            store.saveCustomer(early, NOW);
            List<Long> seen = new ArrayList<>();
            long cursor = drain(store, 0, seen);

            // A writer takes its sequence number and stays open; another writer commits a later one meanwhile.
            try (Connection slow = database.connection()) {
                slow.setAutoCommit(false);
                try (PreparedStatement change = slow.prepareStatement("INSERT INTO change (txid, kind, entity_id, op) "
                        + "VALUES (" + Dialect.POSTGRESQL.currentTxid + ", 'customer', ?, 'UPSERT')")) {
                    change.setString(1, early.id().toString());
                    change.executeUpdate();
                }
                store.saveCustomer(late, NOW);
                cursor = drain(store, cursor, seen);
                slow.commit();
            }
            drain(store, cursor, seen);

            List<Long> all = allSeqs(database);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentWritersLeaveAFeedThatAReaderFollowsCompletely(Backend backend) throws Exception {
        MasterDatabase database = TestMasters.open(backend, dir);
        try (JdbcMasterStore store = new JdbcMasterStore(database, POLICY, CLOCK)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        store.saveCustomer(customer("W" + writer, "N" + i).phone("+1415555" + String.format("%04d", writer * 100 + i)).build(), NOW);
                    }
                    return null;
                }));
            }
            List<Long> seen = new ArrayList<>();
            long cursor = 0;
            Thread stopper = new Thread(() -> {
                done.forEach(future -> {
                    try {
                        future.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                writing.set(false);
            });
            stopper.start();
            while (writing.get()) {
                cursor = drain(store, cursor, seen);
            }
            stopper.join();
            drain(store, cursor, seen);
            writers.shutdown();
            assertThat(seen).hasSize(240).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allSeqs(database));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEventIsStoredOnceHoweverOftenAndConcurrentlyItIsPushed(Backend backend) throws Exception {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").build();
            store.saveCustomer(ana, NOW);
            ContactEvent call = outboundCall(ana, NOW.minusSeconds(600), LineOfBusiness.INSURANCE, Outcome.NO_ANSWER);
            List<Callable<PushResult>> pushes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                pushes.add(() -> store.push(List.of(call), NOW).get(0));
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<PushResult.Status> statuses = new ArrayList<>();
            for (Future<PushResult> result : pool.invokeAll(pushes)) {
                statuses.add(result.get().status());
            }
            pool.shutdown();
            assertThat(statuses).containsOnlyOnce(PushResult.Status.ACCEPTED)
                    .filteredOn(s -> s != PushResult.Status.ACCEPTED).containsOnly(PushResult.Status.DUPLICATE);
            List<String> kinds = new ArrayList<>();
            store.changes(0, 100, (seq, kind, op, body) -> kinds.add(kind));
            assertThat(kinds).containsExactly("customer", "event");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPendingCallIsCompletedButAStoredEventIsNeverRewritten(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").build();
            store.saveCustomer(ana, NOW);
            ContactEvent pending = outboundCall(ana, NOW, LineOfBusiness.INSURANCE, Outcome.PENDING);
            ContactEvent done = pending.withOutcome(Outcome.CONVERSATION, 95, "Renewal agreed");
            assertThat(store.push(List.of(pending), NOW).get(0).status()).isEqualTo(PushResult.Status.ACCEPTED);
            assertThat(store.push(List.of(done), NOW).get(0).status()).isEqualTo(PushResult.Status.UPDATED);
            assertThat(store.push(List.of(done), NOW).get(0).status()).isEqualTo(PushResult.Status.DUPLICATE);
            PushResult rewrite = store.push(List.of(done.withOutcome(Outcome.SALE, 95, "")), NOW).get(0);
            assertThat(rewrite.status()).isEqualTo(PushResult.Status.REJECTED);
            assertThat(rewrite.reason()).contains("already stored");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEventForAnUnknownCustomerIsRejectedAndTheRestOfTheBatchKept(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").build();
            Customer stranger = customer("Not", "Stored").phone("+14155550999").build();
            store.saveCustomer(ana, NOW);
            List<PushResult> results = store.push(List.of(
                    outboundCall(stranger, NOW, LineOfBusiness.ORDERS, Outcome.BUSY),
                    outboundCall(ana, NOW, LineOfBusiness.ORDERS, Outcome.BUSY)), NOW);
            assertThat(results).extracting(PushResult::status)
                    .containsExactly(PushResult.Status.REJECTED, PushResult.Status.ACCEPTED);
            assertThat(results.get(0).reason()).contains("no customer");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sixtyFourDesksAskingForTheLastAttemptGetExactlyOnePermit(Backend backend) throws Exception {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveRule(threePerWeek(), null, NOW);
            store.push(List.of(outboundCall(ana, NOW.minusSeconds(7_200), LineOfBusiness.FINANCING, Outcome.NO_ANSWER),
                    outboundCall(ana, NOW.minusSeconds(3_600), LineOfBusiness.INSURANCE, Outcome.BUSY)), NOW);
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Permit>> desks = new ArrayList<>();
            for (int desk = 0; desk < 64; desk++) {
                desks.add(() -> {
                    start.await();
                    return store.permit(new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                            null, SAM.id(), NOW), Ids.newId(), SAM, null);
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(64);
            List<Future<Permit>> answers = new ArrayList<>();
            for (Callable<Permit> desk : desks) {
                answers.add(pool.submit(desk));
            }
            start.countDown();
            int granted = 0;
            for (Future<Permit> answer : answers) {
                Permit permit = answer.get();
                granted += permit.granted() ? 1 : 0;
                if (!permit.granted()) {
                    assertThat(permit.decision().verdict()).isEqualTo(Verdict.BLOCK);
                }
            }
            pool.shutdown();
            assertThat(granted).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeskThatWaitedForTheLockCountsTheAttemptGrantedMeanwhile(Backend backend) {
        MutableClock now = new MutableClock(NOW);
        try (JdbcMasterStore store = TestMasters.store(backend, dir, now)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveRule(threePerWeek(), null, NOW);
            store.push(List.of(outboundCall(ana, NOW.minusSeconds(7_200), LineOfBusiness.FINANCING, Outcome.NO_ANSWER),
                    outboundCall(ana, NOW.minusSeconds(3_600), LineOfBusiness.INSURANCE, Outcome.BUSY)), NOW);
            DialRequest askedFirst = new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                    null, SAM.id(), NOW);
            now.set(NOW.plusSeconds(5));
            DialRequest askedSecond = new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                    null, SAM.id(), NOW.plusSeconds(5));
            assertThat(store.permit(askedSecond, Ids.newId(), SAM, null).granted()).isTrue();
            now.set(NOW.plusSeconds(6));
            Permit late = store.permit(askedFirst, Ids.newId(), SAM, null);
            assertThat(late.granted()).isFalse();
            assertThat(late.decision().verdict()).isEqualTo(Verdict.BLOCK);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void askingAgainWithTheSameEventIdReturnsThePermitAlreadyGiven(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveRule(threePerWeek(), null, NOW);
            UUID eventId = Ids.newId();
            DialRequest request = new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS, null,
                    SAM.id(), NOW);
            Permit first = store.permit(request, eventId, SAM, null);
            Permit retried = store.permit(request, eventId, SAM, null);
            assertThat(first.granted()).isTrue();
            assertThat(retried.granted()).isTrue();
            assertThat(retried.event()).isEqualTo(first.event());
            assertThat(retried.decision().verdict()).isEqualTo(first.decision().verdict());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theMastersDecisionIsTheEnginesDecisionOnTheSameData(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").build();
            Customer noZone = customer("Sol", "Vega").phone("+33612345678").zone(null).build();
            List<ContactRule> rules = new ArrayList<>(com.ringside.policy.Presets.starterSet());
            rules.forEach(rule -> store.saveRule(rule, null, NOW));
            List<ContactEvent> history = new ArrayList<>();
            for (Customer customer : List.of(ana, noZone)) {
                store.saveCustomer(customer, NOW);
                for (int day = 1; day < 12; day++) {
                    history.add(outboundCall(customer, NOW.minus(Duration.ofHours(day * 19L)),
                            day % 2 == 0 ? LineOfBusiness.COLLECTIONS : LineOfBusiness.INSURANCE,
                            day % 3 == 0 ? Outcome.CONVERSATION : Outcome.NO_ANSWER));
                }
            }
            store.push(history, NOW);
            List<ContactRule> stored = store.rules();
            for (Customer customer : List.of(ana, noZone)) {
                Customer master = store.customer(customer.id()).orElseThrow();
                List<ContactEvent> own = history.stream().filter(e -> e.customerId().equals(customer.id())).toList();
                for (LineOfBusiness line : LineOfBusiness.values()) {
                    for (Instant at : List.of(NOW, NOW.plusSeconds(5 * 3_600), NOW.plus(Duration.ofDays(3)))) {
                        DialRequest request = new DialRequest(customer.id(), customer.phones().get(0).number(), line,
                                "renewals", null, at);
                        DialDecision engine = POLICY.decide(stored, master, own, request);
                        assertThat(store.decide(request)).as("%s %s at %s", customer.displayName(), line, at)
                                .isEqualTo(engine);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPermitWhoseAnswerWasLostAndTheDesksOfflineDecisionAreOneCall(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            UUID id = Ids.newId();
            Permit permit = store.permit(new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                    null, SAM.id(), NOW), id, SAM, null);
            assertThat(permit.granted()).isTrue();
            // The answer never reached the desk: it decided from its cache with the same id, and the agent wrapped up.
            ContactEvent offline = new ContactEvent(id, ana.id(), NOW.plusSeconds(2), permit.event().channel(),
                    permit.event().direction(), LineOfBusiness.ORDERS, null, SAM.id(), ana.phones().get(0).number(),
                    Outcome.CONVERSATION, 95, "Order confirmed", permit.event().sourceSystem(), true, null);
            assertThat(store.push(List.of(offline), NOW.plusSeconds(120))).extracting(PushResult::status)
                    .containsExactly(PushResult.Status.UPDATED);
            assertThat(store.push(List.of(offline), NOW.plusSeconds(130))).extracting(PushResult::status)
                    .as("pushed again").containsExactly(PushResult.Status.DUPLICATE);
            assertThat(store.events(ana.id())).singleElement().satisfies(call -> {
                assertThat(call.outcome()).isEqualTo(Outcome.CONVERSATION);
                assertThat(call.notes()).isEqualTo("Order confirmed");
                assertThat(call.provisional()).as("the master's own decision stands").isFalse();
                assertThat(call.occurredAt()).isEqualTo(permit.event().occurredAt());
            });
            assertThat(store.violations(Instant.EPOCH, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCallDecidedOfflineThatBrokeARuleIsRecordedAsAViolation(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveRule(threePerWeek(), null, NOW);
            List<ContactEvent> offline = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                offline.add(decidedOffline(ana, NOW.plusSeconds(i * 600L)));
            }
            List<PushResult> results = store.push(offline, NOW.plusSeconds(3_600));
            assertThat(results).extracting(r -> r.violation() != null).containsExactly(false, false, false, true);
            assertThat(results).extracting(PushResult::status).containsOnly(PushResult.Status.ACCEPTED);
            List<Violation> violations = store.violations(Instant.EPOCH, 10);
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.eventId()).isEqualTo(offline.get(3).id());
                assertThat(v.agentId()).isEqualTo(SAM.id());
                assertThat(v.decision().reasons()).extracting(r -> r.code()).contains("ATTEMPT_CAP");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCallMadeOfflineThatArrivesAfterLaterPermittedCallsIsFlaggedWhenItPutsOneOfThemOverTheCap(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveRule(threePerWeek(), null, NOW);
            // A desk offline since the morning called Ana twice; meanwhile the master permitted two calls to her.
            List<ContactEvent> offline = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                offline.add(decidedOffline(ana, NOW.minusSeconds(7_200 - i * 600L)));
            }
            for (int i = 0; i < 2; i++) {
                assertThat(store.permit(new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS,
                        null, SAM.id(), NOW.minusSeconds(1_800 - i * 60L)), Ids.newId(), SAM, null).granted()).isTrue();
            }

            List<PushResult> results = store.push(offline, NOW);

            assertThat(results).extracting(r -> r.violation() != null)
                    .as("the first fits under the cap of 3; the second makes the later permitted calls 4 in the week")
                    .containsExactly(false, true);
            assertThat(store.violations(Instant.EPOCH, 10)).singleElement().satisfies(v -> {
                assertThat(v.eventId()).isEqualTo(offline.get(1).id());
                assertThat(v.decision().reasons()).extracting(r -> r.code()).contains("ATTEMPT_CAP");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCursorThisMasterNeverIssuedIsRefused(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            store.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").build(), NOW);
            assertThatThrownBy(() -> store.changes(999_999, 10, (seq, kind, op, body) -> { }))
                    .isInstanceOf(UnknownCursorException.class).hasMessageContaining("after=0");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRetiredRuleLeavesTheCurrentSetButItsVersionsStay(Backend backend) throws Exception {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            ContactRule saved = store.saveRule(threePerWeek(), null, NOW);
            ContactRule edited = store.saveRule(saved.withEnabled(false), null, NOW);
            assertThat(edited.version()).isEqualTo(2);
            assertThat(store.deleteRule(saved.id(), null, NOW)).isTrue();
            assertThat(store.rules()).isEmpty();
            assertThat(store.deleteRule(saved.id(), null, NOW)).isFalse();
            List<String> ops = new ArrayList<>();
            Set<String> bodies = new HashSet<>();
            store.changes(0, 100, (seq, kind, op, body) -> {
                ops.add(op);
                bodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            });
            assertThat(ops).containsExactly("UPSERT", "UPSERT", "DELETE");
            assertThat(bodies).hasSize(3).doesNotContainNull();
        }
    }

    static ContactRule threePerWeek() {
        return new ContactRule(Ids.newId(), 1, "3 calls per 7 days", true, Verdict.BLOCK, UserRole.SUPERVISOR,
                RuleScope.EVERY_CALL, new AttemptCap(3, ContactWindow.rolling(Duration.ofDays(7)), CountPer.CUSTOMER,
                CountAcross.ALL, Set.of()), List.of(), null, null, false, null);
    }

    /** An unanswered order call Sam made with the desk offline: provisional, for the master to re-check. */
    private static ContactEvent decidedOffline(Customer customer, Instant at) {
        ContactEvent call = outboundCall(customer, at, LineOfBusiness.ORDERS, Outcome.NO_ANSWER);
        return new ContactEvent(call.id(), call.customerId(), call.occurredAt(), call.channel(), call.direction(),
                call.lineOfBusiness(), call.campaign(), SAM.id(), call.number(), call.outcome(), 0, "",
                call.sourceSystem(), true, null);
    }

    private static long drain(MasterStore store, long cursor, List<Long> seen) throws Exception {
        MasterStore.FeedPage page;
        do {
            page = store.changes(cursor, 7, (seq, kind, op, body) -> seen.add(seq));
            cursor = page.last();
        } while (page.more());
        return cursor;
    }

    private static List<Long> allSeqs(MasterDatabase database) throws Exception {
        List<Long> all = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT seq FROM change ORDER BY seq");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                all.add(rows.getLong(1));
            }
        }
        return all;
    }
}
