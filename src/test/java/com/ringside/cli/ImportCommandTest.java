package com.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void importsAShippedExtractAndWritesTheReportBesideIt() throws Exception {
        Path extract = dir.resolve("policy_admin.csv");
        Files.copy(Path.of("assets/ingest/policy_admin.csv"), extract);
        Files.copy(Path.of("assets/ingest/policy_admin.mapping.json"), dir.resolve("policy_admin.mapping.json"));
        int code = run("--system", "POLICY_ADMIN", "--file", extract.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rows read 5 · created 4").contains("rejected 1");
        assertThat(Files.readString(dir.resolve("policy_admin.csv.report.txt"))).contains("line 6: no name");
    }

    @Test
    void withoutAMappingTheMessageSaysWhereOneIsLookedFor() throws Exception {
        Path extract = Files.copy(Path.of("assets/ingest/policy_admin.csv"), dir.resolve("policy_admin.csv"));
        int code = run("--system", "ORDER_DESK", "--file", extract.toString(), "--data-dir", dir.toString());
        assertThat(code).isEqualTo(Command.USAGE);
        assertThat(err.toString()).contains("no mapping for ORDER_DESK").contains("order_desk.mapping.json");
    }

    @Test
    void theWrongSystemsMappingIsRefusedBeforeAnythingIsStored() {
        int code = run("--system", "ORDER_DESK", "--file", "assets/ingest/policy_admin.csv",
                "--report", dir.resolve("r.txt").toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(code).isEqualTo(Command.USAGE);
        assertThat(err.toString()).contains("The extract has no column customerRef, firstName, lastName")
                .contains("Nothing was imported");
    }

    private int run(String... args) {
        try {
            return new ImportCommand().run(List.of(args), new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (Options.UsageException e) {
            err.writeBytes(e.getMessage().getBytes(StandardCharsets.UTF_8));
            return Command.USAGE;
        }
    }
}
