package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.UserRole;
import com.ringside.server.TestMasters.Backend;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a keystore the master speaks HTTPS only; a wrong keystore stops it before it listens. */
class TlsTest {
    private static final char[] PASSWORD = "keystore-password".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theMasterAnswersOverHttpsWithTheKeystoresCertificateAndRefusesPlainHttp() throws Exception {
        Path keystore = keystore();
        try (JdbcMasterStore store = TestMasters.store(Backend.SQLITE, dir.resolve("master"));
             MasterServer server = new MasterServer(store, Clock.systemUTC(), Duration.ofHours(1),
                     Tls.load(keystore, PASSWORD))) {
            int port = server.start("127.0.0.1", 0);
            server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> signIn = trusting.send(HttpRequest.newBuilder(
                            URI.create("https://127.0.0.1:" + port + "/api/v1/sessions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sam\",\"password\":\"sam-password\"}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(201);

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate").isInstanceOf(java.io.IOException.class);
            HttpResponse<String> plain = null;
            try {
                plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException expected) {
                // the connection is closed on a client that does not speak TLS
            }
            assertThat(plain == null || plain.statusCode() >= 400).as("plain HTTP gets nothing from the API").isTrue();
        }
    }

    @Test
    void aWrongPasswordOrMissingKeystoreIsSaidBeforeTheServerStarts() throws Exception {
        Path keystore = keystore();
        assertThatThrownBy(() -> Tls.load(keystore, "not-it".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read with that password");
        assertThatThrownBy(() -> Tls.load(dir.resolve("none.p12"), PASSWORD))
                .hasMessageContaining("there is no file");
        assertThat(Tls.load(keystore, PASSWORD).toString()).doesNotContain(new String(PASSWORD));
    }

    private Path keystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        if (Files.exists(keystore)) {
            return keystore;
        }
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ringside", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
