package com.ringside.policy;

import com.ringside.domain.AttemptCap;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.ReasonCode;
import com.ringside.domain.LineOfBusiness;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * At most N attempts in a window. An attempt is an outbound call with any outcome, PENDING included. A rolling
 * window counts an attempt at t while {@code now − W < t ≤ now}; a window of N calendar days counts it while its
 * local date is one of the N dates ending today. The call asked for is the +1.
 */
final class AttemptCapCheck {
    private AttemptCapCheck() {
    }

    static Optional<Finding> check(ContactRule rule, Situation situation, Instant at) {
        AttemptCap cap = rule.attemptCap();
        List<ContactEvent> attempts = attempts(cap, situation.request(), situation.history());
        if (!cap.window().calendarDays()) {
            return inWindow(rule, cap, attempts, at.minus(cap.window().length()), at, null);
        }
        Finding strictest = null;
        for (ZoneId zone : situation.zones()) {
            LocalDate today = Situation.localDate(at, zone);
            Instant windowStart = Situation.startOfDay(today.minusDays(cap.window().days() - 1L), zone);
            Optional<Finding> finding = inWindow(rule, cap, attempts, windowStart.minusMillis(1), at, zone);
            if (finding.isPresent() && (strictest == null || finding.get().until().isAfter(strictest.until()))) {
                strictest = finding.get();
            }
        }
        return Optional.ofNullable(strictest);
    }

    /** Counts attempts with {@code after < t ≤ at}; {@code zone} is null for a rolling window. */
    private static Optional<Finding> inWindow(ContactRule rule, AttemptCap cap, List<ContactEvent> attempts,
                                              Instant after, Instant at, ZoneId zone) {
        List<ContactEvent> counted = new ArrayList<>();
        for (ContactEvent attempt : attempts) {
            if (attempt.occurredAt().isAfter(after) && !attempt.occurredAt().isAfter(at)) {
                counted.add(attempt);
            }
        }
        if (counted.size() + 1 <= cap.max()) {
            return Optional.empty();
        }
        ContactEvent leaving = counted.get(counted.size() - cap.max());
        ContactWindow window = cap.window();
        Instant until = zone == null ? leaving.occurredAt().plus(window.length())
                : Situation.startOfDay(Situation.localDate(leaving.occurredAt(), zone).plusDays(window.days()), zone);
        String span = zone == null ? "the last " + Words.span(window)
                : "the " + Words.span(window) + " to " + Words.day(at, zone);
        String message = Words.plural(counted.size(), "call") + scope(cap, leaving) + " in " + span
                + " (limit " + cap.max() + ")";
        return Optional.of(new Finding(rule, ReasonCode.ATTEMPT_CAP, message, until));
    }

    /** Attempts that count towards this cap for this request, oldest first (history is sorted). */
    private static List<ContactEvent> attempts(AttemptCap cap, DialRequest request, List<ContactEvent> history) {
        List<ContactEvent> attempts = new ArrayList<>();
        for (ContactEvent event : history) {
            if (event.isOutboundCall()
                    && (cap.per() == CountPer.CUSTOMER || request.number().equals(event.number()))
                    && (cap.countAcross() != CountAcross.SAME_LINE_OF_BUSINESS
                        || event.lineOfBusiness() == request.lineOfBusiness())
                    && (cap.countAcross() != CountAcross.SAME_CAMPAIGN || Objects.equals(event.campaign(), request.campaign()))
                    && (cap.countOutcomes().isEmpty() || cap.countOutcomes().contains(event.outcome()))) {
                attempts.add(event);
            }
        }
        return attempts;
    }

    private static String scope(AttemptCap cap, ContactEvent example) {
        StringBuilder words = new StringBuilder();
        if (cap.per() == CountPer.NUMBER) {
            words.append(" to ").append(example.number().e164());
        }
        if (cap.countAcross() == CountAcross.SAME_LINE_OF_BUSINESS) {
            words.append(" from ").append(lineName(example.lineOfBusiness()));
        } else if (cap.countAcross() == CountAcross.SAME_CAMPAIGN) {
            words.append(" in campaign ").append(example.campaign() == null ? "(none)" : example.campaign());
        }
        if (!cap.countOutcomes().isEmpty()) {
            words.append(" ending ").append(cap.countOutcomes().stream().map(o -> o.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')).sorted().reduce((a, b) -> a + " or " + b).orElse(""));
        }
        return words.toString();
    }

    static String lineName(LineOfBusiness line) {
        String name = line.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
