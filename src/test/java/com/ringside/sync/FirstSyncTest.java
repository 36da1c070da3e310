package com.ringside.sync;

import static com.ringside.testing.CachePragmas.integrity;
import static com.ringside.testing.CachePragmas.journalMode;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.cache.SearchHit;
import com.ringside.cache.SyncStore;
import com.ringside.cache.TimelineEntry;
import com.ringside.cache.TimelineFilter;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.testing.Customers;
import com.ringside.testing.QuietSync;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first sync loads an empty cache without the timeline and phone indexes and builds them, with the search index,
 * once the feed is drained; stopped between pages and started again, it ends with exactly the master's rows.
 */
class FirstSyncTest {
    private static final int CUSTOMERS = 60;
    private static final int EVENTS_EACH = 5;
    private static final List<String> DEFERRED = List.of("contact_event_timeline", "phone_by_number");

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final List<Customer> customers = new ArrayList<>();
    private JdbcMasterStore master;
    private MasterServer server;
    private MasterClient client;
    private Customer renamed;

    @BeforeEach
    void masterWithHistory() {
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterServer(master, clock, Duration.ofHours(1));
        int port = server.start("127.0.0.1", 0);
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        Instant now = clock.instant();
        Customers.Called called = Customers.calledDaily(CUSTOMERS, EVENTS_EACH, now);
        customers.addAll(called.customers());
        master.load(customers, called.calls(), now);
        // Changed after it was loaded: the feed carries the customer twice, so the load meets it again.
        Customer first = customers.get(0);
        renamed = new Customer(first.id(), first.version() + 1, "Renata", "Newname", "Renata Newname", first.birthDate(),
                first.timeZone(), false, null, null,
                customer("x", "y").phone("+14155559999").build().phones(), first.emails(), first.accounts(),
                first.createdAt(), now);
        master.load(List.of(renamed), List.of(), now);
        client = new MasterClient(URI.create("http://127.0.0.1:" + port));
        client.signIn("sam", "sam-password");
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        master.close();
    }

    @Test
    void aFirstSyncStoppedBetweenPagesResumesToExactlyTheMastersRowsWithSearchAndTimelineWorking() throws Exception {
        Path desk = dir.resolve("desk");
        try (CacheDatabase cache = CacheDatabase.open(desk)) {
            SyncStore store = new SyncStore(cache);
            long cursor = 0;
            for (int page = 0; page < 3; page++) {
                FeedPages.Pulled pulled = client.pull(cursor, 50);
                store.apply(pulled.masterId(), pulled.page(), pulled.last(), clock.instant());
                cursor = pulled.last();
            }
            assertThat(indexes(cache)).as("left out while loading").doesNotContainAnyElementsOf(DEFERRED);
            assertThat(journalMode(cache)).as("a rollback journal while loading").isEqualTo("delete");
        }

        try (CacheDatabase cache = CacheDatabase.open(desk);
             SyncEngine engine = new SyncEngine(client, new SyncStore(cache), clock, QuietSync.LISTENER)) {
            assertThat(journalMode(cache)).as("reopened half loaded").isEqualTo("delete");
            engine.syncNow();

            assertThat(indexes(cache)).as("built once the feed was drained").containsAll(DEFERRED);
            assertThat(journalMode(cache)).as("WAL once loaded").isEqualTo("wal");
            CustomerStore cached = new CustomerStore(cache);
            ContactEventStore events = new ContactEventStore(cache);
            assertThat(cached.count()).isEqualTo(CUSTOMERS);
            Set<UUID> atMaster = new HashSet<>();
            Set<UUID> atDesk = new HashSet<>();
            for (Customer c : customers) {
                master.events(c.id()).forEach(event -> atMaster.add(event.id()));
                events.history(c.id(), Instant.EPOCH).forEach(event -> assertThat(atDesk.add(event.id())).isTrue());
                Customer expected = c.id().equals(renamed.id()) ? renamed : c;
                assertThat(cached.find(c.id()).orElseThrow().phones()).isEqualTo(expected.phones());
            }
            assertThat(atDesk).as("every event once, none missing").isEqualTo(atMaster).hasSize(CUSTOMERS * EVENTS_EACH);

            assertThat(found(cached, "Omer17")).containsExactly(customers.get(17).id());
            assertThat(found(cached, "(415) 555-0023")).containsExactly(customers.get(23).id());
            assertThat(found(cached, "Renata")).containsExactly(renamed.id());
            assertThat(found(cached, "4155559999")).containsExactly(renamed.id());
            assertThat(found(cached, "4155550000")).as("the phone it no longer has").isEmpty();

            List<Instant> timeline = events.timeline(customers.get(5).id(), TimelineFilter.ALL, null, 50).entries()
                    .stream().map(TimelineEntry::event).map(ContactEvent::occurredAt).toList();
            assertThat(timeline).hasSize(EVENTS_EACH).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(integrity(cache)).isEqualTo("ok");
        }
    }

    @Test
    void aFirstSyncCutOffFromItsMasterBuildsItsIndexesAndResumesWithThemLater() throws Exception {
        Path desk = dir.resolve("desk");
        try (CacheDatabase cache = CacheDatabase.open(desk)) {
            SyncStore store = new SyncStore(cache);
            FeedPages.Pulled pulled = client.pull(0, 50);
            store.apply(pulled.masterId(), pulled.page(), pulled.last(), clock.instant());
            assertThat(indexes(cache)).doesNotContainAnyElementsOf(DEFERRED);

            MasterClient nowhere = new MasterClient(URI.create("http://127.0.0.1:9"));
            try (SyncEngine offline = new SyncEngine(nowhere, store, clock, QuietSync.LISTENER)) {
                offline.syncNow();
                assertThat(offline.status().online()).isFalse();
            }
            assertThat(indexes(cache)).as("offline, the desk looks calls and numbers up with its indexes")
                    .containsAll(DEFERRED);

            try (SyncEngine online = new SyncEngine(client, store, clock, QuietSync.LISTENER)) {
                online.syncNow();
            }
            assertThat(new CustomerStore(cache).count()).isEqualTo(CUSTOMERS);
            assertThat(found(new CustomerStore(cache), "(415) 555-0023")).containsExactly(customers.get(23).id());
            assertThat(integrity(cache)).isEqualTo("ok");
        }
    }

    @Test
    void aFirstSyncLoadedInWalModeLeavesTheLogItLetGrowEmptyAndTheSearchIndexMergingAsUsual() throws Exception {
        Path desk = dir.resolve("desk");
        try (CacheDatabase cache = CacheDatabase.open(desk);
             SyncEngine engine = new SyncEngine(client, new SyncStore(cache), clock, QuietSync.LISTENER)) {
            cache.useWriteAheadLog(); // as a cache syncing again, from a new master, is
            engine.syncNow();

            assertThat(Files.size(desk.resolve(CacheDatabase.FILE_NAME + "-wal"))).as("log copied back and emptied")
                    .isZero();
            assertThat(searchIndexSettings(cache)).as("FTS5's defaults once loaded")
                    .containsExactlyInAnyOrder("automerge=4", "crisismerge=16");
            assertThat(found(new CustomerStore(cache), "Omer17")).containsExactly(customers.get(17).id());
        }
    }

    @Test
    void aFirstPageThatFailsLeavesTheCacheAsItWas() {
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"))) {
            SyncStore store = new SyncStore(cache);
            Customer twice = customer("Dee", "Double").phone("+14155550101").phone("+14155550101").build();
            SyncStore.Page page = new SyncStore.Page(List.of(customers.get(1), twice), List.of(), List.of(), List.of(),
                    List.of(), List.of());

            assertThatThrownBy(() -> store.apply(master.masterId(), page, 2, clock.instant()));

            assertThat(indexes(cache)).containsAll(DEFERRED);
            assertThat(new CustomerStore(cache).count()).isZero();
            assertThat(store.state()).isEqualTo(SyncStore.State.NEVER);
        }
    }

    @Test
    void aLaterSyncKeepsTheIndexesUpToDateRowByRow() throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"));
             SyncEngine engine = new SyncEngine(client, new SyncStore(cache), clock, QuietSync.LISTENER)) {
            engine.syncNow();
            Customer late = customer("Lena", "Later").phone("+14155550777").zone("UTC").build();
            master.load(List.of(late), List.of(outboundCall(late, clock.instant(), LineOfBusiness.ORDERS, Outcome.BUSY)),
                    clock.instant());
            engine.syncNow();

            assertThat(indexes(cache)).containsAll(DEFERRED);
            assertThat(found(new CustomerStore(cache), "Lena Later")).containsExactly(late.id());
            assertThat(new CustomerStore(cache).withNumber(late.phones().get(0).number())).extracting(Customer::id)
                    .containsExactly(late.id());
        }
    }

    private static List<UUID> found(CustomerStore store, String typed) {
        return store.search(typed, 0, 10).hits().stream().map(SearchHit::customerId).toList();
    }

    private static List<String> indexes(CacheDatabase cache) {
        return cache.read(connection -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'index'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    private static List<String> searchIndexSettings(CacheDatabase cache) {
        return cache.read(connection -> {
            List<String> settings = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT k || '=' || v FROM customer_search_config WHERE k IN ('automerge', 'crisismerge')")) {
                while (rows.next()) {
                    settings.add(rows.getString(1));
                }
            }
            return settings;
        });
    }

}
