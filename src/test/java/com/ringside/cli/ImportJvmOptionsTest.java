package com.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JVM options the README gives for large imports start a JVM, with the throughput settings ADR 0025 chose. */
class ImportJvmOptionsTest {
    private static final Path OPTIONS = Path.of("installer/shared/import.jvm-options");

    @Test
    void theOptionsFileStartsAJvmWithTheThroughputCollector() throws Exception {
        // the heap made small after the file's options, so the check does not take four gigabytes of memory
        String flags = run(List.of("@" + OPTIONS, "-Xms16m", "-Xmx16m", "-XX:+PrintFlagsFinal", "-version"));

        assertThat(flags).containsPattern("bool UseParallelGC\\s+= true")
                .containsPattern("bool UseG1GC\\s+= false");
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            assertThat(flags).containsPattern("bool UseTransparentHugePages\\s+= true");
        }
    }

    @Test
    void theHeapIsFixed() throws IOException {
        List<String> options = Files.readAllLines(OPTIONS, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> line.startsWith("-X")).toList();
        String initial = options.stream().filter(o -> o.startsWith("-Xms")).findFirst().orElseThrow().substring(4);
        String maximum = options.stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow().substring(4);

        assertThat(initial).isEqualTo(maximum);
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
