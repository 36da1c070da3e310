package com.ringside.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One `ringside` subcommand. Exit codes: 0 success, 1 failure while running, 2 invalid input or usage. */
public interface Command {
    int OK = 0;
    int FAILED = 1;
    int USAGE = 2;

    String name();

    String summary();

    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
