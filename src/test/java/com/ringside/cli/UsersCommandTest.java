package com.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.UserRole;
import com.ringside.server.MasterDatabase;
import com.ringside.server.Passwords;
import com.ringside.server.StoredUser;
import com.ringside.server.TestMasters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ringside users add`, as an administrator runs it against the embedded master. */
class UsersCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addsAUserWhosePasswordIsStoredAsAnArgon2idHashOnly() throws Exception {
        int status = run("correct horse battery\n", "add", "--username", "kim", "--role", "supervisor",
                "--password-stdin", "--data-dir", dir.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Added kim (supervisor)");

        try (var store = TestMasters.store(TestMasters.Backend.SQLITE, dir.resolve("master"))) {
            StoredUser kim = store.userByName("kim").orElseThrow();
            assertThat(kim.user().role()).isEqualTo(UserRole.SUPERVISOR);
            assertThat(kim.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("horse");
            assertThat(Passwords.matches("correct horse battery".toCharArray(), kim.passwordHash())).isTrue();
            assertThat(Passwords.matches("correct horse".toCharArray(), kim.passwordHash())).isFalse();
        }
        assertThat(Files.readAllBytes(dir.resolve("master").resolve(MasterDatabase.FILE_NAME)))
                .asString(StandardCharsets.ISO_8859_1).doesNotContain("correct horse battery");
    }

    @Test
    void aPasswordOnTheCommandLineAShortOneOrATakenNameIsRefused() {
        assertThatThrownBy(() -> run("", "add", "--username", "kim", "--role", "agent", "--password", "secret"))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("--password-stdin is required");
        assertThat(run("short\n", "add", "--username", "kim", "--role", "agent", "--password-stdin",
                "--data-dir", dir.toString())).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 8 characters");
        run("long enough one\n", "add", "--username", "kim", "--role", "agent", "--password-stdin", "--data-dir", dir.toString());
        assertThat(run("long enough two\n", "add", "--username", "kim", "--role", "agent", "--password-stdin",
                "--data-dir", dir.toString())).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'kim' is taken");
    }

    private int run(String stdin, String... args) {
        return new UsersCommand().run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
