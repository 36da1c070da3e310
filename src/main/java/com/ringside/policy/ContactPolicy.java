package com.ringside.policy;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CoolDown;
import com.ringside.domain.Customer;
import com.ringside.domain.DecisionReason;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The contact-policy engine: rules, customer, history and request → decision. Pure: no clock of its own, no I/O;
 * client, server and CLI run this same code, so they agree to the second.
 */
public final class ContactPolicy {
    private static final int MAX_STEPS = 500;
    private static final Duration HORIZON = Duration.ofDays(800);

    private final HolidayCalendar holidays;
    private final ZoneCandidates zoneCandidates;

    public ContactPolicy(HolidayCalendar holidays, ZoneCandidates zoneCandidates) {
        this.holidays = holidays;
        this.zoneCandidates = zoneCandidates;
    }

    /** Decides with authoritative data (the master's, or the server's own). */
    public DialDecision decide(List<ContactRule> rules, Customer customer, List<ContactEvent> history,
                               DialRequest request) {
        return decide(rules, customer, history, request, null);
    }

    /**
     * Decides from a cache last synced at {@code cacheSyncedAt}; such a decision is provisional and the master
     * checks it again when the call is pushed. A null {@code cacheSyncedAt} means the data is authoritative.
     */
    public DialDecision decide(List<ContactRule> rules, Customer customer, List<ContactEvent> history,
                               DialRequest request, Instant cacheSyncedAt) {
        Supplier<String> country = Lazy.of(() -> zoneCandidates.countryOf(request.number()));
        List<ContactRule> applicable = rules.stream()
                .filter(rule -> rule.enabled()
                        && rule.appliesTo().covers(request.lineOfBusiness(), request.campaign(), country))
                .toList();
        List<ContactEvent> sorted = history.stream()
                .filter(event -> event.customerId().equals(customer.id()))
                .sorted(Comparator.comparing(ContactEvent::occurredAt)).toList();
        Situation situation = new Situation(customer, sorted, request, zones(customer, request), cacheSyncedAt);

        List<Finding> findings = evaluate(applicable, situation, request.at());
        Verdict verdict = Verdict.ALLOW;
        for (Finding finding : findings) {
            verdict = verdict.strictest(finding.rule().severity());
        }
        Map<UUID, Long> versions = new LinkedHashMap<>();
        applicable.forEach(rule -> versions.put(rule.id(), rule.version()));
        List<DecisionReason> reasons = findings.stream().map(Finding::reason).toList();
        return new DialDecision(verdict, nextAllowedAt(applicable, situation, findings), cacheSyncedAt != null,
                reasons, overrideRole(findings), versions);
    }

    /**
     * Only the verdict, by the same checks as {@link #decide}: for replaying many past calls, where when a call
     * would have been allowed and the words of each reason are not needed. {@code sortedHistory} is the
     * customer's events, oldest first.
     */
    public Verdict verdict(List<ContactRule> rules, Customer customer, List<ContactEvent> sortedHistory,
                           DialRequest request) {
        Supplier<String> country = Lazy.of(() -> zoneCandidates.countryOf(request.number()));
        Situation situation = new Situation(customer, sortedHistory, request, zones(customer, request), null);
        Verdict verdict = Verdict.ALLOW;
        for (ContactRule rule : rules) {
            if (rule.enabled() && rule.appliesTo().covers(request.lineOfBusiness(), request.campaign(), country)) {
                for (Finding finding : evaluate(List.of(rule), situation, request.at())) {
                    verdict = verdict.strictest(finding.rule().severity());
                }
            }
        }
        return verdict;
    }

    private List<Finding> evaluate(List<ContactRule> rules, Situation situation, Instant at) {
        List<Finding> findings = new ArrayList<>();
        for (ContactRule rule : rules) {
            findings.addAll(FlagChecks.check(rule, situation, at));
            if (rule.attemptCap() != null) {
                AttemptCapCheck.check(rule, situation, at).ifPresent(findings::add);
            }
            for (CoolDown coolDown : rule.coolDowns()) {
                CoolDownCheck.check(rule, coolDown, situation, at).ifPresent(findings::add);
            }
            if (rule.callingHours() != null || rule.holidays() != null) {
                CallingHoursCheck.check(rule, situation, at, holidays).ifPresent(findings::add);
            }
        }
        return findings;
    }

    /**
     * The earliest whole second ≥ now at which nothing blocks: each blocking finding names when it lifts, so jump
     * to the latest of those and look again, until nothing blocks or something never lifts.
     */
    private Instant nextAllowedAt(List<ContactRule> rules, Situation situation, List<Finding> atNow) {
        Instant now = situation.request().at();
        List<Finding> blocking = atNow.stream().filter(Finding::blocks).toList();
        Instant candidate = now;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (blocking.isEmpty()) {
                return candidate;
            }
            Instant latest = candidate;
            for (Finding finding : blocking) {
                if (finding.until() == null) {
                    return null;
                }
                latest = finding.until().isAfter(latest) ? finding.until() : latest;
            }
            Instant next = ceilToSecond(latest);
            candidate = next.isAfter(candidate) ? next : candidate.plusSeconds(1);
            if (candidate.isAfter(now.plus(HORIZON))) {
                return null;
            }
            blocking = evaluate(rules, situation, candidate).stream().filter(Finding::blocks).toList();
        }
        return null;
    }

    /** Looked up only if a check works in local time: a rolling window does not. */
    private Supplier<List<ZoneId>> zones(Customer customer, DialRequest request) {
        if (customer.timeZone() != null) {
            return () -> List.of(customer.timeZone());
        }
        return Lazy.of(() -> {
            List<ZoneId> candidates = zoneCandidates.zonesFor(request.number());
            return candidates.isEmpty() ? List.of(ZoneOffset.UTC) : candidates;
        });
    }

    /** The least role that may call despite every blocking finding; null if some rule lets nobody override. */
    private static UserRole overrideRole(List<Finding> findings) {
        UserRole needed = null;
        for (Finding finding : findings) {
            if (!finding.blocks()) {
                continue;
            }
            UserRole role = finding.rule().overrideRole();
            if (role == null) {
                return null;
            }
            needed = needed == null || role.atLeast(needed) ? role : needed;
        }
        return needed;
    }

    private static Instant ceilToSecond(Instant instant) {
        return instant.getNano() == 0 ? instant : Instant.ofEpochSecond(instant.getEpochSecond() + 1);
    }
}
