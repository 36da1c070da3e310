package com.ringside.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs `ringside audit verify` on the master in a data directory, as an administrator would; what it printed. */
public final class AuditCommandRunner {
    private AuditCommandRunner() {
    }

    public static String verify(Path dataDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new AuditCommand().run(List.of("verify", "--data-dir", dataDir.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return "exit " + code + ": " + out.toString(StandardCharsets.UTF_8);
    }
}
