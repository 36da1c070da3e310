package com.ringside.sync;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.SyncStore;
import com.ringside.domain.UserRole;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.SessionJson;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A desk's connection to its master: the signed-in session, the client, and the sync engine. The last session is
 * remembered in the cache, so a desk that starts without its master keeps working offline until it expires.
 */
public final class MasterLink implements AutoCloseable {
    private static final String SERVER = "session.server";
    private static final String SESSION = "session.json";

    private final MasterClient client;
    private final SessionJson session;
    private final SyncStore store;
    private final SyncEngine engine;

    private MasterLink(MasterClient client, SessionJson session, SyncStore store, Clock clock, SyncEngine.Listener listener) {
        this.client = client;
        this.session = session;
        this.store = store;
        this.engine = new SyncEngine(client, store, clock, listener);
    }

    /** Signs in to {@code server} and remembers the session in the cache. */
    public static SessionJson signIn(CacheDatabase cache, URI server, String username, String password) {
        MasterClient client = new MasterClient(server);
        SessionJson session = client.signIn(username, password);
        SyncStore store = new SyncStore(cache);
        store.remember(SERVER, server.toString());
        store.remember(SESSION, WireCodec.write(session));
        return session;
    }

    /** The session remembered from the last sign-in to {@code server}, if it has not expired. */
    public static Optional<SessionJson> remembered(CacheDatabase cache, URI server, Instant now) {
        SyncStore store = new SyncStore(cache);
        if (!store.recall(SERVER).map(server.toString()::equals).orElse(false)) {
            return Optional.empty();
        }
        return store.recall(SESSION).map(json -> WireCodec.read(json, SessionJson.class))
                .filter(session -> Instant.parse(session.expiresAt()).isAfter(now));
    }

    /** Starts syncing the cache with {@code server} as the user of {@code session}. */
    public static MasterLink start(CacheDatabase cache, URI server, SessionJson session, Clock clock,
                                   SyncEngine.Listener listener) {
        MasterClient client = new MasterClient(server);
        client.useToken(session.token());
        MasterLink link = new MasterLink(client, session, new SyncStore(cache), clock, listener);
        link.engine.start();
        return link;
    }

    public MasterClient client() {
        return client;
    }

    public SyncEngine engine() {
        return engine;
    }

    public SyncStore store() {
        return store;
    }

    public UUID userId() {
        return UUID.fromString(session.userId());
    }

    public String displayName() {
        return session.displayName();
    }

    public UserRole role() {
        return UserRole.valueOf(session.role());
    }

    /** When the cache last matched the master; null if it never synced. */
    public Instant syncedAt() {
        return store.state().syncedAt();
    }

    @Override
    public void close() {
        engine.close();
    }
}
