package com.ringside.desktop;

import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.CacheDatabase;
import com.ringside.desktop.dial.DialService;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.sync.MasterLink;
import com.ringside.sync.SyncEngine;
import com.ringside.sync.SyncStatus;
import com.ringside.testing.CachePragmas;
import com.ringside.testing.FaultyProxy;
import com.ringside.testing.FaultyProxy.Fault;
import com.ringside.wire.WireRecords.SessionJson;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk behind a network that delays, resets, truncates and duplicates while the agent works: its sync
 * converges with the master, no call is lost or stored twice, and the desk says it is offline and comes back
 * by itself.
 */
class FaultyNetworkTest {
    private static final int CUSTOMERS = 200;
    private static final int HISTORY = 12_000;
    private static final int CALLS = 40;

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void syncConvergesThroughFaultsWithEveryCallStoredOnceAndTheDeskRecovers() throws Exception {
        JdbcMasterStore master = keep(TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master")));
        MasterServer server = keep(new MasterServer(master, clock, Duration.ofHours(1)));
        int port = server.start("127.0.0.1", 0);
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        List<Customer> customers = new ArrayList<>();
        List<ContactEvent> history = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < CUSTOMERS; i++) {
            Customer c = customer("Cust", "Omer" + i).phone(String.format("+1415555%04d", i)).zone("UTC").build();
            customers.add(c);
            for (int e = 0; e < HISTORY / CUSTOMERS; e++) {
                history.add(outboundCall(c, now.minus(Duration.ofHours(2 + e * 24L)), LineOfBusiness.ORDERS, Outcome.BUSY));
            }
        }
        master.load(customers, history, now);

        FaultyProxy line = keep(new FaultyProxy(port, 7, 0.35));
        AtomicBoolean wentOffline = new AtomicBoolean();
        DeskSession desk = keep(desk(URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + line.port()),
                wentOffline));
        long firstSync = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (customers.stream().anyMatch(c -> desk.customers().find(c.id()).isEmpty()) && System.nanoTime() < firstSync) {
            desk.link().orElseThrow().engine().wake();
            Thread.sleep(200);
        }
        assertThat(customers).as("the first sync, through the faults").allMatch(c -> desk.customers().find(c.id()).isPresent());
        DialService dial = new DialService(desk);
        List<ContactEvent> placed = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            Customer c = customers.get(i * 3);
            ContactEvent call = dial.place(c.id(), c.phones().get(0).number(), LineOfBusiness.INSURANCE, null, null);
            placed.add(dial.complete(call, i % 2 == 0 ? Outcome.CONVERSATION : Outcome.NO_ANSWER, "call " + i, null, 30));
            desk.link().orElseThrow().engine().wake();
            Thread.sleep(150);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, String> atMaster = Map.of();
        Map<String, String> atDesk = Map.of();
        while (System.nanoTime() < deadline) {
            desk.link().orElseThrow().engine().wake();
            Thread.sleep(500);
            atMaster = masterEvents(master, customers);
            atDesk = deskEvents(desk.database());
            if (desk.events().outboxSize() == 0 && atDesk.equals(atMaster)
                    && desk.link().orElseThrow().engine().status().online()) {
                break;
            }
        }
        assertThat(line.count(Fault.RESET) + line.count(Fault.TRUNCATE) + line.count(Fault.DUPLICATE)
                + line.count(Fault.DELAY)).as("the line did hurt the desk").isGreaterThanOrEqualTo(10);
        assertThat(desk.events().outboxSize()).as("every call pushed and acknowledged").isZero();
        assertThat(atMaster.size()).as("no call lost or stored twice").isEqualTo(HISTORY + CALLS);
        for (ContactEvent call : placed) {
            assertThat(atMaster.get(call.id().toString())).as("call %s as the agent wrapped it up", call.id())
                    .isEqualTo(call.outcome().name());
        }
        Map<String, String> stored = atMaster;
        Map<String, String> cached = atDesk;
        assertThat(cached.keySet().stream().filter(id -> !stored.containsKey(id)).toList()).as("only at the desk").isEmpty();
        assertThat(stored.keySet().stream().filter(id -> !stored.get(id).equals(cached.get(id))).toList())
                .as("missing or different at the desk").isEmpty();
        assertThat(wentOffline).as("the agent was told the desk was offline").isTrue();
        assertThat(desk.link().orElseThrow().engine().status().online()).as("and it came back by itself").isTrue();
        assertThat(CachePragmas.integrity(desk.database())).isEqualTo("ok");
    }

    private DeskSession desk(URI direct, URI throughTheLine, AtomicBoolean wentOffline) {
        CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"));
        SessionJson session = MasterLink.signIn(cache, direct, "sam", "sam-password");
        DeskSession desk = DeskSession.forMaster(cache, clock, new DeskUser(UUID.fromString(session.userId()),
                session.displayName(), UserRole.valueOf(session.role())), number -> { });
        desk.attach(MasterLink.start(cache, throughTheLine, session, clock, new SyncEngine.Listener() {
            @Override
            public void status(SyncStatus status) {
                if (!status.online()) {
                    wentOffline.set(true);
                }
            }

            @Override
            public void customersChanged(Set<UUID> customerIds) {
            }
        }));
        return desk;
    }

    /** Event id → outcome, for every event the master holds on these customers. */
    private static Map<String, String> masterEvents(JdbcMasterStore master, List<Customer> customers) {
        Map<String, String> events = new HashMap<>();
        for (Customer c : customers) {
            for (ContactEvent e : master.events(c.id())) {
                events.put(e.id().toString(), e.outcome() == null ? "" : e.outcome().name());
            }
        }
        return events;
    }

    private static Map<String, String> deskEvents(CacheDatabase cache) {
        return cache.read(connection -> {
            Map<String, String> events = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, outcome FROM contact_event");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getString(2) == null ? "" : rows.getString(2));
                }
            }
            return events;
        });
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
