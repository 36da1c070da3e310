package com.ringside.cli;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.InvalidValueException;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.ScenarioJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * `ringside decide --input scenario.json`: the engine the desk and the server use, for dialers and scripts.
 * Reads {"rules":[…],"customer":{…},"history":[…],"request":{…}} and prints the decision.
 */
public final class DecideCommand implements Command {
    private static final long MAX_INPUT_BYTES = 16L * 1024 * 1024;
    private final Clock clock;

    public DecideCommand() {
        this(Clock.systemUTC());
    }

    DecideCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "decide";
    }

    @Override
    public String summary() {
        return "decide --input scenario.json   (- reads standard input)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("input"));
        String input = options.get("input", null);
        if (input == null) {
            throw new Options.UsageException("--input is required");
        }
        try {
            ScenarioJson scenario = WireCodec.read(read(input, in), ScenarioJson.class);
            if (scenario == null) {
                throw new InvalidValueException("(document)", "is empty");
            }
            List<ContactRule> rules = new ArrayList<>();
            for (int i = 0; scenario.rules() != null && i < scenario.rules().size(); i++) {
                rules.add(WireCodec.rule(scenario.rules().get(i), "rules[" + i + "]"));
            }
            Customer customer = WireCodec.customer(scenario.customer(), "customer");
            List<ContactEvent> history = new ArrayList<>();
            for (int i = 0; scenario.history() != null && i < scenario.history().size(); i++) {
                history.add(WireCodec.event(scenario.history().get(i), "history[" + i + "]"));
            }
            DialRequest request = WireCodec.request(scenario.request(), "request", clock.instant());
            if (!request.customerId().equals(customer.id())) {
                throw new InvalidValueException("request.customerId", "is not the customer's id " + customer.id());
            }
            Instant syncedAt = scenario.syncedAt() == null ? null : WireCodec.instant("syncedAt", scenario.syncedAt());
            DialDecision decision = new ContactPolicy(new JollydayHolidays(), new PhoneZones())
                    .decide(rules, customer, history, request, syncedAt);
            out.println(WireCodec.writeIndented(WireCodec.decision(decision)));
            return OK;
        } catch (InvalidValueException e) {
            err.println("ringside decide: " + e.getMessage());
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("ringside decide: no such file " + input);
            return USAGE;
        } catch (IOException e) {
            err.println("ringside decide: cannot read " + input + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static String read(String input, InputStream in) throws IOException {
        if (input.equals("-")) {
            byte[] bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
            checkSize(bytes.length);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Path file = Path.of(input);
        checkSize(Files.size(file));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void checkSize(long bytes) {
        if (bytes > MAX_INPUT_BYTES) {
            throw new InvalidValueException("(document)", "is larger than 16 MB");
        }
    }
}
