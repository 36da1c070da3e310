package com.ringside.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.crash.DeskCrashTrials.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few desk crashes in every build (the harness {@code CrashBenchmark} runs hundreds): killed during the first
 * sync, an incremental sync and an outbox push, the desk resumes by itself with nothing lost or duplicated.
 */
class DeskCrashTest {
    @TempDir
    Path dir;

    @Test
    void aDeskKilledMidSyncOrMidPushResumesWithNothingLostOrDuplicated() throws Exception {
        List<Trial> trials = new ArrayList<>();
        try (DeskCrashTrials crashes = new DeskCrashTrials(dir, 11)) {
            long before = crashes.masterEvents();
            Path desk = crashes.newDesk();
            trials.add(crashes.firstSync(desk));
            trials.add(crashes.firstSync(crashes.newDesk()));
            trials.add(crashes.incrementalSync(desk));
            trials.add(crashes.outboxPush(desk));
            assertThat(crashes.masterEvents()).as("3,000 new at the master, 1,500 pushed by the desk, each once")
                    .isEqualTo(before + 3_000 + 1_500);
        }
        assertThat(trials).allSatisfy(trial -> assertThat(trial.problems()).as(trial.phase().name()).isEmpty());
    }
}
