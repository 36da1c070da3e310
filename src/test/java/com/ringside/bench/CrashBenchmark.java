package com.ringside.bench;

import com.ringside.crash.DeskCrashTrials;
import com.ringside.crash.DeskCrashTrials.Phase;
import com.ringside.crash.DeskCrashTrials.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Desk crashes in bulk: {@code CrashBenchmark --trials N --out FILE} kills the desk's sync process with SIGKILL at
 * random moments — a third during first syncs, a third during incremental syncs, a third during outbox pushes —
 * and reports, per phase, the trials, how many kills landed mid-work, and the problems found afterwards.
 */
public final class CrashBenchmark {
    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(BenchArgs.arg(args, "--trials", "200"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "target/bench/crash.md"));
        Map<Phase, int[]> counts = new EnumMap<>(Phase.class);
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        try (DeskCrashTrials crashes = new DeskCrashTrials(Files.createTempDirectory("ringside-crash-bench"), 2026)) {
            Path desk = crashes.newDesk();
            for (int i = 0; i < trials; i++) {
                Trial trial = switch (i % 3) {
                    case 0 -> crashes.firstSync(desk = crashes.newDesk());
                    case 1 -> crashes.incrementalSync(desk);
                    default -> crashes.outboxPush(desk);
                };
                int[] count = counts.computeIfAbsent(trial.phase(), phase -> new int[3]);
                count[0]++;
                count[1] += trial.killedMidWork() ? 1 : 0;
                count[2] += trial.problems().isEmpty() ? 0 : 1;
                trial.problems().forEach(problem -> problems.add(trial.phase() + ": " + problem));
            }
        }
        String table = TrialTable.of(counts);
        String text = String.format(Locale.ENGLISH, "# Desk crashes%n%n%s%n%d trials in %.0f s.%n%s", table, trials,
                (System.nanoTime() - started) / 1e9, problems.isEmpty() ? "" : "\nProblems:\n- " + String.join("\n- ", problems) + "\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.print(text);
    }
}
