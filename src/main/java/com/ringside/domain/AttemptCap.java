package com.ringside.domain;

import java.util.Set;

/** At most {@code max} outbound attempts in a window; the call being asked for counts as one more. */
public record AttemptCap(int max, ContactWindow window, CountPer per, CountAcross countAcross, Set<Outcome> countOutcomes) {
    public AttemptCap {
        if (max < 1) {
            throw new InvalidValueException("attemptCap.max", "must be at least 1");
        }
        Checks.required("attemptCap.window", window);
        per = per == null ? CountPer.CUSTOMER : per;
        countAcross = countAcross == null ? CountAcross.ALL : countAcross;
        countOutcomes = countOutcomes == null ? Set.of() : Set.copyOf(countOutcomes);
    }
}
