package com.ringside.bench;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.domain.SourceSystem;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.policy.Preset;
import com.ringside.policy.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** One decision for a customer with two years of history (~500 events) under 10 active rules. */
public final class PolicyBenchmark {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/policy.md");
        Random random = new Random(3);
        Instant now = Instant.parse("2026-03-09T16:00:00Z");
        Customer customer = new Customer(Ids.newId(), 1, "Ana", "Ruiz", null, LocalDate.of(1984, 9, 17),
                ZoneId.of("America/New_York"), false, null, null,
                List.of(new Phone(PhoneNumber.of("+12125550123"), PhoneType.MOBILE, false)), List.of(), List.of(),
                now.minus(Duration.ofDays(800)), null);
        List<ContactEvent> history = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Instant at = now.minusSeconds((long) (random.nextDouble() * 730 * 86_400));
            history.add(new ContactEvent(Ids.newId(), customer.id(), at, Channel.CALL,
                    random.nextInt(4) == 0 ? Direction.INBOUND : Direction.OUTBOUND,
                    LineOfBusiness.values()[random.nextInt(LineOfBusiness.values().length)], "renewals", null,
                    customer.phones().get(0).number(), Outcome.values()[1 + random.nextInt(Outcome.values().length - 1)], 0,
                    "", SourceSystem.RINGSIDE, false, null));
        }
        List<ContactRule> rules = new ArrayList<>();
        for (Preset preset : Presets.all()) {
            rules.add(preset.newRule());
        }
        rules.add(Presets.companyDefault(Ids.newId()));
        rules.add(Presets.tcpaHours(Ids.newId()));
        rules.add(Presets.regF(Ids.newId()));
        ContactPolicy policy = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
        DialRequest request = new DialRequest(customer.id(), customer.phones().get(0).number(), LineOfBusiness.COLLECTIONS,
                "renewals", null, now);
        for (int i = 0; i < 20_000; i++) {
            policy.decide(rules, customer, history, new DialRequest(request.customerId(), request.number(),
                    request.lineOfBusiness(), request.campaign(), null, now.plusSeconds(random.nextInt(86_400 * 30))));
        }
        Percentiles latency = new Percentiles(20_000);
        for (int i = 0; i < 20_000; i++) {
            DialRequest at = new DialRequest(request.customerId(), request.number(), request.lineOfBusiness(),
                    request.campaign(), null, now.plusSeconds(random.nextInt(86_400 * 30)));
            long start = System.nanoTime();
            policy.decide(rules, customer, history, at);
            latency.add(System.nanoTime() - start);
        }
        String table = "# Policy benchmark\n\n" + String.format(Locale.ROOT,
                "One decision: %d events over two years, %d active rules (every preset plus duplicates), instants spread "
                        + "over 30 days. %d cores, %s %s. Run: %s.%n%nProduced by `PolicyBenchmark` "
                        + "(`./mvnw -Pbench verify`).%n%n", history.size(), rules.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + "| measure | n | p50 ms | p99 ms | max ms | target |\n|---|---|---|---|---|---|\n"
                + latency.row("decision incl. nextAllowedAt", "p99 ≤ 1 ms") + "\n";
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }
}
