package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.UserRole;
import com.ringside.server.Http.Answer;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation that reads a JSON body refuses one that is not an object with a 400 problem, never a 500. */
class HostileBodiesTest {
    private static final List<String> BODIES = List.of("null", "[]", "42", "\"text\"", "true", "{", "", "{\"a\":");

    @TempDir
    Path dir;

    @Test
    void aBodyThatIsNotAJsonObjectIsAProblemNotAFailure() {
        try (JdbcMasterStore store = TestMasters.store(Backend.SQLITE, dir);
             MasterServer server = new MasterServer(store, Clock.systemUTC(), Duration.ofHours(1))) {
            Http http = new Http(server.start("127.0.0.1", 0));
            server.authenticator().addUser("ada", "Ada", UserRole.ADMIN, "ada-password".toCharArray());
            String admin = http.signIn("ada", "ada-password");
            String id = UUID.randomUUID().toString();
            for (String[] operation : new String[][] {{"POST", "/sessions"}, {"POST", "/contact-events"},
                {"POST", "/decisions"}, {"POST", "/dial-permits"}, {"POST", "/rules"}, {"PUT", "/rules/" + id},
                {"POST", "/customers"}, {"POST", "/flagged-calls/" + id + "/acknowledgement"}}) {
                for (String body : BODIES) {
                    Answer answer = http.send(operation[0], operation[1], admin, body);
                    assertThat(answer.status()).as(operation[0] + " " + operation[1] + " with " + body).isEqualTo(400);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            }
        }
    }

    @Test
    void aRuleWithANullInAListIsRefusedWithItsPlace() {
        try (JdbcMasterStore store = TestMasters.store(Backend.SQLITE, dir);
             MasterServer server = new MasterServer(store, Clock.systemUTC(), Duration.ofHours(1))) {
            Http http = new Http(server.start("127.0.0.1", 0));
            server.authenticator().addUser("sky", "Sky", UserRole.SUPERVISOR, "sky-password".toCharArray());
            String supervisor = http.signIn("sky", "sky-password");
            Answer answer = http.send("POST", "/rules", supervisor, "{\"name\":\"Nulls\",\"severity\":\"BLOCK\","
                    + "\"appliesTo\":{\"countries\":[null]},\"doNotCall\":true}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("field").asText()).isEqualTo("rule.appliesTo.countries[0]");
            Answer hours = http.send("POST", "/rules", supervisor, "{\"name\":\"Nulls\",\"severity\":\"BLOCK\","
                    + "\"callingHours\":{\"MONDAY\":[null]}}");
            assertThat(hours.status()).as(hours.body()).isEqualTo(400);
            Answer emails = http.send("POST", "/customers", supervisor,
                    "{\"displayName\":\"New Caller\",\"emails\":[null]}");
            assertThat(emails.status()).as(emails.body()).isEqualTo(400);
        }
    }
}
