package com.ringside.desktop.rules;

import com.ringside.desktop.DeskSession;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CoolDown;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.policy.RuleReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** Replays the last 30 days of outbound calls in the cache through {@code rule}. */
    public Preview preview(ContactRule rule) {
        Instant now = session.clock().instant();
        Instant from = now.minus(PREVIEW_PERIOD);
        List<PreviewHit> examples = new ArrayList<>();
        int[] counts = new int[2];
        session.events().forEachCustomerSince(from.minus(lookBack(rule)), (customer, events) -> {
            List<ContactEvent> blocked = REPLAY.wouldHaveBlocked(rule, customer, events, from);
            if (!blocked.isEmpty()) {
                counts[0] += blocked.size();
                counts[1]++;
                for (ContactEvent call : blocked) {
                    if (examples.size() < EXAMPLES) {
                        examples.add(new PreviewHit(customer.displayName(), call));
                    }
                }
            }
        });
        return new Preview(counts[0], counts[1], examples);
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
