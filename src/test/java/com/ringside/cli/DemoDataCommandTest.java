package com.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CustomerStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void fillsAnEmptyCacheAndRefusesAFullOne() {
        assertThat(run("--customers", "300", "--seed", "5", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Done: 300 customers");
        try (CacheDatabase database = CacheDatabase.open(dir)) {
            assertThat(new CustomerStore(database).count()).isEqualTo(300);
        }

        assertThat(run("--customers", "10", "--data-dir", dir.toString())).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds customers");
    }

    @Test
    void badArgumentsNameTheProblem() {
        assertThatUsage(List.of("--customers", "many"), "--customers must be a whole number");
        assertThatUsage(List.of("--customers", "0"), "between 1 and");
        assertThatUsage(List.of("--as-of", "yesterday"), "--as-of must be a date");
        assertThatUsage(List.of("--colour", "blue"), "unknown argument '--colour'");
        assertThatUsage(List.of("--seed"), "--seed needs a value");
    }

    private void assertThatUsage(List<String> args, String message) {
        try {
            new DemoDataCommand().run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
            throw new AssertionError("expected a usage error for " + args);
        } catch (Options.UsageException e) {
            assertThat(e.getMessage()).contains(message);
        }
    }

    private int run(String... args) {
        return new DemoDataCommand().run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
