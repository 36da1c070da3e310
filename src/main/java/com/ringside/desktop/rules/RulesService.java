package com.ringside.desktop.rules;

import com.ringside.concurrent.DaemonThreads;
import com.ringside.desktop.DeskSession;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CoolDown;
import com.ringside.domain.Customer;
import com.ringside.policy.RuleReplay;
import java.time.Duration;
import java.time.Instant;
import com.ringside.sync.MasterLink;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** Rules as supervisors manage them: list, save as a new version, and preview against recent history. */
public final class RulesService {
    public static final Duration PREVIEW_PERIOD = Duration.ofDays(30);
    private static final int READERS = 2;
    private static final int EXAMPLES = 200;

    private final DeskSession session;

    public RulesService(DeskSession session) {
        this.session = session;
    }

    public List<ContactRule> current() {
        return session.rules().current();
    }

    /**
     * Saves the rule as its next version: at the master when the desk has one (which checks the role and sends the
     * rule to every desk), else in the cache.
     */
    public ContactRule save(ContactRule rule) {
        if (session.link().isPresent()) {
            MasterLink link = session.link().get();
            boolean isNew = session.rules().current().stream().noneMatch(known -> known.id().equals(rule.id()));
            try {
                ContactRule saved = WireCodec.rule(link.client().saveRule(rule, isNew), "rule");
                link.engine().syncNow();
                return saved;
            } catch (MasterRefusedException | MasterUnreachableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (Exception e) {
                throw new IllegalStateException("The rule was saved at the master, but this desk could not sync it: "
                        + e.getMessage(), e);
            }
        }
        return session.rules().save(rule, session.user().id(), session.clock().instant());
    }

    /**
     * Replays the last 30 days of outbound calls in the cache through {@code rule}. Reading a large cache waits on
     * the disk more than on the processor, so {@link #READERS} threads read interleaved shares of the customers,
     * each on its own connection, while one more replays what they read.
     */
    public Preview preview(ContactRule rule) {
        Instant now = session.clock().instant();
        Instant from = now.minus(PREVIEW_PERIOD);
        Instant since = from.minus(rule.lookBack());
        BlockingQueue<Group> queue = new ArrayBlockingQueue<>(4_096);
        Replayer replayer = new Replayer(new RuleReplay(session.policy()), rule, from, queue, READERS);
        Thread worker = DaemonThreads.named("rule-preview").newThread(replayer);
        worker.start();
        List<Thread> readers = new ArrayList<>();
        List<RuntimeException> readFailures = new CopyOnWriteArrayList<>();
        for (int part = 0; part < READERS; part++) {
            int share = part;
            Thread reader = DaemonThreads.named("rule-preview-read-" + part).newThread(() -> {
                try {
                    session.events().forEachCustomerSince(since, share, READERS, (customer, events) ->
                            put(queue, new Group(customer, events)));
                } catch (RuntimeException e) {
                    readFailures.add(e);
                } finally {
                    put(queue, Group.END);
                }
            });
            reader.start();
            readers.add(reader);
        }
        try {
            for (Thread reader : readers) {
                reader.join();
            }
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The preview was interrupted.", e);
        }
        if (!readFailures.isEmpty()) {
            throw readFailures.get(0);
        }
        if (replayer.failure != null) {
            throw new IllegalStateException("The preview failed: " + replayer.failure.getMessage(), replayer.failure);
        }
        return new Preview(replayer.calls, replayer.customers, List.copyOf(replayer.examples));
    }

    private static void put(BlockingQueue<Group> queue, Group group) {
        try {
            queue.put(group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The preview was interrupted.", e);
        }
    }

    /** One customer's recent events; {@link #END} closes the stream. */
    private record Group(Customer customer, List<ContactEvent> events) {
        static final Group END = new Group(null, List.of());
    }

    /** Replays groups as they arrive and tallies what the rule would have blocked. */
    private static final class Replayer implements Runnable {
        private final RuleReplay replay;
        private final ContactRule rule;
        private final Instant from;
        private final BlockingQueue<Group> queue;
        private final List<PreviewHit> examples = new ArrayList<>();
        private int calls;
        private int customers;
        private int open;
        private volatile RuntimeException failure;

        Replayer(RuleReplay replay, ContactRule rule, Instant from, BlockingQueue<Group> queue, int readers) {
            this.replay = replay;
            this.rule = rule;
            this.from = from;
            this.queue = queue;
            this.open = readers;
        }

        @Override
        public void run() {
            try {
                while (open > 0) {
                    Group group = queue.take();
                    if (group == Group.END) {
                        open--;
                        continue;
                    }
                    if (failure != null) {
                        continue;
                    }
                    List<ContactEvent> blocked = replay.wouldHaveBlocked(rule, group.customer(), group.events(), from);
                    if (!blocked.isEmpty()) {
                        calls += blocked.size();
                        customers++;
                        for (int i = 0; i < blocked.size() && examples.size() < EXAMPLES; i++) {
                            examples.add(new PreviewHit(group.customer().displayName(), blocked.get(i)));
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                drain();
            }
        }

        /** Keeps taking until every reader has ended, so none is left blocked on a full queue. */
        private void drain() {
            try {
                while (open > 0) {
                    if (queue.take() == Group.END) {
                        open--;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How far before the preview period the history must reach for the rule's longest window to be complete. */
    /** What the rule would have blocked: how many calls, to how many customers, and some of them. */
    public record Preview(int calls, int customers, List<PreviewHit> examples) {
    }

    /** One call the rule would have blocked. */
    public record PreviewHit(String customerName, ContactEvent call) {
    }
}
