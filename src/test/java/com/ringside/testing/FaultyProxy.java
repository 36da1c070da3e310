package com.ringside.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that hurts the connections it carries, one fault per connection, chosen at random: a delay
 * before every chunk, a reset before the request reaches the server, a response cut short, or the first request
 * sent to the server twice (as a retrying middlebox would). Until it is healed, no connection lives longer than
 * 0.8 s, as on a flaky Wi-Fi, so a kept-alive connection meets the faults too. Counts what it did.
 */
public final class FaultyProxy implements AutoCloseable {
    public enum Fault { NONE, DELAY, RESET, TRUNCATE, DUPLICATE }

    private final ServerSocket listener;
    private final int target;
    private final Random random;
    private final double faultRate;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<Fault, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile boolean healthy;

    public FaultyProxy(int targetPort, long seed, double faultRate) throws IOException {
        this.target = targetPort;
        this.random = new Random(seed);
        this.faultRate = faultRate;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        for (Fault fault : Fault.values()) {
            counts.put(fault, new AtomicLong());
        }
        Thread acceptor = new Thread(this::accept, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, connections pass untouched (the network is back). */
    public void heal() {
        healthy = true;
    }

    public long count(Fault fault) {
        return counts.get(fault).get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Fault fault;
                synchronized (random) {
                    fault = healthy || random.nextDouble() >= faultRate ? Fault.NONE
                            : Fault.values()[1 + random.nextInt(Fault.values().length - 1)];
                }
                counts.get(fault).incrementAndGet();
                Thread carrier = new Thread(() -> carry(client, fault), "faulty-proxy-" + fault.name().toLowerCase(Locale.ROOT));
                carrier.setDaemon(true);
                carrier.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void carry(Socket client, Fault fault) {
        open.add(client);
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
            open.add(server);
            int cutAfter;
            synchronized (random) {
                cutAfter = 1 + random.nextInt(3_000);
            }
            switch (fault) {
                case RESET -> {
                    client.getInputStream().read(new byte[1]);
                    client.setSoLinger(true, 0);
                    return;
                }
                case DUPLICATE -> {
                    byte[] request = firstRequest(client.getInputStream());
                    try (Socket twin = new Socket(InetAddress.getLoopbackAddress(), target)) {
                        twin.getOutputStream().write(request);
                        twin.getOutputStream().flush();
                        twin.getInputStream().read(new byte[1]);
                    }
                    server.getOutputStream().write(request);
                }
                default -> { }
            }
            Thread upstream = new Thread(() -> pump(client, server, fault, Long.MAX_VALUE), "faulty-proxy-up");
            upstream.setDaemon(true);
            upstream.start();
            if (!healthy) {
                long lifetime;
                synchronized (random) {
                    lifetime = 100 + random.nextInt(700);
                }
                Thread dropper = new Thread(() -> {
                    try {
                        Thread.sleep(lifetime);
                    } catch (InterruptedException ignored) {
                        return;
                    }
                    if (!healthy) {
                        closeQuietly(client);
                        closeQuietly(server);
                    }
                }, "faulty-proxy-drop");
                dropper.setDaemon(true);
                dropper.start();
            }
            pump(server, client, fault, fault == Fault.TRUNCATE ? cutAfter : Long.MAX_VALUE);
        } catch (IOException ignored) {
            // a connection this proxy broke, or one the other side closed
        } finally {
            open.remove(client);
        }
    }

    private void pump(Socket from, Socket to, Fault fault, long limit) {
        byte[] buffer = new byte[8_192];
        long sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (fault == Fault.DELAY) {
                    Thread.sleep(20 + (read % 200));
                }
                int allowed = (int) Math.min(read, limit - sent);
                out.write(buffer, 0, allowed);
                out.flush();
                sent += allowed;
                if (sent >= limit) {
                    break;
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the other direction or the fault ended the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Reads one HTTP request (headers and a Content-Length body) as sent. */
    private static byte[] firstRequest(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            request.write(b);
            String text = request.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = contentLength(text);
                request.write(in.readNBytes(length));
                break;
            }
        }
        return request.toByteArray();
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(FaultyProxy::closeQuietly);
    }
}
