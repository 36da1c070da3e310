package com.ringside.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.crash.ServerCrashTrials.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few master crashes in every build (the harness {@code ServerCrashBenchmark} runs dozens): killed while a desk
 * pushes its outbox and while desks ask for permits, the server starts again and the desks catch up by themselves
 * with nothing lost or duplicated, no granted permit lost and no cap exceeded.
 */
class ServerCrashTest {
    @TempDir
    Path dir;

    @Test
    void aServerKilledMidPushOrMidPermitLosesNothingAndTheDesksResume() throws Exception {
        List<Trial> trials = new ArrayList<>();
        try (ServerCrashTrials crashes = new ServerCrashTrials(dir, 17)) {
            long before = crashes.masterEvents();
            trials.add(crashes.midPush());
            assertThat(crashes.masterEvents()).as("1,500 pushed by the desk, each once").isEqualTo(before + 1_500);
            trials.add(crashes.midPermit());
        }
        assertThat(trials).allSatisfy(trial -> assertThat(trial.problems()).as(trial.phase().name()).isEmpty());
    }
}
