package com.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBadRoleOrUnknownCommandIsAUsageErrorNotACrash() {
        assertThat(run("--role", "boss")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--role must be one of [agent, supervisor, admin], not 'boss'");
        assertThat(run("dance")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'dance'");
        assertThat(run("--colour", "red")).isEqualTo(2);
    }

    @Test
    void aSoftphoneAddressThatCannotBeReachedIsRefusedBeforeTheDeskOpens() {
        assertThat(run("--baresip", "phone")).isEqualTo(2);
        assertThat(run("--baresip", "127.0.0.1:99999")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--baresip takes HOST:PORT", "not '127.0.0.1:99999'");
        assertThat(run("--baresip", "127.0.0.1:4444", "--dial-uri", "sip:pbx.example.com")).isEqualTo(2);
        assertThat(run("--dial-uri", "sip:{number}@pbx")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dial-uri goes with --baresip and must contain {number}");
    }

    @Test
    void aDataDirectoryNamedForTheFirstTimeIsClosedToOtherUsersBeforeAnythingIsWrittenInIt(@TempDir Path dir)
            throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = dir.resolve("new-desk");
        run("sync", "--data-dir", data.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo-data").contains("decide").contains("--role");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
