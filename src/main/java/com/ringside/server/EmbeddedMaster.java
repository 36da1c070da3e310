package com.ringside.server;

import com.ringside.demo.DemoCompany;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master a first-time user gets without installing anything: a SQLite file beside the desk's cache, served on
 * loopback, seeded with the demo company and demo users the first time. Other desks join it with --server.
 */
public final class EmbeddedMaster implements AutoCloseable {
    public static final int DEFAULT_PORT = 8765;
    public static final String DEMO_USERS_FILE = "demo-users.properties";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMaster.class);

    private final MasterStore store;
    private final MasterServer server;
    private final CacheSnapshots snapshots;
    private final URI url;
    private final Properties demoPasswords;

    private EmbeddedMaster(MasterStore store, MasterServer server, CacheSnapshots snapshots, URI url,
                           Properties demoPasswords) {
        this.store = store;
        this.server = server;
        this.snapshots = snapshots;
        this.url = url;
        this.demoPasswords = demoPasswords;
    }

    /** Opens (or creates and seeds) the master in {@code dataDirectory}/master and serves it on loopback. */
    public static EmbeddedMaster start(Path dataDirectory, Clock clock, int demoCustomers, int preferredPort) {
        Path directory = dataDirectory.resolve("master");
        MasterStore store = new JdbcMasterStore(MasterDatabase.sqlite(directory),
                new ContactPolicy(new JollydayHolidays(), new PhoneZones()), clock);
        MasterServer server = null;
        CacheSnapshots snapshots = null;
        try {
            server = new MasterServer(store, clock, Duration.ofHours(12));
            Path users = directory.resolve(DEMO_USERS_FILE);
            if (store.latestSeq() == 0) {
                long started = System.nanoTime();
                Map<String, String> passwords = DemoMaster.seed(store, server.authenticator(),
                        new DemoCompany(42, LocalDate.now(clock), 10), demoCustomers, clock, done -> { });
                writeUsers(users, passwords);
                LOG.info("New embedded master seeded with {} demo customers in {} ms", demoCustomers,
                        (System.nanoTime() - started) / 1_000_000);
                LOG.warn("Demo users (shown once; also in {}): {}", users, passwords);
            }
            snapshots = new CacheSnapshots(store, directory.resolve("snapshots"),
                    CacheSnapshots.DEFAULT_MIN_CHANGES, clock).refreshEvery(CacheSnapshots.CHECK_PERIOD);
            server.serveSnapshots(snapshots);
            int port = listen(server, preferredPort);
            return new EmbeddedMaster(store, server, snapshots, URI.create("http://127.0.0.1:" + port),
                    readUsers(users));
        } catch (RuntimeException e) {
            if (snapshots != null) {
                snapshots.close();
            }
            if (server != null) {
                server.close();
            }
            store.close();
            throw e;
        }
    }

    /** Where desks reach this master. */
    public URI url() {
        return url;
    }

    /** The password of a demo user this master created, if it created one by that name. */
    public Optional<String> demoPassword(String username) {
        return Optional.ofNullable(demoPasswords.getProperty(username));
    }

    public MasterStore store() {
        return store;
    }

    @Override
    public void close() {
        snapshots.close();
        server.close();
        store.close();
    }

    private static int listen(MasterServer server, int preferredPort) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(preferredPort, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            LOG.warn("Port {} is taken; the embedded master takes a free one", preferredPort);
            return server.start("127.0.0.1", 0);
        }
        return server.start("127.0.0.1", preferredPort);
    }

    private static void writeUsers(Path file, Map<String, String> passwords) {
        Properties properties = new Properties();
        properties.putAll(passwords);
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Demo users of this embedded master; delete the file once you have noted them");
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new MasterException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Properties readUsers(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                LOG.warn("Cannot read {}: {}", file, e.getMessage());
            }
        }
        return properties;
    }
}
