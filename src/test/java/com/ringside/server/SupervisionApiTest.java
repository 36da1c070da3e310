package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.UserRole;
import com.ringside.server.Http.Answer;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's endpoints exist for supervisors only, and answer bad questions plainly. */
class SupervisionApiTest {
    private static final List<String> READS = List.of("/flagged-calls", "/audit", "/reports/repeat-calls",
            "/reports/rule-outcomes", "/reports/contact-rates");

    @TempDir
    Path dir;
    private JdbcMasterStore store;
    private MasterServer server;
    private Http http;
    private String agent;
    private String supervisor;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = TestMasters.store(Backend.SQLITE, dir, clock);
        server = new MasterServer(store, clock, Duration.ofHours(1));
        http = new Http(server.start("127.0.0.1", 0));
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "agent-password".toCharArray());
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "supervisor-password".toCharArray());
        agent = http.signIn("sam", "agent-password");
        supervisor = http.signIn("sky", "supervisor-password");
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void agentsAreRefusedEverySupervisorViewAndAcknowledgement() {
        String ack = "/flagged-calls/" + UUID.randomUUID() + "/acknowledgement";
        for (String path : READS) {
            assertThat(http.send("GET", path, null, null).status()).as(path).isEqualTo(401);
            assertThat(http.send("GET", path, agent, null).status()).as(path).isEqualTo(403);
            assertThat(http.send("GET", path, supervisor, null).status()).as(path).isEqualTo(200);
        }
        assertThat(http.send("POST", ack, agent, "{\"comment\":\"ok\"}").status()).isEqualTo(403);
        assertThat(http.send("POST", ack, supervisor, "{\"comment\":\"ok\"}").status()).isEqualTo(404);
    }

    @Test
    void theAuditViewFindsSignIns() {
        Answer answer = http.send("GET", "/audit?text=sign-in&limit=10", supervisor, null);
        assertThat(answer.json()).hasSize(2);
        assertThat(answer.json().get(0).get("action").asText()).isEqualTo("sign-in");
    }

    @Test
    void badQuestionsGetAProblemNamingTheField() {
        assertField(http.send("GET", "/reports/contact-rates?from=2026-03-09T00:00:00Z&to=2026-03-01T00:00:00Z",
                supervisor, null), "from", "before");
        assertField(http.send("GET", "/reports/rule-outcomes?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                supervisor, null), "from", "three years");
        assertField(http.send("GET", "/reports/repeat-calls?zone=Mars/Olympus", supervisor, null), "zone", "Mars/Olympus");
        assertField(http.send("GET", "/reports/repeat-calls?line=TRAVEL", supervisor, null), "line", "TRAVEL");
        assertField(http.send("GET", "/flagged-calls?kind=maybe", supervisor, null), "kind", "maybe");
        assertField(http.send("GET", "/flagged-calls?acknowledged=perhaps", supervisor, null), "acknowledged", "perhaps");
        assertField(http.send("GET", "/flagged-calls?limit=0", supervisor, null), "limit", "between");
        assertField(http.send("GET", "/audit?limit=many", supervisor, null), "limit", "whole number");
        Answer blank = http.send("POST", "/flagged-calls/" + UUID.randomUUID() + "/acknowledgement", supervisor,
                "{\"comment\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("detail").asText()).contains("write what was done");
    }

    private static void assertField(Answer answer, String field, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asText()).isEqualTo(field);
        assertThat(answer.json().get("detail").asText()).contains(detail);
    }
}
