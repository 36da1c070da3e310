package com.ringside.cli;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CustomerStore;
import com.ringside.domain.Customer;
import com.ringside.domain.UserRole;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterServer;
import com.ringside.server.TestMasters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ringside sync` brings a cache level with its master and exits, signing in once. */
class SyncCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCacheIsBroughtLevelAndTheSessionRememberedForTheNextRun() {
        try (JdbcMasterStore master = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"));
             MasterServer server = new MasterServer(master, Clock.systemUTC(), Duration.ofHours(1))) {
            String address = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            server.authenticator().addUser("sam", "Sam Agent", UserRole.AGENT, "sam-password".toCharArray());
            Customer ana = master.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").build(), Clock.systemUTC().instant());
            String desk = dir.resolve("desk").toString();

            assertThatThrownBy(() -> run("", "sync", "--server", address, "--data-dir", desk))
                    .isInstanceOf(Options.UsageException.class).hasMessageContaining("--password-stdin");
            assertThat(run("sam-password\n", "sync", "--server", address, "--data-dir", desk, "--username", "sam",
                    "--password-stdin")).startsWith("In step with " + address);
            try (CacheDatabase cache = CacheDatabase.open(Path.of(desk))) {
                assertThat(new CustomerStore(cache).find(ana.id())).isPresent();
            }
            assertThat(run("", "sync", "--server", address, "--data-dir", desk)).as("the remembered session")
                    .startsWith("In step with");
        }
    }

    private static String run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SyncCommand().run(List.of(args).subList(1, args.length),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(err, true));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
