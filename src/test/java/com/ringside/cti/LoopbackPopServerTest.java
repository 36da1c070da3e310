package com.ringside.cti;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.testing.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen-pop URL as CTI middleware and a curious web page would meet it, over real loopback HTTP. */
class LoopbackPopServerTest {
    private static final String TOKEN = "s3cret-token-of-this-install";
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T20:00:00Z"));
    private final List<CallEvent> calls = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private LoopbackPopServer server;

    @BeforeEach
    void start() {
        server = new LoopbackPopServer(TOKEN, clock, new LoopbackPopServer.Receiver() {
            @Override
            public void call(CallEvent event) {
                calls.add(event);
            }

            @Override
            public void open(String number) {
                opened.add(number);
            }

            @Override
            public void front() {
                opened.add("front");
            }

            @Override
            public void refused(long total) {
                refused.set(total);
            }
        });
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRingWithTheTokenReachesTheDeskAsJsonOrAsAForm() throws Exception {
        HttpResponse<String> json = post(LoopbackPopServer.CALLS, "application/json",
                "{\"number\":\"+1 (415) 555-0123\",\"direction\":\"inbound\",\"callId\":\"pbx-77\"}", TOKEN);
        assertThat(json.statusCode()).isEqualTo(202);
        assertThat(json.body()).contains("pbx-77");
        HttpResponse<String> form = post(LoopbackPopServer.CALLS, "application/x-www-form-urlencoded",
                "number=%2B14155550199&state=ringing", TOKEN);
        assertThat(form.statusCode()).isEqualTo(202);
        HttpResponse<String> ended = post(LoopbackPopServer.CALLS, "application/json",
                "{\"callId\":\"pbx-77\",\"state\":\"ended\"}", TOKEN);
        assertThat(ended.statusCode()).isEqualTo(202);

        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).satisfies(call -> {
            assertThat(call.callId()).isEqualTo("pbx-77");
            assertThat(call.callerId()).isEqualTo("+1 (415) 555-0123");
            assertThat(call.inbound()).isTrue();
            assertThat(call.state()).isEqualTo(CallEvent.CallState.RINGING);
            assertThat(call.at()).isEqualTo(clock.instant());
        });
        assertThat(calls.get(1).callerId()).isEqualTo("+14155550199");
        assertThat(calls.get(1).callId()).as("a call id is made up when none is given").startsWith("http-");
        assertThat(calls.get(2).state()).isEqualTo(CallEvent.CallState.ENDED);

        assertThat(post(LoopbackPopServer.OPEN, "application/json", "{\"number\":\"tel:+14155550123\"}", TOKEN).statusCode())
                .isEqualTo(202);
        assertThat(opened).containsExactly("tel:+14155550123");
    }

    @Test
    void withoutTheRightTokenNothingReachesTheDesk() throws Exception {
        String ring = "{\"number\":\"+14155550123\"}";
        HttpResponse<String> none = post(LoopbackPopServer.CALLS, "application/json", ring, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(none.body()).contains("token");
        assertThat(post(LoopbackPopServer.CALLS, "application/json", ring, TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(post(LoopbackPopServer.FRONT, "application/json", "{}", "").statusCode()).isEqualTo(401);
        assertThat(calls).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void aRequestFromAWebPageThroughAnotherHostNameIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String body = "{\"number\":\"+14155550123\"}";
            OutputStream out = socket.getOutputStream();
            out.write(("POST /cti/calls HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).contains("403");
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingHalfDone() throws Exception {
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "{\"number\":\"1\",\"direction\":\"sideways\"}", TOKEN).body())
                .contains("direction");
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "{\"state\":\"ended\"}", TOKEN).body())
                .contains("callId");
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "{\"number\":", TOKEN).body()).contains("not valid JSON");
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "[1,2]", TOKEN).body()).contains("JSON object");
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "{\"number\":42}", TOKEN).body())
                .contains("number: must be text");
        HttpResponse<String> huge = post(LoopbackPopServer.CALLS, "application/json",
                "{\"number\":\"" + "9".repeat(10_000) + "\"}", TOKEN);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("number: at most");
        assertThat(post(LoopbackPopServer.OPEN, "application/json", "{}", TOKEN).body()).contains("number: is required");
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "{\"number\":\"" + "9".repeat(100_000) + "\"}", TOKEN)
                .statusCode()).as("a body past the limit").isEqualTo(413);
        assertThat(calls).isEmpty();
        assertThat(opened).isEmpty();

        HttpResponse<String> withheld = post(LoopbackPopServer.CALLS, "application/json", "{\"number\":\"\"}", TOKEN);
        assertThat(withheld.statusCode()).as("a withheld number is still a call").isEqualTo(202);
        assertThat(calls).singleElement().satisfies(call -> assertThat(call.callerId()).isEmpty());
    }

    @Test
    void aFloodOfRingsIsCutAtFiftyASecondAndCounted() throws Exception {
        int accepted = 0;
        int tooMany = 0;
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> answer = post(LoopbackPopServer.CALLS, "application/json",
                    "{\"number\":\"+1415555" + String.format("%04d", i) + "\"}", TOKEN);
            if (answer.statusCode() == 202) {
                accepted++;
            } else if (answer.statusCode() == 429) {
                tooMany++;
                assertThat(answer.headers().firstValue("Retry-After")).contains("1");
            }
        }
        assertThat(accepted).isEqualTo(LoopbackPopServer.MAX_CALLS_PER_SECOND);
        assertThat(tooMany).isEqualTo(1_000 - LoopbackPopServer.MAX_CALLS_PER_SECOND);
        assertThat(refused.get()).isEqualTo(tooMany);
        assertThat(calls).hasSize(accepted);

        clock.set(clock.instant().plusSeconds(1));
        assertThat(post(LoopbackPopServer.CALLS, "application/json", "{\"number\":\"+14155550123\"}", TOKEN).statusCode())
                .as("the next second takes rings again").isEqualTo(202);
    }

    @Test
    void aTakenPortFallsBackToAFreeOneAndTheEndpointFileIsPrivateAndKeepsItsToken(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             LoopbackPopServer second = new LoopbackPopServer(TOKEN, clock, new LoopbackPopServer.Receiver() {
                 @Override
                 public void call(CallEvent event) {
                 }

                 @Override
                 public void open(String number) {
                 }

                 @Override
                 public void front() {
                 }

                 @Override
                 public void refused(long total) {
                 }
             })) {
            int port = second.start(taken.getLocalPort());
            assertThat(port).isNotEqualTo(taken.getLocalPort()).isPositive();
        }

        String token = DeskEndpoint.token(dataDir);
        new DeskEndpoint(server.port(), token).write(dataDir);
        assertThat(DeskEndpoint.token(dataDir)).as("made once per install").isEqualTo(token);
        assertThat(DeskEndpoint.read(dataDir)).contains(new DeskEndpoint(server.port(), token));
        Path file = dataDir.resolve(DeskEndpoint.FILE_NAME);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        Files.writeString(file, "port=banana\n");
        assertThat(DeskEndpoint.read(dataDir)).as("a damaged file is no endpoint").isEmpty();
    }

    private HttpResponse<String> post(String path, String type, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
