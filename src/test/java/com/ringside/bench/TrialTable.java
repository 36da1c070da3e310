package com.ringside.bench;

import java.util.Locale;
import java.util.Map;

/** The crash harnesses' table: per phase, the trials, the kills that landed mid-work and the trials with a problem. */
final class TrialTable {
    private TrialTable() {
    }

    /** {@code counts}: per phase, {trials, killed mid-work, trials with a problem}. */
    static String of(Map<? extends Enum<?>, int[]> counts) {
        StringBuilder table = new StringBuilder("| phase | trials | killed mid-work | trials with a problem |\n"
                + "|---|---:|---:|---:|\n");
        counts.forEach((phase, count) -> table.append(String.format(Locale.ENGLISH, "| %s | %d | %d | %d |%n",
                phase.name().toLowerCase(Locale.ROOT).replace('_', ' '), count[0], count[1], count[2])));
        return table.toString();
    }
}
