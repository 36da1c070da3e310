package com.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ringside.wire.WireCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecideCommandTest {
    static final Path EXAMPLE = Path.of("docs/examples/decide-regf.json");
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theShippedRegFExampleIsBlockedUntilMondayMidnightInNewYork() throws Exception {
        assertThat(run(EXAMPLE.toString(), "")).isZero();
        JsonNode decision = WireCodec.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(decision.get("verdict").asText()).isEqualTo("BLOCK");
        assertThat(decision.get("nextAllowedAt").asText()).isEqualTo("2026-03-09T04:00:00Z");
        assertThat(decision.get("reasons").get(0).get("code").asText()).isEqualTo("ATTEMPT_CAP");
        assertThat(decision.get("reasons").get(0).get("message").asText())
                .isEqualTo("7 calls from Collections in the 7 days to Sun 8 Mar (limit 7)");
    }

    @Test
    void aScenarioWithoutAnInstantIsDecidedNowAndCanComeFromStandardInput() throws Exception {
        String scenario = Files.readString(EXAMPLE).replace(",\n    \"at\": \"2026-03-08T14:00:00Z\"", "");
        assertThat(scenario).doesNotContain("\"at\"");
        DecideCommand atMonday = new DecideCommand(Clock.fixed(Instant.parse("2026-03-09T15:00:00Z"), ZoneOffset.UTC));
        int exit = atMonday.run(List.of("--input", "-"), new ByteArrayInputStream(scenario.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(WireCodec.JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("verdict").asText()).isEqualTo("ALLOW");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"max\": 7,|\"max\": 0,|rules[0].attemptCap.max: must be at least 1",
            "\"max\": 7,|\"max\": \"seven\",|rules[0].attemptCap.max: expected a whole number",
            "\"window\": \"P7D\"|\"window\": \"a week\"|rules[0].attemptCap.window: 'a week' is not an ISO-8601 duration",
            "\"outcome\": \"NO_ANSWER\"|\"outcome\": \"HUNG_UP\"|history[0].outcome: unknown value 'HUNG_UP'",
            "\"timeZone\": \"America/New_York\"|\"timeZone\": \"Mars/Olympus\"|customer.timeZone: 'Mars/Olympus' is not a time zone",
            "\"severity\": \"BLOCK\"|\"severity\": \"ALLOW\"|rules[0].severity: must be BLOCK or WARN"})
    void invalidInputExitsTwoNamingTheField(String from, String to, String message) throws Exception {
        String scenario = Files.readString(EXAMPLE);
        assertThat(scenario).contains(from);
        Path file = Files.writeString(dir.resolve("bad.json"), scenario.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to)));

        assertThat(run(file.toString(), "")).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ringside decide: " + message);
    }

    @Test
    void aNumberThatIsNotE164IsNamedWhereItStands() throws Exception {
        ObjectNode scenario = (ObjectNode) WireCodec.JSON.readTree(Files.readString(EXAMPLE));
        ((ObjectNode) scenario.get("request")).put("number", "212 555");
        Path file = Files.writeString(dir.resolve("number.json"), WireCodec.JSON.writeValueAsString(scenario));

        assertThat(run(file.toString(), "")).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ringside decide: request.number: '212 555' is not an E.164");
    }

    @Test
    void brokenJsonAndMissingFilesAreNamed() throws Exception {
        Path truncated = Files.writeString(dir.resolve("cut.json"), "{\"rules\": [");
        assertThat(run(truncated.toString(), "")).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("(document): is not valid JSON");
        assertThat(run(dir.resolve("missing.json").toString(), "")).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }

    private int run(String input, String stdin) {
        out.reset();
        err.reset();
        return new DecideCommand().run(List.of("--input", input), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
