package com.ringside.cli;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CacheException;
import com.ringside.cache.DataDirectory;
import com.ringside.sync.MasterLink;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.sync.SyncEngine;
import com.ringside.sync.SyncStatus;
import com.ringside.wire.WireRecords.SessionJson;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * `ringside sync`: brings a desk's cache level with its master without opening the desk — pushes what waits in
 * the outbox, pulls every change — and exits; for preparing a laptop before it goes offline, and for scripts.
 */
public final class SyncCommand implements Command {
    private static final int ATTEMPTS = 5;

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String summary() {
        return "sync --server URL [--data-dir D] [--username U --password-stdin (without a remembered session)]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        boolean passwordGiven = rest.remove(PasswordInput.FLAG);
        Options options = Options.parse(rest, Set.of("server", "data-dir", "username"));
        String server = options.get("server", null);
        if (server == null) {
            throw new Options.UsageException("--server is required");
        }
        URI address = URI.create(server);
        Clock clock = Clock.systemUTC();
        try (CacheDatabase cache = CacheDatabase.open(DataDirectory.resolve(options.get("data-dir", null)))) {
            Optional<SessionJson> session = passwordGiven ? Optional.empty()
                    : MasterLink.remembered(cache, address, clock.instant());
            if (session.isEmpty()) {
                String username = options.get("username", null);
                if (username == null || !passwordGiven) {
                    throw new Options.UsageException("no session is remembered for " + server
                            + ": give --username and " + PasswordInput.FLAG);
                }
                session = Optional.of(MasterLink.signIn(cache, address, username, new String(PasswordInput.read(in))));
            }
            try (MasterLink link = MasterLink.start(cache, address, session.get(), clock, QUIET)) {
                SyncStatus status = link.engine().status();
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    link.engine().syncNow();
                    status = link.engine().status();
                    if (status.online() && status.problem() == null && status.waiting() == 0) {
                        out.println("In step with " + server + ": " + status.received() + " changes received, "
                                + "nothing waiting to be sent.");
                        return OK;
                    }
                    Thread.sleep(1_000L * attempt);
                }
                err.println("Not in step with " + server + " after " + ATTEMPTS + " attempts: " + status.waiting()
                        + " events wait to be sent" + (status.problem() == null ? "" : "; " + status.problem()));
                return FAILED;
            }
        } catch (Options.UsageException e) {
            throw e;
        } catch (MasterUnreachableException | MasterRefusedException | CacheException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            err.println("The sync stopped: " + e.getMessage());
            return FAILED;
        }
    }

    private static final SyncEngine.Listener QUIET = new SyncEngine.Listener() {
        @Override
        public void status(SyncStatus status) {
        }

        @Override
        public void customersChanged(Set<UUID> customerIds) {
        }
    };
}
