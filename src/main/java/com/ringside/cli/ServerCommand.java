package com.ringside.cli;

import com.ringside.demo.DemoCompany;
import com.ringside.server.CacheSnapshots;
import com.ringside.server.DemoMaster;
import com.ringside.server.MasterException;
import com.ringside.server.MasterServer;
import com.ringside.server.Tls;
import com.ringside.server.MasterStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** `ringside server`: serves the master over HTTP until stopped. */
public final class ServerCommand implements Command {
    /** The keystore's password comes from the environment, never the command line, which others can read. */
    static final String TLS_PASSWORD = "RINGSIDE_TLS_PASSWORD";

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String summary() {
        return "server [--data-dir D | --db jdbc:postgresql://…] [--host 127.0.0.1] [--port 8765] "
                + "[--session-hours 12] [--demo-customers N] [--snapshot-dir D] [--tls-keystore server.p12 (password in $"
                + TLS_PASSWORD + ")]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("data-dir", "db", "host", "port", "session-hours", "demo-customers",
                "tls-keystore", "snapshot-dir"));
        String host = options.get("host", "127.0.0.1");
        int port = options.intValue("port", 8765, 0, 65_535);
        int hours = options.intValue("session-hours", 12, 1, 24 * 30);
        int demoCustomers = options.intValue("demo-customers", 0, 0, 10_000_000);
        Clock clock = Clock.systemUTC();
        Tls tls = null;
        String keystore = options.get("tls-keystore", null);
        if (keystore != null) {
            String password = System.getenv(TLS_PASSWORD);
            if (password == null) {
                err.println("--tls-keystore needs the keystore's password in the environment variable " + TLS_PASSWORD + ".");
                return USAGE;
            }
            try {
                tls = Tls.load(Path.of(keystore), password.toCharArray());
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return USAGE;
            }
        }
        try (MasterStore store = MasterOptions.store(options, clock);
             MasterServer server = new MasterServer(store, clock, Duration.ofHours(hours), tls);
             CacheSnapshots snapshots = snapshots(options, store, clock, err)) {
            if (demoCustomers > 0 && store.latestSeq() == 0) {
                Map<String, String> users = DemoMaster.seed(store, server.authenticator(),
                        new DemoCompany(42, LocalDate.now(clock), 10), demoCustomers, clock, done -> { });
                out.println("Seeded " + demoCustomers + " demo customers. Demo users (shown once): " + users);
            }
            if (snapshots != null) {
                server.serveSnapshots(snapshots.refreshEvery(CacheSnapshots.CHECK_PERIOD));
            }
            int bound = server.start(host, port);
            out.println("Ringside master on " + (tls == null ? "http" : "https") + "://" + host + ":" + bound + MasterServer.API + " (Ctrl+C stops it)");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return OK;
        } catch (MasterException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    /**
     * The server's cache snapshots: in --snapshot-dir, which must then work, or in the default folder, without which
     * the server still runs and desks sync page by page.
     */
    private static CacheSnapshots snapshots(Options options, MasterStore store, Clock clock, PrintStream err) {
        try {
            return new CacheSnapshots(store, MasterOptions.snapshotDirectory(options), CacheSnapshots.DEFAULT_MIN_CHANGES,
                    clock);
        } catch (MasterException e) {
            if (options.get("snapshot-dir", null) != null) {
                throw e;
            }
            err.println("No cache snapshots for desks syncing for the first time (" + e.getMessage()
                    + "); give --snapshot-dir to keep them.");
            return null;
        }
    }
}
