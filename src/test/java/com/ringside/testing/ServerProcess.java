package com.ringside.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ringside server} as a process of its own, as operators run it; answers once it listens. */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Ringside master on (https?://\\S+?)/api/v1");
    private final Process process;
    private final URI address;

    private ServerProcess(Process process, URI address) {
        this.process = process;
        this.address = address;
    }

    /** Starts {@code ringside server ARGS} with {@code environment} added, and waits until it listens; its errors go to {@code log}. */
    public static ServerProcess start(List<String> args, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "com.ringside.app.Main", "server"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> awaitAddress(process));
        try {
            return new ServerProcess(process, listening.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the server did not start; its log: " + log, e);
        }
    }

    private static URI awaitAddress(Process process) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    URI address = URI.create(matcher.group(1));
                    Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "server-output");
                    drain.setDaemon(true);
                    drain.start();
                    return address;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the server stopped before it listened (exit " + process.exitValue() + ")");
    }

    public URI address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, as when the machine loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A normal stop (SIGTERM), as an operator's Ctrl+C. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
