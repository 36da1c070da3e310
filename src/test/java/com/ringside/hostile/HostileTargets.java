package com.ringside.hostile;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.InvalidValueException;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.identity.PhoneNormalizer;
import com.ringside.identity.PhoneZones;
import com.ringside.ingest.ImportException;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.policy.Presets;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import com.ringside.testing.Customers;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.RuleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The parts of Ringside that read what others wrote, each fed one hostile input at a time against real parts (a
 * SQLite master, the HTTP server on loopback). A part may refuse an input in its own words; anything else — another
 * exception, a 5xx, a refused import that left something stored — is a finding, thrown as an AssertionError.
 */
public final class HostileTargets implements AutoCloseable {
    public static final List<String> RULE_SEEDS = Presets.all().stream()
            .map(preset -> WireCodec.write(WireCodec.rule(preset.maker().apply(com.ringside.domain.Ids.newId())))).toList();
    public static final String CSV_SEED = read(Path.of("assets/ingest/policy_admin.csv"));
    /** A valid body for each JSON endpoint, {@code customer} standing for a customer the master holds. */
    public static final List<String[]> BODIES = List.of(
            new String[] {"/sessions", "{\"username\":\"sam\",\"password\":\"sam-password\"}"},
            new String[] {"/contact-events", "{\"events\":[{\"id\":\"01934b6e-0000-7000-8000-000000000001\","
                    + "\"customerId\":\"customer\",\"occurredAt\":\"2026-03-08T15:00:00Z\",\"channel\":\"CALL\","
                    + "\"direction\":\"OUTBOUND\",\"lineOfBusiness\":\"ORDERS\",\"number\":\"+14155550123\","
                    + "\"outcome\":\"BUSY\",\"durationSeconds\":12}]}"},
            new String[] {"/decisions", "{\"customerId\":\"customer\",\"number\":\"+14155550123\","
                    + "\"lineOfBusiness\":\"ORDERS\",\"at\":\"2026-03-08T15:00:00Z\"}"},
            new String[] {"/dial-permits", "{\"eventId\":\"01934b6e-0000-7000-8000-000000000002\",\"customerId\":"
                    + "\"customer\",\"number\":\"+14155550123\",\"lineOfBusiness\":\"ORDERS\"}"},
            new String[] {"/customers", "{\"displayName\":\"New Caller\",\"phones\":[{\"number\":\"+14155550999\"}]}"},
            new String[] {"/rules", RULE_SEEDS.get(0)});

    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private final ContactPolicy policy = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
    private final Customer ana = Customers.customer("Ana", "Ruiz").phone("+14155550123").build();
    private final List<ContactEvent> history = List.of(
            Customers.outboundCall(ana, Customers.NOW.minusSeconds(3_600), LineOfBusiness.ORDERS, Outcome.NO_ANSWER),
            Customers.outboundCall(ana, Customers.NOW.minusSeconds(86_400), LineOfBusiness.INSURANCE, Outcome.BUSY));
    private final Path dir;
    private final SourceMapping mapping = SourceMapping.read(Path.of("assets/ingest/policy_admin.mapping.json"));
    private final JdbcMasterStore master;
    private final MasterServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private final String supervisor;
    private final String customerId;

    public HostileTargets(Path dir) {
        this.dir = dir;
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
        server = new MasterServer(master, Clock.systemUTC(), Duration.ofHours(8));
        api = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + MasterServer.API;
        server.authenticator().addUser("sam", "Sam", UserRole.SUPERVISOR, "sam-password".toCharArray());
        customerId = master.saveCustomer(ana, Instant.now()).id().toString();
        supervisor = signIn();
    }

    public void phone(String input) {
        phones.normalize(input);
        phones.forLookup(input);
    }

    /** Reads a rule as the master does; a valid one is then decided with, which must not fail either. */
    public void rule(String json) {
        ContactRule rule;
        try {
            rule = WireCodec.rule(WireCodec.read(json, RuleJson.class), "rule");
        } catch (InvalidValueException refused) {
            return;
        }
        for (LineOfBusiness line : LineOfBusiness.values()) {
            policy.decide(List.of(rule), ana, history, new DialRequest(ana.id(), ana.phones().get(0).number(), line,
                    "renewals", null, Customers.NOW));
        }
    }

    /** Imports a hostile extract (one in five also broken as UTF-8); a refusal must leave the master as it was. */
    public void extract(String csv) {
        Path file = dir.resolve("policy_admin.csv");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        if (Math.floorMod(csv.hashCode(), 5) == 0 && bytes.length > 2) {
            bytes[Math.floorMod(csv.hashCode() / 5, bytes.length)] = (byte) 0xC3;
        }
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long before = master.latestSeq();
        try {
            new Importer(master.directory()).run(mapping, file, Instant.now());
        } catch (ImportException refused) {
            if (master.latestSeq() != before) {
                throw new AssertionError("a refused import stored something: " + refused.getMessage());
            }
        }
    }

    /** Posts a hostile body to one of the JSON endpoints: a clear 4xx problem, or success; never a 5xx. */
    public void post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + supervisor)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("\"customer\"", "\"" + customerId + "\"")))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " dropped the connection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (answer.statusCode() >= 500) {
            throw new AssertionError("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        if (answer.statusCode() >= 400 && !answer.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            throw new AssertionError("POST " + path + " refused without a problem: " + answer.body());
        }
    }

    /** The body of a mutated request, for replaying a finding. */
    public static String[] mutatedRequest(Random random) {
        String[] seed = BODIES.get(random.nextInt(BODIES.size()));
        return new String[] {seed[0], Mutations.mutate(seed[1], random)};
    }

    public static List<String> phoneSeeds() {
        List<String> seeds = new ArrayList<>(List.of("+1 (415) 555-0123", "415.555.0123", "00 33 1 42 68 53 00",
                "+44 20 7946 0958", "tel:+14155550123;ext=12", "1-800-FLOWERS", "555-0123 x45"));
        return seeds;
    }

    private String signIn() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api + "/sessions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"sam\",\"password\":\"sam-password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return WireCodec.JSON.readTree(answer.body()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        master.close();
    }
}
