package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.domain.UserRole;
import com.ringside.server.Http.Answer;
import com.ringside.server.TestMasters.Backend;
import com.ringside.testing.MutableClock;
import com.ringside.wire.WireCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API as a desk or a script meets it: a real server on loopback, on each back end. */
class MasterServerTest {
    @TempDir
    Path dir;
    private MasterServer server;
    private JdbcMasterStore store;
    private Http http;
    private Customer ana;

    private void start(Backend backend, Clock clock) {
        store = TestMasters.store(backend, dir, clock);
        server = new MasterServer(store, clock, Duration.ofHours(1));
        http = new Http(server.start("127.0.0.1", 0));
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "agent-password".toCharArray());
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "supervisor-password".toCharArray());
        ana = store.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").build(), NOW);
        store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theServerNotTheDeskEnforcesTheRole(Backend backend) {
        start(backend, Clock.fixed(NOW, ZoneOffset.UTC));
        String agent = http.signIn("sam", "agent-password");
        String supervisor = http.signIn("sky", "supervisor-password");
        String rule = WireCodec.write(WireCodec.rule(MasterStoreTest.threePerWeek()));

        Answer refused = http.send("POST", "/rules", agent, rule);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:ringside:problem:forbidden");
        assertThat(http.send("GET", "/violations", agent, null).status()).isEqualTo(403);
        assertThat(http.send("GET", "/rules", agent, null).json()).hasSize(1);

        assertThat(http.send("POST", "/rules", supervisor, rule).status()).isEqualTo(201);
        assertThat(http.send("GET", "/rules", agent, null).json()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutAValidTokenNothingButSignInAndHealthAnswers(Backend backend) {
        start(backend, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(http.send("GET", "/health", null, null).status()).isEqualTo(200);
        assertThat(http.send("GET", "/changes", null, null).status()).isEqualTo(401);
        assertThat(http.send("GET", "/changes", "made-up-token", null).status()).isEqualTo(401);
        Answer wrong = http.send("POST", "/sessions", null, "{\"username\":\"sam\",\"password\":\"guess\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo("The username or password is wrong.");
        Answer nobody = http.send("POST", "/sessions", null, "{\"username\":\"nobody\",\"password\":\"guess\"}");
        assertThat(nobody.json().get("detail").asText()).isEqualTo(wrong.json().get("detail").asText());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTokenStopsWorkingWhenItExpiresOrIsRevoked(Backend backend) {
        MutableClock now = new MutableClock(NOW);
        start(backend, now);
        String token = http.signIn("sam", "agent-password");
        assertThat(http.send("GET", "/rules", token, null).status()).isEqualTo(200);
        now.set(NOW.plus(Duration.ofHours(1)));
        Answer expired = http.send("GET", "/rules", token, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").asText()).contains("expired");

        String second = http.signIn("sam", "agent-password");
        assertThat(http.send("DELETE", "/sessions/current", second, null).status()).isEqualTo(204);
        assertThat(http.send("GET", "/rules", second, null).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTokenSignedOutAtAnotherServerOfTheSameMasterStopsWorkingHereWithinTwoSeconds(Backend backend) {
        MutableClock now = new MutableClock(NOW);
        start(backend, now);
        try (MasterServer other = new MasterServer(store, now, Duration.ofHours(1))) {
            Http there = new Http(other.start("127.0.0.1", 0));
            String token = http.signIn("sam", "agent-password");
            assertThat(there.send("GET", "/rules", token, null).status()).isEqualTo(200);

            assertThat(http.send("DELETE", "/sessions/current", token, null).status()).isEqualTo(204);
            assertThat(http.send("GET", "/rules", token, null).status()).as("at once where it was signed out")
                    .isEqualTo(401);
            now.set(NOW.plusSeconds(2));
            assertThat(there.send("GET", "/rules", token, null).status()).as("within two seconds at the other")
                    .isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void badInputGetsAProblemNamingTheFieldAndStoresNothing(Backend backend) {
        start(backend, Clock.fixed(NOW, ZoneOffset.UTC));
        String token = http.signIn("sam", "agent-password");
        long before = http.send("GET", "/health", null, null).json().get("latestSeq").asLong();

        Answer malformed = http.send("POST", "/contact-events", token, "{\"events\":[{\"id\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("not valid JSON");

        Answer wrongType = http.send("POST", "/decisions", token,
                "{\"customerId\":\"" + ana.id() + "\",\"number\":[1,2],\"lineOfBusiness\":\"ORDERS\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).contains("number");

        Answer badCursor = http.send("GET", "/changes?after=424242", token, null);
        assertThat(badCursor.status()).isEqualTo(409);
        assertThat(badCursor.json().get("type").asText()).isEqualTo("urn:ringside:problem:unknown-cursor");

        Answer notANumber = http.send("GET", "/changes?after=abc", token, null);
        assertThat(notANumber.json().get("field").asText()).isEqualTo("after");

        String huge = "{\"events\":[" + "{\"notes\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}]}";
        Answer tooLarge = http.send("POST", "/contact-events", token, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        Answer unknownCustomer = http.send("POST", "/dial-permits", token, "{\"eventId\":\"" + com.ringside.domain.Ids.newId()
                + "\",\"customerId\":\"" + com.ringside.domain.Ids.newId() + "\",\"number\":\"+14155550123\",\"lineOfBusiness\":\"ORDERS\"}");
        assertThat(unknownCustomer.status()).isEqualTo(404);

        Answer oneBadEvent = http.send("POST", "/contact-events", token, "{\"events\":[{\"id\":\"nope\"}]}");
        assertThat(oneBadEvent.status()).isEqualTo(200);
        assertThat(oneBadEvent.json().get("results").get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(oneBadEvent.json().get("results").get(0).get("reason").asText()).contains("events[0].id");

        assertThat(http.send("GET", "/health", null, null).json().get("latestSeq").asLong()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPermitIsGivenOnceTheCapIsReachedAndTheFeedCarriesTheAttempt(Backend backend) {
        start(backend, Clock.fixed(NOW, ZoneOffset.UTC));
        String token = http.signIn("sam", "agent-password");
        int granted = 0;
        for (int i = 0; i < 4; i++) {
            Answer permit = http.send("POST", "/dial-permits", token, "{\"eventId\":\"" + com.ringside.domain.Ids.newId()
                    + "\",\"customerId\":\"" + ana.id() + "\",\"number\":\"+14155550123\",\"lineOfBusiness\":\"ORDERS\"}");
            granted += permit.json().get("granted").asBoolean() ? 1 : 0;
            assertThat(permit.status()).isEqualTo(permit.json().get("granted").asBoolean() ? 201 : 200);
        }
        assertThat(granted).isEqualTo(3);
        Answer feed = http.send("GET", "/changes?after=0&limit=100", token, null);
        assertThat(feed.json().get("changes")).filteredOn(c -> c.get("kind").asText().equals("event")).hasSize(3);
        assertThat(feed.json().get("changes").get(0).get("body").get("displayName")).isNotNull();
    }
}
