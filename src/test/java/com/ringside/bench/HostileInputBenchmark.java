package com.ringside.bench;

import com.ringside.hostile.HostileTargets;
import com.ringside.hostile.Mutations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * The hostile-input checks of {@code HostileInputProperties} over many inputs: per target, inputs tried, findings
 * (with the seed that replays the first) and inputs per second. {@code HostileInputBenchmark --scale N --out FILE}:
 * scale 1 tries 1,000,000 inputs in all.
 */
public final class HostileInputBenchmark {
    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(BenchArgs.arg(args, "--scale", "1"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "target/bench/hostile.md"));
        StringBuilder table = new StringBuilder("| target | inputs | findings | first finding (seed) | inputs/s |\n"
                + "|---|---:|---:|---|---:|\n");
        long total = 0;
        try (HostileTargets targets = new HostileTargets(Files.createTempDirectory("ringside-hostile-bench"))) {
            total += run(table, "phone normaliser", (long) (550_000 * scale), seed -> {
                Random random = new Random(seed);
                targets.phone(Mutations.mutate(HostileTargets.phoneSeeds().get(random.nextInt(7)), random));
            });
            total += run(table, "rule validator + decide", (long) (400_000 * scale), seed -> {
                Random random = new Random(seed);
                targets.rule(Mutations.mutate(HostileTargets.RULE_SEEDS.get(
                        random.nextInt(HostileTargets.RULE_SEEDS.size())), random));
            });
            total += run(table, "JSON endpoints (HTTP)", (long) (45_000 * scale), seed -> {
                String[] request = HostileTargets.mutatedRequest(new Random(seed));
                targets.post(request[0], request[1]);
            });
            total += run(table, "CSV importer (SQLite master)", (long) (5_000 * scale), seed ->
                    targets.extract(Mutations.mutate(HostileTargets.CSV_SEED, new Random(seed))));
        }
        String text = String.format(Locale.ENGLISH, "%s%n%,d inputs in all.%n", table, total);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.print(text);
    }

    private static long run(StringBuilder table, String target, long inputs, LongConsumer check) {
        long findings = 0;
        List<String> first = new ArrayList<>();
        long started = System.nanoTime();
        for (long seed = 1; seed <= inputs; seed++) {
            try {
                check.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                findings++;
                if (first.isEmpty()) {
                    first.add(seed + ": " + String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' '));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        table.append(String.format(Locale.ENGLISH, "| %s | %,d | %,d | %s | %,.0f |%n", target, inputs, findings,
                first.isEmpty() ? "—" : first.get(0), inputs / seconds));
        return inputs;
    }
}
