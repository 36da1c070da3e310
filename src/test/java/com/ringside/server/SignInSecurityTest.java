package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ringside.domain.UserRole;
import com.ringside.server.Http.Answer;
import com.ringside.server.TestMasters.Backend;
import com.ringside.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Guessing passwords is slowed, tokens end when they should, and no secret reaches the log. */
class SignInSecurityTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(NOW);
    private JdbcMasterStore store;
    private MasterServer server;
    private Http http;

    @BeforeEach
    void start() {
        store = TestMasters.store(Backend.SQLITE, dir, clock);
        server = new MasterServer(store, clock, Duration.ofHours(1));
        http = new Http(server.start("127.0.0.1", 0));
        server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndThePauseDoubles() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(signIn("sam", "guess-" + i).status()).isEqualTo(401);
        }
        Answer refused = signIn("sam", PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.json().get("detail").asText()).contains("Try again in 30 seconds");
        assertThat(signIn("SAM ", PASSWORD).status()).as("the same user however it is typed").isEqualTo(429);

        clock.set(NOW.plusSeconds(31));
        assertThat(signIn("sam", "guess-again").status()).isEqualTo(401);
        assertThat(signIn("sam", PASSWORD).headers().firstValue("Retry-After")).as("doubled").hasValue("60");

        clock.set(NOW.plusSeconds(31 + 61));
        assertThat(signIn("sam", PASSWORD).status()).isEqualTo(201);
        assertThat(signIn("sam", "one-slip").status()).as("a success starts the count again").isEqualTo(401);
        assertThat(signIn("sam", PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void oneComputerTryingManyUsernamesIsSlowedToo() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            assertThat(signIn("user" + i, "guess").status()).isEqualTo(401);
        }
        assertThat(signIn("sam", PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void anExpiredOrSignedOutTokenIsRefused() {
        String token = http.signIn("sam", PASSWORD);
        assertThat(http.send("GET", "/rules", token, null).status()).isEqualTo(200);
        clock.set(NOW.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(http.send("GET", "/rules", token, null).status()).isEqualTo(401);

        String second = http.signIn("sam", PASSWORD);
        assertThat(http.send("DELETE", "/sessions/current", second, null).status()).isEqualTo(204);
        assertThat(http.send("GET", "/rules", second, null).status()).isEqualTo(401);
    }

    @Test
    void neitherPasswordsNorTokensReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            signIn("sam", "wrong-secret-1");
            String token = http.signIn("sam", PASSWORD);
            http.send("GET", "/rules", token, null);
            http.send("GET", "/rules", token + "x", null);
            http.send("POST", "/decisions", token, "{not json");
            assertThat(captured.list).as("the failed sign-in is logged").anyMatch(event ->
                    event.getFormattedMessage().contains("Failed sign-in for 'sam'"));
            for (ILoggingEvent event : captured.list) {
                String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain("wrong-secret-1", PASSWORD, token);
            }
        } finally {
            root.detachAppender(captured);
        }
    }

    private Answer signIn(String username, String password) {
        return http.send("POST", "/sessions", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
