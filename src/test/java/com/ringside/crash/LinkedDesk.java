package com.ringside.crash;

import com.ringside.cache.CacheDatabase;
import com.ringside.desktop.DeskSession;
import com.ringside.desktop.DeskUser;
import com.ringside.desktop.dial.CallRefusedException;
import com.ringside.desktop.dial.DialService;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.sync.MasterLink;
import com.ringside.testing.QuietSync;
import com.ringside.wire.WireRecords.SessionJson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A desk as the application runs it, in this process: its own cache file, its link to the master syncing in the
 * background, and the dial service every call goes through — a permit online, the cache's decision offline.
 */
final class LinkedDesk implements AutoCloseable {
    /** A call the desk believes it placed, as the agent wrapped it up; {@code granted}: the master gave a permit. */
    record Placed(ContactEvent call, boolean granted) {
    }

    private static final Outcome[] OUTCOMES = {Outcome.NO_ANSWER, Outcome.BUSY, Outcome.VOICEMAIL, Outcome.CONVERSATION};

    private final DeskSession session;
    private final MasterLink link;
    private final List<Placed> placed = new ArrayList<>();

    private LinkedDesk(DeskSession session) {
        this.session = session;
        this.link = session.link().orElseThrow();
    }

    /** Opens the desk signed in to {@code master} in {@code directory} and starts its sync. */
    static LinkedDesk open(Path directory, URI master, Clock clock) {
        CacheDatabase cache = CacheDatabase.open(directory);
        SessionJson signedIn = MasterLink.remembered(cache, master, clock.instant()).orElseThrow();
        DeskSession session = DeskSession.forMaster(cache, clock, new DeskUser(UUID.fromString(signedIn.userId()),
                signedIn.displayName(), UserRole.valueOf(signedIn.role())), number -> { });
        session.attach(MasterLink.start(cache, master, signedIn, clock, QuietSync.LISTENER));
        return new LinkedDesk(session);
    }

    /** Syncs now and waits for it. */
    void sync() throws Exception {
        link.engine().syncNow();
    }

    /**
     * Calls customers picked at random until {@code stop}, wrapping each call up shortly after; a call the guard
     * refuses is not placed. {@code asking} counts the desks deciding a call right now, {@code granted} the permits.
     */
    void dial(List<Customer> customers, String campaign, Random random, AtomicBoolean stop, AtomicInteger asking,
              AtomicInteger granted) throws InterruptedException {
        DialService dial = new DialService(session);
        while (!stop.get()) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            ContactEvent call = null;
            asking.incrementAndGet();
            try {
                call = dial.place(customer.id(), customer.phones().get(0).number(), LineOfBusiness.INSURANCE, campaign,
                        null);
            } catch (CallRefusedException refused) {
                // the guard said no: nothing was dialled or recorded
            } finally {
                asking.decrementAndGet();
            }
            if (call != null) {
                granted.addAndGet(call.provisional() ? 0 : 1);
                Thread.sleep(random.nextInt(20));
                placed.add(new Placed(dial.complete(call, OUTCOMES[random.nextInt(OUTCOMES.length)], "", null, 30),
                        !call.provisional()));
            }
            Thread.sleep(random.nextInt(20));
        }
    }

    /** What this desk placed; read once its {@link #dial} has returned. */
    List<Placed> placed() {
        return placed;
    }

    int waiting() {
        return session.events().outboxSize();
    }

    /** Nothing left to send, and every change up to {@code latestSeq} received. */
    boolean level(long latestSeq) {
        return waiting() == 0 && link.store().state().cursor() >= latestSeq;
    }

    List<String> problems(Map<String, String> atMaster) {
        return CrashChecks.deskProblems(session.database(), atMaster);
    }

    @Override
    public void close() {
        session.close();
    }
}
