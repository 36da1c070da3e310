package com.ringside.crash;

import com.ringside.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The master as its own process ({@code ringside server --data-dir D --port P}), killed with SIGKILL and started
 * again on the same data and the same port, so that desks find it again by themselves.
 */
final class MasterProcess implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private ServerProcess running;

    MasterProcess(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        this.log = dataDirectory.resolve("server.log");
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the server; returns once it listens. */
    void start() throws IOException {
        running = ServerProcess.start(List.of("--data-dir", dataDirectory.toString(), "--port", Integer.toString(port)),
                Map.of(), log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    void kill() {
        if (running != null) {
            try {
                running.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
