package com.ringside.desktop.rules;

import com.ringside.desktop.DeskSession;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CoolDown;
import com.ringside.domain.Customer;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.policy.RuleReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Rules as supervisors manage them: list, save as a new version, and preview against recent history. */
public final class RulesService {
    public static final Duration PREVIEW_PERIOD = Duration.ofDays(30);
    private static final int EXAMPLES = 200;
    private static final RuleReplay REPLAY = new RuleReplay(new ContactPolicy(new JollydayHolidays(), new PhoneZones()));

    private final DeskSession session;

    public RulesService(DeskSession session) {
        this.session = session;
    }

    public List<ContactRule> current() {
        return session.rules().current();
    }

    public ContactRule save(ContactRule rule) {
        return session.rules().save(rule, session.user().id(), session.clock().instant());
    }

    /**
     * Replays the last 30 days of outbound calls in the cache through {@code rule}. The cache streams customers
     * on this thread while a second thread replays them, so reading and deciding overlap.
     */
    public Preview preview(ContactRule rule) {
        Instant now = session.clock().instant();
        Instant from = now.minus(PREVIEW_PERIOD);
        BlockingQueue<Group> queue = new ArrayBlockingQueue<>(4_096);
        Replayer replayer = new Replayer(rule, from, queue);
        Thread worker = new Thread(replayer, "rule-preview");
        worker.setDaemon(true);
        worker.start();
        try {
            session.events().forEachCustomerSince(from.minus(lookBack(rule)), (customer, events) ->
                    put(queue, new Group(customer, events)));
        } finally {
            put(queue, Group.END);
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The preview was interrupted.", e);
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
        private final ContactRule rule;
        private final Instant from;
        private final BlockingQueue<Group> queue;
        private final List<PreviewHit> examples = new ArrayList<>();
        private int calls;
        private int customers;
        private volatile RuntimeException failure;

        Replayer(ContactRule rule, Instant from, BlockingQueue<Group> queue) {
            this.rule = rule;
            this.from = from;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                for (Group group = queue.take(); group != Group.END; group = queue.take()) {
                    if (failure != null) {
                        continue;
                    }
                    List<ContactEvent> blocked = REPLAY.wouldHaveBlocked(rule, group.customer(), group.events(), from);
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

        /** Keeps taking until the end, so the reading thread is never left blocked on a full queue. */
        private void drain() {
            try {
                while (queue.take() != Group.END) {
                    // discard
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How far before the preview period the history must reach for the rule's longest window to be complete. */
    private static Duration lookBack(ContactRule rule) {
        Duration longest = Duration.ofDays(1);
        if (rule.attemptCap() != null) {
            longest = max(longest, rule.attemptCap().window().length());
        }
        for (CoolDown coolDown : rule.coolDowns()) {
            longest = max(longest, coolDown.period().length());
        }
        return longest.plusDays(1);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** What the rule would have blocked: how many calls, to how many customers, and some of them. */
    public record Preview(int calls, int customers, List<PreviewHit> examples) {
    }

    /** One call the rule would have blocked. */
    public record PreviewHit(String customerName, ContactEvent call) {
    }
}
