package com.ringside.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A call-frequency rule set by supervisors. Any part may be absent; {@code severity} is BLOCK or WARN, and
 * {@code overrideRole} is the least role that may call despite it (null: nobody).
 */
public record ContactRule(UUID id, long version, String name, boolean enabled, Verdict severity, UserRole overrideRole,
                          RuleScope appliesTo, AttemptCap attemptCap, List<CoolDown> coolDowns,
                          CallingHours callingHours, String holidays, boolean doNotCall, Duration requireFreshCache) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public ContactRule {
        Checks.required("id", id);
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
        name = Checks.requiredText("name", name);
        if (name.length() > 120) {
            throw new InvalidValueException("name", "must be at most 120 characters");
        }
        severity = severity == null ? Verdict.BLOCK : severity;
        if (severity == Verdict.ALLOW) {
            throw new InvalidValueException("severity", "must be BLOCK or WARN");
        }
        appliesTo = appliesTo == null ? RuleScope.EVERY_CALL : appliesTo;
        coolDowns = Checks.copy("coolDowns", coolDowns);
        if (holidays != null) {
            holidays = holidays.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(holidays)) {
                throw new InvalidValueException("holidays", "'" + holidays + "' is not an ISO country code such as US or FR");
            }
        }
        if (requireFreshCache != null && (requireFreshCache.isNegative() || requireFreshCache.isZero())) {
            throw new InvalidValueException("requireFreshCache", "must be longer than zero");
        }
    }

    public ContactRule withVersion(long newVersion) {
        return new ContactRule(id, newVersion, name, enabled, severity, overrideRole, appliesTo, attemptCap, coolDowns,
                callingHours, holidays, doNotCall, requireFreshCache);
    }

    public ContactRule withEnabled(boolean on) {
        return new ContactRule(id, version, name, on, severity, overrideRole, appliesTo, attemptCap, coolDowns,
                callingHours, holidays, doNotCall, requireFreshCache);
    }

    /** How far back history must reach for this rule to be judged, with a day to spare for calendar days. */
    public Duration lookBack() {
        Duration longest = Duration.ofDays(1);
        if (attemptCap != null && attemptCap.window().length().compareTo(longest) > 0) {
            longest = attemptCap.window().length();
        }
        for (CoolDown coolDown : coolDowns) {
            if (coolDown.period().length().compareTo(longest) > 0) {
                longest = coolDown.period().length();
            }
        }
        return longest.plusDays(1);
    }

    /** The history every rule in {@code rules} needs: the longest look-back among them. */
    public static Duration lookBack(Collection<ContactRule> rules) {
        return rules.stream().map(ContactRule::lookBack).max(Comparator.naturalOrder())
                .orElse(Duration.ofDays(1));
    }
}
