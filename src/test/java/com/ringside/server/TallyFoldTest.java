package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.Reports.ContactRate;
import com.ringside.server.Reports.RuleOutcome;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hourly tallies' deltas folded into the hourly rows: the reports read the same before and after, once each. */
class TallyFoldTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ContactPolicy POLICY = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
    private static final ReportRange WEEK = new ReportRange(NOW.minus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(1)),
            null, ZoneId.of("America/New_York"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void reportsReadTheSameBeforeAndAfterFoldingAndAWithdrawalStillTakesTheCallBack(Backend backend) {
        MasterDatabase database = TestMasters.open(backend, dir);
        try (JdbcMasterStore store = new JdbcMasterStore(database, POLICY, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
            User sam = store.addUser("sam", "Sam Agent", UserRole.AGENT, "Renewals", "!", NOW);
            User sky = store.addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "Floor", "!", NOW);
            List<Permit> granted = new ArrayList<>();
            for (int minutes : new int[] {10, 20, 30}) {
                granted.add(store.permit(ask(ana, minutes), Ids.newId(), sam, null));
            }
            assertThat(store.permit(ask(ana, 40), Ids.newId(), sam, null).granted()).isFalse();
            assertThat(store.permit(ask(ana, 50), Ids.newId(), sky, "Customer asked us to call back").granted()).isTrue();
            store.push(List.of(granted.get(0).event().withOutcome(Outcome.CONVERSATION, 240, "")), NOW.plusSeconds(7_200));

            Figures before = Figures.of(store);
            assertThat(before.rules()).extracting(r -> List.of(r.placed(), r.blocked(), r.overridden()))
                    .containsExactly(List.of(3L, 1L, 1L));
            store.foldTallies();
            assertThat(deltas(database)).isZero();
            assertThat(Figures.of(store)).isEqualTo(before);
            store.foldTallies();
            assertThat(Figures.of(store)).as("folding again").isEqualTo(before);

            Permit withdrawn = granted.get(2);
            assertThat(store.withdraw(withdrawn.event().id(), ana.id(), sam, "Never dialled", NOW)).isTrue();
            Figures after = Figures.of(store);
            assertThat(after.rules()).extracting(RuleOutcome::placed).containsExactly(2L);
            assertThat(after.rates()).extracting(ContactRate::attempts).containsExactly(3L);
            store.foldTallies();
            assertThat(deltas(database)).isZero();
            assertThat(Figures.of(store)).isEqualTo(after);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFoldThatWaitedForAnotherFindsTheDeltasFoldedAlready(Backend backend) throws Exception {
        try (MasterDatabase database = TestMasters.open(backend, dir)) {
            long hour = ContactTallies.hourOf(NOW);
            for (int i = 0; i < 3; i++) {
                database.write(connection -> {
                    HourlyTally.CALLS.append(connection, Map.of(List.of(hour, "ORDERS", "Renewals"), new long[] {1, 1, 0}));
                    return null;
                });
            }
            ExecutorService second = Executors.newSingleThreadExecutor();
            try (Connection first = database.connection()) {
                first.setAutoCommit(false);
                assertThat(HourlyTally.CALLS.fold(first)).isEqualTo(3);
                Future<Integer> waiting = second.submit(() -> database.write(HourlyTally.CALLS::fold));
                Thread.sleep(300);
                assertThat(waiting).as("the second fold waits for the first").isNotDone();
                first.commit();
                first.setAutoCommit(true);
                assertThat(waiting.get(30, TimeUnit.SECONDS)).isZero();
            } finally {
                second.shutdownNow();
            }
            List<Long> hourly = database.read(connection -> longs(connection, "SELECT attempts, contacts FROM call_hour"));
            assertThat(hourly).containsExactly(3L, 3L);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void foldsRunningAlongsidePermitsAndEachOtherCountEveryCallOnce(Backend backend) throws Exception {
        MasterDatabase database = TestMasters.open(backend, dir);
        try (JdbcMasterStore store = new JdbcMasterStore(database, POLICY, CLOCK)) {
            store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
            User sam = store.addUser("sam", "Sam Agent", UserRole.AGENT, "Renewals", "!", NOW);
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Customer customer = customer("Ana" + i, "Ruiz").phone("+1415555" + (1000 + i)).zone("UTC").build();
                store.saveCustomer(customer, NOW);
                customers.add(customer);
            }
            ExecutorService threads = Executors.newFixedThreadPool(11);
            AtomicBoolean permitting = new AtomicBoolean(true);
            List<Future<?>> folds = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                folds.add(threads.submit(() -> {
                    while (permitting.get()) {
                        store.foldTallies();
                    }
                    return null;
                }));
            }
            List<Future<?>> desks = new ArrayList<>();
            for (int d = 0; d < 8; d++) {
                int desk = d;
                desks.add(threads.submit(() -> {
                    for (int i = desk; i < customers.size(); i += 8) {
                        for (int attempt = 0; attempt < 4; attempt++) {
                            store.permit(ask(customers.get(i), 10), Ids.newId(), sam, null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> desk : desks) {
                desk.get(120, TimeUnit.SECONDS);
            }
            permitting.set(false);
            for (Future<?> fold : folds) {
                fold.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();

            Figures counted = Figures.of(store);
            assertThat(counted.rules()).extracting(r -> List.of(r.placed(), r.blocked()))
                    .containsExactly(List.of(72L, 24L));
            assertThat(counted.rates()).extracting(ContactRate::attempts).containsExactly(72L);
            store.foldTallies();
            assertThat(deltas(database)).isZero();
            assertThat(Figures.of(store)).isEqualTo(counted);
        }
    }

    private static DialRequest ask(Customer customer, int minutes) {
        return new DialRequest(customer.id(), customer.phones().get(0).number(), LineOfBusiness.ORDERS, null, null,
                NOW.plus(Duration.ofMinutes(minutes)));
    }

    private static long deltas(MasterDatabase database) {
        return database.read(connection -> longs(connection,
                "SELECT (SELECT count(*) FROM call_hour_delta) + (SELECT count(*) FROM rule_hour_delta)").get(0));
    }

    private static List<Long> longs(Connection connection, String sql) throws java.sql.SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.add(rows.getLong(i));
                }
            }
        }
        return values;
    }

    private record Figures(List<RuleOutcome> rules, List<ContactRate> rates) {
        static Figures of(JdbcMasterStore store) {
            return new Figures(store.reports().ruleOutcomes(WEEK), store.reports().contactRates(WEEK));
        }
    }
}
