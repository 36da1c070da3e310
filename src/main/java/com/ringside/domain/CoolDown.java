package com.ringside.domain;

import java.util.Set;

/**
 * No attempt for a period after a call ended in one of {@code afterOutcomes}. With calendar days, the day of the
 * call is day one and calls are allowed again from local midnight after the last day.
 */
public record CoolDown(Set<Outcome> afterOutcomes, ContactWindow period, boolean includeInbound) {
    public CoolDown {
        afterOutcomes = afterOutcomes == null ? Set.of() : Set.copyOf(afterOutcomes);
        if (afterOutcomes.isEmpty()) {
            throw new InvalidValueException("coolDowns.afterOutcomes", "name at least one outcome");
        }
        Checks.required("coolDowns.period", period);
    }
}
