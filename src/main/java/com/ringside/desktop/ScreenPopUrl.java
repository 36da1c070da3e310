package com.ringside.desktop;

import com.ringside.cti.CallEvent;
import com.ringside.cti.DeskEndpoint;
import com.ringside.cti.LoopbackPopServer;
import com.ringside.desktop.shell.MainWindow;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The desk's screen-pop URL: the loopback server that CTI middleware, links and a second start of Ringside reach the
 * window through, and the file in the data directory that says where it is. Starting it does I/O.
 */
public final class ScreenPopUrl implements AutoCloseable {
    private final LoopbackPopServer server;
    private final DeskEndpoint endpoint;
    private final Path dataDirectory;

    private ScreenPopUrl(LoopbackPopServer server, DeskEndpoint endpoint, Path dataDirectory) {
        this.server = server;
        this.endpoint = endpoint;
        this.dataDirectory = dataDirectory;
    }

    /** Listens for {@code window} on {@code preferredPort}, or any free port when it is taken. */
    public static ScreenPopUrl start(Path dataDirectory, int preferredPort, MainWindow window, Clock clock) {
        String token = DeskEndpoint.token(dataDirectory);
        LoopbackPopServer server = new LoopbackPopServer(token, clock, new LoopbackPopServer.Receiver() {
            @Override
            public void call(CallEvent event) {
                window.acceptCall(event);
            }

            @Override
            public void open(String number) {
                window.openNumber(number);
            }

            @Override
            public void front() {
                window.bringToFront();
            }

            @Override
            public void refused(long total) {
                window.ringsRefused(total);
            }
        });
        DeskEndpoint endpoint = new DeskEndpoint(server.start(preferredPort), token);
        endpoint.write(dataDirectory);
        return new ScreenPopUrl(server, endpoint, dataDirectory);
    }

    public DeskEndpoint endpoint() {
        return endpoint;
    }

    /** Stops listening; the token stays in the file for the next start, the port is marked free. */
    @Override
    public void close() {
        server.close();
        new DeskEndpoint(0, endpoint.token()).write(dataDirectory);
    }
}
