package com.ringside.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real baresip softphone on loopback, with its ctrl_tcp module, for tests: one account whose user part is a phone
 * number, silence as the microphone and nothing as the speaker. Tests that need it are skipped where baresip is not
 * installed (Debian/Ubuntu: {@code apt-get install baresip}).
 */
public final class Baresip implements AutoCloseable {
    private final Process process;
    public final int sipPort;
    public final int controlPort;
    public final String number;

    private Baresip(Process process, int sipPort, int controlPort, String number) {
        this.process = process;
        this.sipPort = sipPort;
        this.controlPort = controlPort;
        this.number = number;
    }

    /** Skips the calling test, naming the package, when baresip is not installed. */
    public static void assumeInstalled() {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "baresip")));
        assumeTrue(installed, "baresip is not installed; install the Debian package 'baresip' to run the softphone tests");
    }

    /** Starts baresip in {@code dir} as the phone of {@code number}; {@code autoAnswer} picks up incoming calls. */
    public static Baresip start(Path dir, String number, boolean autoAnswer) {
        assumeInstalled();
        try {
            Files.createDirectories(dir);
            int sip = freeSipPort();
            int control = freePort();
            Path silence = dir.resolve("silence.wav");
            Files.write(silence, silentWav(Duration.ofSeconds(30)));
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + sip,
                    "ctrl_tcp_listen 127.0.0.1:" + control,
                    "module_path /usr/lib/baresip/modules",
                    "module g711.so",
                    "module aufile.so",
                    "module_app account.so",
                    "module_app menu.so",
                    "module_app ctrl_tcp.so",
                    "audio_player aufile," + dir.resolve("heard.wav"),
                    "audio_source aufile," + silence,
                    "audio_alert aufile," + dir.resolve("alert.wav"),
                    "call_max_calls 4", ""));
            Files.writeString(dir.resolve("accounts"), "<sip:" + number + "@127.0.0.1:" + sip + ";transport=udp>;regint=0;answermode="
                    + (autoAnswer ? "auto" : "manual") + "\n");
            Files.writeString(dir.resolve("contacts"), "");
            Process process = new ProcessBuilder("baresip", "-f", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Baresip phone = new Baresip(process, sip, control, number);
            phone.awaitControl();
            return phone;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress control() {
        return new InetSocketAddress("127.0.0.1", controlPort);
    }

    /** The URI template that reaches this phone's account from another one on loopback. */
    public String dialUri() {
        return "sip:{number}@127.0.0.1:" + sipPort;
    }

    /** Kills baresip at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitControl() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("baresip exited with " + process.exitValue());
            }
            try (Socket probe = new Socket("127.0.0.1", controlPort)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("baresip's ctrl_tcp did not open within 10 s");
    }

    /** A free UDP/TCP port whose neighbour (baresip's TLS port) is free too. */
    private static int freeSipPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65_000 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("No free pair of ports for SIP");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] silentWav(Duration length) {
        int rate = 8_000;
        int samples = (int) (rate * length.toSeconds());
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        return wav.array();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
