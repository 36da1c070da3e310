package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ringside.cache.CacheDatabase;
import com.ringside.domain.CallOverride;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.UserRole;
import com.ringside.server.Http.Answer;
import com.ringside.wire.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds the running server to docs/openapi.yaml: every documented operation answers as documented. */
class ContractTest {
    @TempDir
    Path dir;
    private JsonNode contract;
    private MasterServer server;
    private JdbcMasterStore store;
    private Http http;
    private int port;
    private String supervisor;
    private String agent;
    private Customer ana;
    private ContactRule rule;
    private UUID overrideId;
    private CacheSnapshots snapshots;

    @BeforeEach
    void start() throws IOException {
        try (InputStream in = ContractTest.class.getResourceAsStream("/api/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = TestMasters.store(TestMasters.Backend.SQLITE, dir, clock);
        server = new MasterServer(store, clock, Duration.ofHours(1));
        port = server.start("127.0.0.1", 0);
        http = new Http(port);
        server.authenticator().addUser("sky", "Sky", UserRole.SUPERVISOR, "supervisor-password".toCharArray());
        server.authenticator().addUser("sam", "Sam", UserRole.AGENT, "agent-password".toCharArray());
        supervisor = http.signIn("sky", "supervisor-password");
        agent = http.signIn("sam", "agent-password");
        ana = store.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").build(), NOW);
        rule = store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
        List<ContactEvent> earlier = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            earlier.add(outboundCall(ana, NOW.minusSeconds(i * 600L), LineOfBusiness.ORDERS, Outcome.NO_ANSWER));
        }
        store.load(List.of(), earlier, NOW);
        ContactEvent call = outboundCall(ana, NOW.minusSeconds(60), LineOfBusiness.ORDERS, Outcome.BUSY);
        overrideId = call.id();
        store.push(List.of(new ContactEvent(call.id(), call.customerId(), call.occurredAt(), call.channel(),
                call.direction(), call.lineOfBusiness(), null, null, call.number(), call.outcome(), 0, "",
                call.sourceSystem(), true, new CallOverride(Ids.newId(), "Customer asked for a call back"))), NOW);
        snapshots = new CacheSnapshots(store, dir.resolve("snapshots"), 0, clock);
        snapshots.build();
        server.serveSnapshots(snapshots);
    }

    @AfterEach
    void stop() {
        snapshots.close();
        server.close();
        store.close();
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumented() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                if (path.getKey().equals("/stream")) {
                    checkStream(operation);
                } else {
                    Answer answer = call(name);
                    assertDocumented(name, operation, answer);
                }
                checked.add(name);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void documentedErrorsAreProblemsInTheDocumentedShape() {
        JsonNode problem = contract.at("/components/schemas/Problem");
        List<Answer> errors = List.of(
                http.send("GET", "/changes", null, null),
                http.send("POST", "/rules", agent, WireCodec.write(WireCodec.rule(MasterStoreTest.threePerWeek()))),
                http.send("GET", "/customers/" + Ids.newId(), agent, null),
                http.send("GET", "/changes?after=999999", agent, null),
                http.send("POST", "/decisions", agent, "{\"customerId\":\"nope\"}"),
                http.send("GET", "/cache-snapshot", agent, null),
                http.send("GET", "/cache-snapshot?format=" + CacheDatabase.format() + "0", agent, null));
        assertThat(errors).extracting(Answer::status).containsExactly(401, 403, 404, 409, 400, 400, 404);
        for (Answer error : errors) {
            assertThat(error.contentType()).startsWith("application/problem+json");
            validate("problem " + error.status(), problem, error.json(), "$");
        }
    }

    private Answer call(String operation) {
        String eventId = Ids.newId().toString();
        return switch (operation) {
            case "GET /health" -> http.send("GET", "/health", null, null);
            case "GET /openapi.yaml" -> http.send("GET", "/openapi.yaml", null, null);
            case "POST /sessions" -> http.send("POST", "/sessions", null,
                    "{\"username\":\"sam\",\"password\":\"agent-password\"}");
            case "DELETE /sessions/current" -> http.send("DELETE", "/sessions/current",
                    http.signIn("sam", "agent-password"), null);
            case "GET /changes" -> http.send("GET", "/changes?after=0&limit=50", agent, null);
            case "GET /cache-snapshot" -> http.send("GET", "/cache-snapshot?format=" + CacheDatabase.format(), agent,
                    null);
            case "POST /contact-events" -> http.send("POST", "/contact-events", agent, "{\"events\":[{\"id\":\"" + eventId
                    + "\",\"customerId\":\"" + ana.id() + "\",\"occurredAt\":\"2026-03-08T15:00:00Z\",\"channel\":\"CALL\","
                    + "\"direction\":\"OUTBOUND\",\"lineOfBusiness\":\"ORDERS\",\"number\":\"+14155550123\","
                    + "\"outcome\":\"BUSY\"}]}");
            case "POST /decisions" -> http.send("POST", "/decisions", agent, "{\"customerId\":\"" + ana.id()
                    + "\",\"number\":\"+14155550123\",\"lineOfBusiness\":\"ORDERS\"}");
            case "POST /dial-permits" -> http.send("POST", "/dial-permits", agent, "{\"eventId\":\"" + eventId
                    + "\",\"customerId\":\"" + ana.id() + "\",\"number\":\"+14155550123\",\"lineOfBusiness\":\"ORDERS\"}");
            case "POST /dial-permits/{id}/withdrawal" -> http.send("POST", "/dial-permits/" + eventId + "/withdrawal", agent,
                    "{\"customerId\":\"" + ana.id() + "\",\"reason\":\"The softphone failed to dial.\"}");
            case "GET /rules" -> http.send("GET", "/rules", agent, null);
            case "POST /rules" -> http.send("POST", "/rules", supervisor,
                    WireCodec.write(WireCodec.rule(MasterStoreTest.threePerWeek())));
            case "GET /rules/{id}" -> http.send("GET", "/rules/" + rule.id(), agent, null);
            case "PUT /rules/{id}" -> http.send("PUT", "/rules/" + rule.id(), supervisor,
                    WireCodec.write(WireCodec.rule(rule.withEnabled(false))));
            case "DELETE /rules/{id}" -> http.send("DELETE", "/rules/" + rule.id(), supervisor, null);
            case "GET /customers" -> http.send("GET", "/customers?phone=(415)%20555-0123", agent, null);
            case "POST /customers" -> http.send("POST", "/customers", agent,
                    "{\"displayName\":\"New Caller\",\"phones\":[{\"number\":\"+14155550999\"}]}");
            case "GET /customers/{id}" -> http.send("GET", "/customers/" + ana.id(), agent, null);
            case "GET /violations" -> http.send("GET", "/violations", supervisor, null);
            case "GET /flagged-calls" -> http.send("GET", "/flagged-calls?kind=OVERRIDE&acknowledged=false", supervisor, null);
            case "POST /flagged-calls/{id}/acknowledgement" -> http.send("POST", "/flagged-calls/" + overrideId
                    + "/acknowledgement", supervisor, "{\"comment\":\"Checked with the agent.\"}");
            case "POST /imports" -> http.send("POST", "/imports", supervisor, null);
            case "GET /merge-suggestions" -> http.send("GET", "/merge-suggestions", supervisor, null);
            case "POST /merge-suggestions/{id}/accept" -> http.send("POST", "/merge-suggestions/" + eventId + "/accept",
                    supervisor, "{}");
            case "POST /merge-suggestions/{id}/reject" -> http.send("POST", "/merge-suggestions/" + eventId + "/reject",
                    supervisor, "{}");
            case "POST /merges/{id}/undo" -> http.send("POST", "/merges/" + eventId + "/undo", supervisor, "{}");
            case "GET /data-quality" -> http.send("GET", "/data-quality", supervisor, null);
            case "GET /audit" -> http.send("GET", "/audit?text=sign", supervisor, null);
            case "GET /reports/repeat-calls" -> http.send("GET", "/reports/repeat-calls?zone=Europe/Madrid", supervisor, null);
            case "GET /reports/rule-outcomes" -> http.send("GET", "/reports/rule-outcomes?line=ORDERS", supervisor, null);
            case "GET /reports/contact-rates" -> http.send("GET", "/reports/contact-rates", supervisor, null);
            default -> fail("The contract documents " + operation + ", which this test has no request for: add one.");
        };
    }

    private void assertDocumented(String operation, JsonNode documented, Answer answer) {
        JsonNode response = documented.path("responses").get(Integer.toString(answer.status()));
        assertThat(response).as("%s answered %d (%s), which the contract does not document", operation, answer.status(),
                answer.body()).isNotNull();
        response = resolve(response);
        JsonNode content = response.path("content");
        for (String type : List.of("application/json", "application/problem+json")) {
            if (content.has(type)) {
                assertThat(answer.contentType()).as(operation).startsWith(type);
                validate(operation, content.get(type).get("schema"), answer.json(), "$");
            }
        }
    }

    private void checkStream(JsonNode operation) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MasterServer.API + "/stream"))
                .header("Authorization", "Bearer " + agent).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(operation.path("responses").has(Integer.toString(response.statusCode()))).isTrue();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        }
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = contract.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private void validate(String operation, JsonNode schemaOrRef, JsonNode value, String where) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isNull()) {
            return;
        }
        String type = schema.path("type").asText("");
        String at = operation + " at " + where;
        switch (type) {
            case "object" -> {
                assertThat(value.isObject()).as(at + " should be an object: " + value).isTrue();
                for (JsonNode required : schema.path("required")) {
                    assertThat(value.has(required.asText())).as(at + " lacks required '" + required.asText() + "'").isTrue();
                }
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (value.has(property.getKey())) {
                        validate(operation, property.getValue(), value.get(property.getKey()), where + "." + property.getKey());
                    }
                });
            }
            case "array" -> {
                assertThat(value.isArray()).as(at + " should be an array").isTrue();
                for (int i = 0; i < value.size(); i++) {
                    validate(operation, schema.path("items"), value.get(i), where + "[" + i + "]");
                }
            }
            case "string" -> {
                assertThat(value.isTextual()).as(at + " should be a string: " + value).isTrue();
                if (schema.has("enum")) {
                    List<String> allowed = new ArrayList<>();
                    schema.get("enum").forEach(option -> allowed.add(option.asText()));
                    assertThat(allowed).as(at).contains(value.asText());
                }
            }
            case "integer" -> assertThat(value.isIntegralNumber()).as(at + " should be an integer: " + value).isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as(at + " should be a boolean: " + value).isTrue();
            default -> {
                // no type: anything goes
            }
        }
    }
}
