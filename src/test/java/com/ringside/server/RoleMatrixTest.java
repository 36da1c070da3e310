package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ringside.domain.UserRole;
import com.ringside.server.TestMasters.Backend;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented operation, asked without a token and with each role, against the role matrix in
 * docs/security.md: no token is 401, a role below the operation's is 403, and at or above it the role check lets
 * the request through (whatever the answer to its made-up content).
 */
class RoleMatrixTest {
    /** The least role each operation needs, kept in step with docs/security.md; {@link #PUBLIC} need none. */
    static final Map<String, UserRole> MATRIX = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("DELETE /sessions/current", UserRole.AGENT),
            Map.entry("GET /changes", UserRole.AGENT), Map.entry("GET /cache-snapshot", UserRole.AGENT),
            Map.entry("POST /contact-events", UserRole.AGENT),
            Map.entry("POST /decisions", UserRole.AGENT), Map.entry("POST /dial-permits", UserRole.AGENT),
            Map.entry("POST /dial-permits/{id}/withdrawal", UserRole.AGENT),
            Map.entry("GET /rules", UserRole.AGENT), Map.entry("GET /rules/{id}", UserRole.AGENT),
            Map.entry("POST /rules", UserRole.SUPERVISOR), Map.entry("PUT /rules/{id}", UserRole.SUPERVISOR),
            Map.entry("DELETE /rules/{id}", UserRole.SUPERVISOR), Map.entry("GET /customers", UserRole.AGENT),
            Map.entry("POST /customers", UserRole.AGENT), Map.entry("GET /customers/{id}", UserRole.AGENT),
            Map.entry("GET /violations", UserRole.SUPERVISOR), Map.entry("GET /flagged-calls", UserRole.SUPERVISOR),
            Map.entry("POST /flagged-calls/{id}/acknowledgement", UserRole.SUPERVISOR),
            Map.entry("GET /audit", UserRole.SUPERVISOR), Map.entry("GET /reports/repeat-calls", UserRole.SUPERVISOR),
            Map.entry("GET /reports/rule-outcomes", UserRole.SUPERVISOR),
            Map.entry("GET /reports/contact-rates", UserRole.SUPERVISOR), Map.entry("POST /imports", UserRole.ADMIN),
            Map.entry("GET /merge-suggestions", UserRole.SUPERVISOR),
            Map.entry("POST /merge-suggestions/{id}/accept", UserRole.SUPERVISOR),
            Map.entry("POST /merge-suggestions/{id}/reject", UserRole.SUPERVISOR),
            Map.entry("POST /merges/{id}/undo", UserRole.SUPERVISOR), Map.entry("GET /data-quality", UserRole.SUPERVISOR),
            Map.entry("GET /stream", UserRole.AGENT)));
    private static final List<String> PUBLIC = List.of("GET /health", "GET /openapi.yaml", "POST /sessions");

    @TempDir
    Path dir;

    @Test
    void everyOperationRefusesNoTokenAndEveryRoleBelowItsOwn() throws Exception {
        JsonNode contract;
        try (InputStream in = RoleMatrixTest.class.getResourceAsStream("/api/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> documented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "delete")) {
                if (path.getValue().has(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        List<String> named = new ArrayList<>(MATRIX.keySet());
        named.addAll(PUBLIC);
        assertThat(named).as("the matrix names exactly the documented operations")
                .containsExactlyInAnyOrderElementsOf(documented);

        try (JdbcMasterStore store = TestMasters.store(Backend.SQLITE, dir);
             MasterServer server = new MasterServer(store, Clock.systemUTC(), Duration.ofHours(1))) {
            Http http = new Http(server.start("127.0.0.1", 0));
            Map<UserRole, String> tokens = new EnumMap<>(UserRole.class);
            for (UserRole role : UserRole.values()) {
                String name = role.name().toLowerCase();
                server.authenticator().addUser(name, name, role, (name + "-password").toCharArray());
                tokens.put(role, http.signIn(name, name + "-password"));
            }
            for (String operation : documented) {
                if (operation.equals("GET /stream") || operation.equals("DELETE /sessions/current")) {
                    continue; // the stream never ends; signing out ends the token the other checks use
                }
                int anonymous = ask(http, operation, null);
                if (PUBLIC.contains(operation)) {
                    assertThat(anonymous).as(operation + " without a token").isNotIn(401, 403);
                    continue;
                }
                assertThat(anonymous).as(operation + " without a token").isEqualTo(401);
                for (UserRole role : UserRole.values()) {
                    int status = ask(http, operation, tokens.get(role));
                    if (role.atLeast(MATRIX.get(operation))) {
                        assertThat(status).as(operation + " as " + role).isNotIn(401, 403);
                    } else {
                        assertThat(status).as(operation + " as " + role).isEqualTo(403);
                    }
                }
            }
            assertThat(http.send("DELETE", "/sessions/current", null, null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/stream", null, null).status()).isEqualTo(401);
        }
    }

    private static int ask(Http http, String operation, String token) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", UUID.randomUUID().toString());
        String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
        return http.send(method, path, token, body).status();
    }
}
