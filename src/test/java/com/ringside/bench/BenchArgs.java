package com.ringside.bench;

/** The harnesses' command lines: {@code --name value} pairs, each with a default. */
final class BenchArgs {
    private BenchArgs() {
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
