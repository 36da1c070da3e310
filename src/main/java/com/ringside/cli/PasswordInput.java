package com.ringside.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A password piped to a command, so that it never shows in the process list or the shell's history. */
final class PasswordInput {
    static final String FLAG = "--password-stdin";

    private PasswordInput() {
    }

    static char[] read(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new Options.UsageException("no password on standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new Options.UsageException("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
