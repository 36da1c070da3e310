package com.ringside.sync;

import static com.ringside.testing.CachePragmas.integrity;
import static com.ringside.testing.CachePragmas.journalMode;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CacheException;
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
import com.ringside.server.CacheSnapshots;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.testing.Customers;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk that never synced starts from the master's cache snapshot and pulls only what changed after it, and ends
 * with the same cache as a desk that pulled every page; a snapshot it cannot trust is left, and the feed brings
 * everything instead.
 */
class SnapshotFirstSyncTest {
    private static final int CUSTOMERS = 80;
    private static final int EVENTS_EACH = 4;

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final List<Customer> customers = new ArrayList<>();
    private JdbcMasterStore master;
    private MasterServer server;
    private CacheSnapshots snapshots;
    private URI address;
    private Customer late;

    /** A master of either back end with a snapshot, and three changes made after it. */
    private void start(TestMasters.Backend backend) {
        master = TestMasters.store(backend, dir.resolve("master"));
        server = new MasterServer(master, clock, Duration.ofHours(1));
        address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
        Instant now = clock.instant();
        Customers.Called called = Customers.calledDaily(CUSTOMERS, EVENTS_EACH, now);
        customers.addAll(called.customers());
        master.load(customers, called.calls(), now);
        snapshots = new CacheSnapshots(master, dir.resolve("snapshots"), 0, clock);
        snapshots.build();
        server.serveSnapshots(snapshots);

        late = customer("Lena", "Later").phone("+14155550777").zone("UTC").build();
        master.load(List.of(late), List.of(outboundCall(late, now, LineOfBusiness.ORDERS, Outcome.BUSY),
                outboundCall(customers.get(3), now, LineOfBusiness.INSURANCE, Outcome.NO_ANSWER)), now);
    }

    @BeforeEach
    void sqliteMasterUnlessATestAsksForAnother(TestInfo test) {
        if (test.getTestMethod().orElseThrow().getParameterCount() == 0) {
            start(TestMasters.Backend.SQLITE);
        }
    }

    @AfterEach
    void close() {
        snapshots.close();
        server.close();
        master.close();
    }

    @ParameterizedTest
    @EnumSource(TestMasters.Backend.class)
    void aDeskStartsFromTheSnapshotPullsOnlyWhatCameAfterAndEndsWithTheSameCacheAsPageByPage(
            TestMasters.Backend backend) throws Exception {
        start(backend);
        try (CacheDatabase fromSnapshot = CacheDatabase.open(dir.resolve("desk-a"))) {
            SyncStore store = new SyncStore(fromSnapshot);
            store.remember("server", address.toString());
            long snapshotCursor = snapshots.latest(CacheDatabase.format()).orElseThrow().cursor();

            assertThat(sync(store)).as("changes received: the snapshot's, then the 3 after it over the feed")
                    .containsExactly(snapshotCursor, snapshotCursor + 3);
            assertThat(store.recall("server")).as("the desk's own values kept").contains(address.toString());
            assertThat(store.state().masterId()).isEqualTo(master.masterId());
            assertThat(store.state().cursor()).isEqualTo(master.latestSeq());
            assertThat(journalMode(fromSnapshot)).isEqualTo("wal");
            assertThat(integrity(fromSnapshot)).isEqualTo("ok");
            assertThat(dir.resolve("desk-a").resolve("cache.db.snapshot")).as("the download removed once used")
                    .doesNotExist();

            try (CacheDatabase pageByPage = CacheDatabase.open(dir.resolve("desk-b"))) {
                server.serveSnapshots(null);
                assertThat(sync(new SyncStore(pageByPage))).as("one page of every change")
                        .containsExactly(master.latestSeq());
                assertSameCache(fromSnapshot, pageByPage);
            }

            Customer later = customer("Otto", "Afterwards").phone("+14155550888").zone("UTC").build();
            master.load(List.of(later), List.of(), clock.instant());
            sync(store);
            assertThat(found(new CustomerStore(fromSnapshot), "Otto")).containsExactly(later.id());
        }
    }

    @Test
    void aSnapshotDamagedOnTheWayIsLeftAndTheFeedBringsEverything() throws Exception {
        flipAByteIn(snapshots.latest(CacheDatabase.format()).orElseThrow());
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"))) {
            SyncStore store = new SyncStore(cache);
            assertThat(sync(store)).as("one page of every change, over the feed").containsExactly(master.latestSeq());

            assertThat(new CustomerStore(cache).count()).isEqualTo(CUSTOMERS + 1);
            assertThat(found(new CustomerStore(cache), "Omer42")).containsExactly(customers.get(42).id());
            assertThat(integrity(cache)).isEqualTo("ok");
            assertThat(dir.resolve("desk").resolve("cache.db.snapshot")).doesNotExist();
        }
    }

    @Test
    void aCacheThatAlreadySyncedIsNeverReplacedByASnapshot() throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"))) {
            server.serveSnapshots(null);
            SyncStore store = new SyncStore(cache);
            sync(store);
            Customer renamed = new CustomerStore(cache).find(customers.get(0).id()).orElseThrow();
            Path download = dir.resolve("snapshot.db");
            server.serveSnapshots(snapshots);
            MasterClient.Snapshot snapshot = downloaded(download);

            assertThat(store.neverSynced()).isFalse();
            assertThat(store.startFrom(download, snapshot.masterId(), snapshot.cursor())).isFalse();
            assertThat(new CustomerStore(cache).count()).as("the later customer still there").isEqualTo(CUSTOMERS + 1);
            assertThat(new CustomerStore(cache).find(renamed.id())).contains(renamed);
        }
    }

    @Test
    void aDeskOfAnotherCacheFormatIsOfferedNoSnapshotAndARestartTakesUpOnlyItsOwnMastersSnapshot() {
        assertThat(snapshots.latest(CacheDatabase.format() + "0")).isEmpty();
        assertThat(signedIn().snapshot(CacheDatabase.format() + "0", dir.resolve("x.db"))).isEmpty();

        CacheSnapshots.Snapshot built = snapshots.latest(CacheDatabase.format()).orElseThrow();
        try (CacheSnapshots reopened = new CacheSnapshots(master, dir.resolve("snapshots"), 0, clock)) {
            assertThat(reopened.latest(CacheDatabase.format())).as("taken up again after a restart")
                    .contains(built);
        }
        try (JdbcMasterStore other = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("other"));
             CacheSnapshots foreign = new CacheSnapshots(other, dir.resolve("snapshots"), 0, clock)) {
            assertThat(foreign.latest(CacheDatabase.format())).as("another master's snapshot").isEmpty();
        }
    }

    @Test
    void aCopyAnotherProgramPreventsLeavesTheCacheEmptyAndSaysWhy() throws Exception {
        Path download = dir.resolve("snapshot.db");
        MasterClient.Snapshot snapshot = downloaded(download);
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"))) {
            SyncStore store = new SyncStore(cache);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + cache.file());
                 Statement writing = other.createStatement()) {
                writing.execute("BEGIN IMMEDIATE");
                writing.executeUpdate("INSERT INTO cache_property (name, value) VALUES ('other', 'program')");

                assertThatThrownBy(() -> store.startFrom(download, snapshot.masterId(), snapshot.cursor()))
                        .isInstanceOf(CacheException.class).hasMessageContaining("could not be copied")
                        .hasMessageContaining("another Ringside");
                writing.execute("ROLLBACK");
            }
            assertThat(store.neverSynced()).isTrue();
            assertThat(new CustomerStore(cache).count()).isZero();
            assertThat(store.startFrom(download, snapshot.masterId(), snapshot.cursor())).as("once it is free").isTrue();
            assertThat(new CustomerStore(cache).count()).isEqualTo(CUSTOMERS);
        }
    }

    @Test
    void aSnapshotThatIsNotWhatTheMasterSaidIsRefusedBeforeAnythingIsCopied() throws Exception {
        Path download = dir.resolve("snapshot.db");
        MasterClient.Snapshot snapshot = downloaded(download);
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"))) {
            SyncStore store = new SyncStore(cache);
            assertThatThrownBy(() -> store.startFrom(download, snapshot.masterId(), snapshot.cursor() + 1))
                    .isInstanceOf(CacheException.class).hasMessageContaining("not the snapshot the master described");
            assertThatThrownBy(() -> store.startFrom(download, UUID.randomUUID(), snapshot.cursor()))
                    .isInstanceOf(CacheException.class).hasMessageContaining("not the snapshot the master described");
            assertThat(store.neverSynced()).isTrue();
        }
    }

    /** Damages a snapshot in the middle of its pages, where SQLite would not notice. */
    private static void flipAByteIn(CacheSnapshots.Snapshot snapshot) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(snapshot.file().toFile(), "rw")) {
            file.seek(snapshot.bytes() / 2);
            int b = file.read();
            file.seek(snapshot.bytes() / 2);
            file.write(b ^ 0xFF);
        }
    }

    private MasterClient.Snapshot downloaded(Path into) {
        return signedIn().snapshot(CacheDatabase.format(), into).orElseThrow();
    }

    @Test
    void aDownloadLeftByAStopIsRemovedWhenTheCacheOpens() throws Exception {
        Path leftOver = dir.resolve("desk").resolve("cache.db.snapshot");
        Files.createDirectories(leftOver.getParent());
        Files.write(leftOver, new byte[4096]);
        try (CacheDatabase cache = CacheDatabase.open(dir.resolve("desk"))) {
            assertThat(leftOver).doesNotExist();
        }
    }

    @Test
    void aNewSnapshotKeepsTheOneBeforeItForDesksAlreadyDownloadingItAndRemovesOlderOnes() throws Exception {
        Path first = snapshots.latest(CacheDatabase.format()).orElseThrow().file();
        Path second = snapshots.build().file();
        assertThat(snapshots.build().file()).as("nothing new in the feed, no new file").isEqualTo(second);
        assertThat(snapshotFiles()).containsExactlyInAnyOrder(first, second);
        master.load(List.of(customer("Nina", "Next").phone("+14155550999").zone("UTC").build()), List.of(),
                clock.instant());
        Path third = snapshots.build().file();
        assertThat(snapshotFiles()).containsExactlyInAnyOrder(second, third);
        assertThat(snapshots.latest(CacheDatabase.format()).orElseThrow().cursor()).isEqualTo(master.latestSeq());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(third))).as("customers inside")
                    .isEqualTo("rw-------");
        }
    }

    private List<Path> snapshotFiles() throws Exception {
        try (var files = Files.list(dir.resolve("snapshots"))) {
            return files.toList();
        }
    }

    @Test
    void aSnapshotDamagedOnDiskBeforeARestartIsLeftOutOnceItsChecksumIsRead() throws Exception {
        CacheSnapshots.Snapshot built = snapshots.latest(CacheDatabase.format()).orElseThrow();
        flipAByteIn(built);
        try (CacheSnapshots reopened = new CacheSnapshots(master, dir.resolve("snapshots"), 0, clock)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (reopened.latest(CacheDatabase.format()).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(reopened.latest(CacheDatabase.format())).isEmpty();
            assertThat(built.file()).doesNotExist();
        }
    }

    private MasterClient signedIn() {
        MasterClient client = new MasterClient(address);
        client.signIn("sam", "sam-password");
        return client;
    }

    /** Syncs once and returns the counts of changes received the status bar was told of, in order. */
    private List<Long> sync(SyncStore store) throws Exception {
        List<Long> received = new CopyOnWriteArrayList<>();
        SyncEngine.Listener counting = new SyncEngine.Listener() {
            @Override
            public void status(SyncStatus status) {
                if (status.received() > 0 && (received.isEmpty() || received.get(received.size() - 1) != status.received())) {
                    received.add(status.received());
                }
            }

            @Override
            public void customersChanged(Set<UUID> customerIds) {
            }
        };
        try (SyncEngine engine = new SyncEngine(signedIn(), store, clock, counting)) {
            engine.syncNow();
        }
        return received;
    }

    private void assertSameCache(CacheDatabase a, CacheDatabase b) {
        CustomerStore customersA = new CustomerStore(a);
        CustomerStore customersB = new CustomerStore(b);
        ContactEventStore eventsA = new ContactEventStore(a);
        ContactEventStore eventsB = new ContactEventStore(b);
        assertThat(customersA.count()).isEqualTo(customersB.count()).isEqualTo(CUSTOMERS + 1);
        List<Customer> everyone = new ArrayList<>(customers);
        everyone.add(late);
        for (Customer c : everyone) {
            assertThat(customersA.find(c.id())).isEqualTo(customersB.find(c.id())).isPresent();
            assertThat(timeline(eventsA, c)).isEqualTo(timeline(eventsB, c)).isNotEmpty();
        }
        assertThat(timeline(eventsA, customers.get(3))).hasSize(EVENTS_EACH + 1);
        for (String typed : List.of("Omer17", "(415) 555-0023", "Lena Later", "4155550777", "cust")) {
            assertThat(found(customersA, typed)).as(typed).isEqualTo(found(customersB, typed)).isNotEmpty();
        }
    }

    private static List<UUID> timeline(ContactEventStore events, Customer customer) {
        return events.timeline(customer.id(), TimelineFilter.ALL, null, 50).entries().stream()
                .map(TimelineEntry::event).map(ContactEvent::id).toList();
    }

    private static List<UUID> found(CustomerStore store, String typed) {
        return store.search(typed, 0, 100).hits().stream().map(SearchHit::customerId).toList();
    }
}
