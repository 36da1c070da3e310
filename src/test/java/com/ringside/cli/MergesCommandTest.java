package com.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergesCommandTest {
    @TempDir
    Path dir;

    @Test
    void aSupervisorListsAcceptsAndUndoesFromTheCommandLine() {
        String data = dir.toString();
        for (String[] file : new String[][] {{"POLICY_ADMIN", "policy_admin.csv"}, {"LOAN_SERVICING", "loan_servicing.csv"},
                {"CAMPAIGN_HUB", "campaign_hub.csv"}}) {
            assertThat(new ImportCommand().run(List.of("--system", file[0], "--file", "assets/ingest/" + file[1],
                    "--report", dir.resolve(file[1] + ".txt").toString(), "--data-dir", data), null, quiet(), quiet())).isZero();
        }
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        assertThat(run(listed, "list", "--data-dir", data)).isZero();
        assertThat(listed.toString()).contains("new:       Lan Nguyen · lan.nguyen@example.com · CAMPAIGN_HUB M-100002")
                .contains("may be:    Lan Nguyen · LOAN_SERVICING L-700004");
        String suggestion = listed.toString().substring(0, 36);

        ByteArrayOutputStream accepted = new ByteArrayOutputStream();
        assertThat(run(accepted, "accept", suggestion, "--data-dir", data)).isZero();
        String undo = accepted.toString().substring(accepted.toString().indexOf("merges undo ") + 12).strip();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(run(again, "list", "--data-dir", data)).isZero();
        assertThat(again.toString()).contains("No possible duplicates are waiting.");
        assertThat(run(new ByteArrayOutputStream(), "undo", undo, "--data-dir", data)).isZero();
        assertThat(run(new ByteArrayOutputStream(), "undo", undo, "--data-dir", data)).isEqualTo(Command.USAGE);
    }

    private int run(ByteArrayOutputStream out, String... args) {
        return new MergesCommand().run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), quiet());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
