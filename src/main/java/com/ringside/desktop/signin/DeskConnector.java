package com.ringside.desktop.signin;

import com.ringside.cache.CacheDatabase;
import com.ringside.cti.Dialer;
import com.ringside.desktop.DeskSession;
import com.ringside.desktop.DeskUser;
import com.ringside.desktop.EmbeddedMasterStarter;
import com.ringside.desktop.shell.MainWindow;
import com.ringside.desktop.shell.SyncFeed;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.UserRole;
import com.ringside.sync.MasterLink;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireRecords.SessionJson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the desk from a blank window to a signed-in, syncing session: starts the embedded master when no server is
 * given, opens the cache, asks who is at the desk, and falls back to the last session when the master is away.
 */
public final class DeskConnector implements AutoCloseable, SignInPane.Actions {
    private static final Logger LOG = LoggerFactory.getLogger(DeskConnector.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final MainWindow window;
    private final Background background;
    private final Clock clock;
    private final Dialer dialer;
    private final Consumer<DeskSession> opened;
    private final SignInPane pane = new SignInPane(this);
    private Prepared prepared;

    /** What is ready before anyone signs in. */
    private record Prepared(URI server, CacheDatabase cache, EmbeddedMasterStarter.Started embedded,
                            Optional<SessionJson> remembered) {
    }

    public DeskConnector(MainWindow window, Background background, Clock clock, Dialer dialer,
                         Consumer<DeskSession> opened) {
        this.window = window;
        this.background = background;
        this.clock = clock;
        this.dialer = dialer;
        this.opened = opened;
    }

    /**
     * Prepares off the FX thread, then shows the sign-in card. With no {@code server}, {@code starter} runs the
     * master on this computer; {@code suggestedUser} fills the user field.
     */
    public void begin(Path dataDirectory, URI server, EmbeddedMasterStarter starter, String suggestedUser) {
        window.showMessage(Messages.get(server == null ? "signin.starting" : "status.opening"));
        background.run(() -> prepare(dataDirectory, server, starter), ready -> {
            prepared = ready;
            String password = ready.embedded() == null ? null : ready.embedded().demoPasswords().get(suggestedUser);
            String hint = ready.embedded() == null ? null : Messages.get("signin.embeddedHint",
                    dataDirectory.resolve("master").resolve("demo-users.properties"), ready.server());
            pane.fill(ready.server().toString(), suggestedUser, password, hint);
            ready.remembered().ifPresent(session -> pane.offerOffline(Messages.get("signin.offline",
                    session.displayName(), WHEN.format(Instant.parse(session.expiresAt()).atZone(ZoneId.systemDefault())))));
            window.showSignIn(pane.node());
            pane.focus();
        }, failure -> {
            LOG.error("The desk could not start", failure);
            window.fail(failure.getMessage());
        });
    }

    private Prepared prepare(Path dataDirectory, URI server, EmbeddedMasterStarter starter) {
        EmbeddedMasterStarter.Started embedded = server == null ? starter.start(dataDirectory) : null;
        URI address = server == null ? embedded.url() : server;
        CacheDatabase cache = CacheDatabase.open(dataDirectory);
        return new Prepared(address, cache, embedded, MasterLink.remembered(cache, address, clock.instant()));
    }

    @Override
    public void signIn(String server, String username, String password) {
        background.run(() -> {
            URI address = URI.create(server);
            return new Object[] {address, MasterLink.signIn(prepared.cache(), address, username, password)};
        }, signedIn -> start((URI) signedIn[0], (SessionJson) signedIn[1]), failure -> {
            if (failure instanceof MasterUnreachableException) {
                pane.showProblem(Messages.get("signin.unreachable", failure.getMessage()));
            } else if (failure instanceof MasterRefusedException || failure instanceof IllegalArgumentException) {
                pane.showProblem(failure.getMessage());
            } else {
                LOG.error("Sign-in failed", failure);
                pane.showProblem(failure.getMessage());
            }
        });
    }

    @Override
    public void workOffline() {
        prepared.remembered().ifPresent(session -> start(prepared.server(), session));
    }

    private void start(URI server, SessionJson session) {
        DeskUser user = new DeskUser(UUID.fromString(session.userId()), session.displayName(),
                UserRole.valueOf(session.role()));
        DeskSession desk = DeskSession.forMaster(prepared.cache(), clock, user, dialer);
        SyncFeed feed = new SyncFeed();
        desk.attach(MasterLink.start(prepared.cache(), server, session, clock, feed));
        window.attach(desk, feed);
        opened.accept(desk);
    }

    /** Stops the embedded master, if this desk started one. */
    @Override
    public void close() {
        if (prepared != null && prepared.embedded() != null) {
            try {
                prepared.embedded().stop().close();
            } catch (Exception e) {
                LOG.warn("The embedded master did not stop cleanly", e);
            }
        }
    }
}
