package com.ringside.bench;

import com.ringside.desktop.DeskSession;
import com.ringside.desktop.DeskUser;
import com.ringside.desktop.rules.RulesService;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Ids;
import com.ringside.domain.UserRole;
import com.ringside.policy.Presets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * The supervisor's 30-day preview of one rule, through the same service the rules window uses, over a cache made
 * by {@link DeskBenchmark}: {@code PreviewBenchmark <data-dir> <as-of instant>}. Prints the table row.
 */
public final class PreviewBenchmark {
    public static void main(String[] args) {
        System.out.println(row(Path.of(args.length > 0 ? args[0] : "target/bench-cache"),
                Instant.parse(args.length > 1 ? args[1] : "2026-03-08T12:00:00Z")));
    }

    /** Rows for the company default (rolling window) and TCPA hours (local time, per number's country). */
    static String row(Path dataDir, Instant now) {
        return row(dataDir, now, Presets.companyDefault(Ids.newId())) + "\n" + row(dataDir, now, Presets.tcpaHours(Ids.newId()));
    }

    static String row(Path dataDir, Instant now, ContactRule rule) {
        try (DeskSession session = DeskSession.open(dataDir, Clock.fixed(now, ZoneOffset.UTC),
                new DeskUser(UUID.randomUUID(), "bench", UserRole.SUPERVISOR), number -> { })) {
            long started = System.nanoTime();
            RulesService.Preview preview = new RulesService(session).preview(rule);
            return String.format(Locale.ROOT, "| 30-day preview of \"%s\" over the whole cache (would have blocked %,d "
                    + "calls to %,d customers) | 1 | %,d ms | | | ≤ 10,000 ms |", rule.name(), preview.calls(),
                    preview.customers(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
