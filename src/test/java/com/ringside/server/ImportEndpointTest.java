package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.sync.MasterClient;
import com.ringside.wire.WireCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrators import through the master's HTTP API; everyone else is refused. */
class ImportEndpointTest {
    private static final String BOUNDARY = "ringside-test-boundary";

    @TempDir
    Path dir;
    JdbcMasterStore master;
    MasterServer server;
    URI address;

    @BeforeEach
    void start() {
        master = TestMasters.store(TestMasters.Backend.SQLITE, dir);
        server = new MasterServer(master, Clock.systemUTC(), Duration.ofHours(1));
        address = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        server.authenticator().addUser("ada", "Ada Admin", UserRole.ADMIN, "ada-password".toCharArray());
        server.authenticator().addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "sky-password".toCharArray());
    }

    @AfterEach
    void stop() {
        server.close();
        master.close();
    }

    @Test
    void anAdministratorImportsAnExtractAndGetsTheReport() throws Exception {
        HttpResponse<String> response = post(token("ada", "ada-password"), "POLICY_ADMIN",
                "assets/ingest/policy_admin.mapping.json", "assets/ingest/policy_admin.csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = WireCodec.JSON.readTree(response.body());
        assertThat(report.path("created").asInt()).isEqualTo(4);
        assertThat(report.path("file").asText()).isEqualTo("policy_admin.csv");
        assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(6);
        assertThat(report.path("rejected").get(0).path("reason").asText()).isEqualTo("no name");
        assertThat(master.customersByPhone(PhoneNumber.of("+14155550123"))).hasSize(2);
    }

    @Test
    void aSupervisorIsRefusedAndABadExtractIsSaidWithoutStoringAnything() throws Exception {
        HttpResponse<String> refused = post(token("sky", "sky-password"), "POLICY_ADMIN",
                "assets/ingest/policy_admin.mapping.json", "assets/ingest/policy_admin.csv");
        assertThat(refused.statusCode()).isEqualTo(403);

        long seq = master.latestSeq();
        HttpResponse<String> wrong = post(token("ada", "ada-password"), "ORDER_DESK",
                "assets/ingest/order_desk.mapping.json", "assets/ingest/policy_admin.csv");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(WireCodec.JSON.readTree(wrong.body()).path("detail").asText())
                .startsWith("The extract has no column customerRef").doesNotContain(dir.toString());
        HttpResponse<String> mismatch = post(token("ada", "ada-password"), "CAMPAIGN_HUB",
                "assets/ingest/order_desk.mapping.json", "assets/ingest/order_desk.jsonl");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(WireCodec.JSON.readTree(mismatch.body()).path("field").asText()).isEqualTo("system");
        assertThat(master.latestSeq()).isEqualTo(seq);
    }

    private String token(String user, String password) {
        return new MasterClient(address).signIn(user, password).token();
    }

    private HttpResponse<String> post(String token, String system, String mapping, String extract) throws Exception {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"system\"\r\n\r\n" + system + "\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), part("mapping", Path.of(mapping)),
                part("extract", Path.of(extract)), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(address.resolve("/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] part(String name, Path file) throws Exception {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file), "\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
