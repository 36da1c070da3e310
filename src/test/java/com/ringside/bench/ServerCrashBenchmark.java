package com.ringside.bench;

import com.ringside.crash.ServerCrashTrials;
import com.ringside.crash.ServerCrashTrials.Phase;
import com.ringside.crash.ServerCrashTrials.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Master crashes in bulk: {@code ServerCrashBenchmark --trials N --out FILE} kills the master server's process
 * with SIGKILL at random moments — half while a desk pushes its outbox, half while eight desks ask for dial
 * permits — starts it again on the same data, and reports, per phase, the trials, how many kills landed mid-work,
 * and the problems found afterwards.
 */
public final class ServerCrashBenchmark {
    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(BenchArgs.arg(args, "--trials", "50"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "target/bench/server-crash.md"));
        Map<Phase, int[]> counts = new EnumMap<>(Phase.class);
        List<String> problems = new ArrayList<>();
        int[] calls = new int[5];
        long started = System.nanoTime();
        try (ServerCrashTrials crashes = new ServerCrashTrials(Files.createTempDirectory("ringside-server-crash-bench"),
                2026)) {
            for (int i = 0; i < trials; i++) {
                Trial trial = i % 2 == 0 ? crashes.midPush() : crashes.midPermit();
                int[] count = counts.computeIfAbsent(trial.phase(), phase -> new int[3]);
                count[0]++;
                count[1] += trial.killedMidWork() ? 1 : 0;
                count[2] += trial.problems().isEmpty() ? 0 : 1;
                trial.problems().forEach(problem -> problems.add(trial.phase() + ": " + problem));
                calls[0] += trial.calls().placed();
                calls[1] += trial.calls().permitted();
                calls[2] += trial.calls().answersLost();
                calls[3] += trial.calls().withdrawn();
                calls[4] += trial.calls().flagged();
            }
        }
        String table = TrialTable.of(counts);
        String text = String.format(Locale.ENGLISH, "# Master server crashes%n%n%s%n%d trials in %.0f s. In the permit "
                + "trials the desks placed %,d calls: %,d with a permit; %,d more that the master had permitted but whose "
                + "answer the crash cut off, placed offline under the permit's id and kept once as permitted calls; the "
                + "rest offline, %,d of them flagged as over the cap. Permits granted whose answer the crash cut off "
                + "and whose call the desk's own check then refused: %,d, each withdrawn, so the master keeps no call "
                + "that nobody made.%n%s", table, trials,
                (System.nanoTime() - started) / 1e9, calls[0], calls[1], calls[2], calls[4], calls[3],
                problems.isEmpty() ? "" : "\nProblems:\n- " + String.join("\n- ", problems) + "\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.print(text);
    }
}
