package com.ringside.cti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ringside.concurrent.DaemonThreads;
import com.ringside.domain.PhoneNumber;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baresip softphone through its {@code ctrl_tcp} module: netstring-framed JSON, events one way, commands with a
 * token the answer carries back. Reconnects by itself; a call open when baresip goes away is reported as ended.
 */
public final class BaresipTelephony implements Telephony {
    private static final Logger LOG = LoggerFactory.getLogger(BaresipTelephony.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);

    private final InetSocketAddress control;
    private final String dialUri;
    private final Clock clock;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    /** Calls baresip has told us about and not yet ended: id → inbound. */
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final AtomicLong tokens = new AtomicLong();
    private volatile Consumer<CallEvent> listener = event -> { };
    private volatile Socket socket;
    private volatile boolean closed;
    private Thread reader;

    /**
     * {@code dialUri} turns a number into what baresip dials: {@code {number}} alone lets baresip complete it with the
     * account's domain; {@code sip:{number}@pbx.example.com} names the PBX.
     */
    public BaresipTelephony(InetSocketAddress control, String dialUri, Clock clock) {
        if (!dialUri.contains("{number}")) {
            throw new IllegalArgumentException("The baresip dial URI must contain {number}, e.g. sip:{number}@pbx.example.com");
        }
        this.control = control;
        this.dialUri = dialUri;
        this.clock = clock;
    }

    @Override
    public synchronized void start(Consumer<CallEvent> events) {
        if (reader != null) {
            throw new IllegalStateException("Already started");
        }
        listener = events;
        reader = DaemonThreads.named("baresip-events").newThread(this::run);
        reader.start();
    }

    @Override
    public boolean connected() {
        Socket current = socket;
        return current != null && !current.isClosed();
    }

    @Override
    public void dial(PhoneNumber number) {
        JsonNode answer = command("dial", dialUri.replace("{number}", number.e164()));
        if (!answer.path("ok").asBoolean(false)) {
            throw new DialException("The softphone refused to dial " + number.e164() + ": "
                    + answer.path("data").asText("no reason given").strip() + ". Nothing was recorded.", null);
        }
    }

    @Override
    public void hangUp(String callId) {
        if (open.containsKey(callId)) {
            command("hangup", "");
        }
    }

    @Override
    public String describe() {
        return "baresip at " + control.getHostString() + ":" + control.getPort();
    }

    @Override
    public void checkReady() {
        if (!connected()) {
            throw notReachable();
        }
    }

    private DialException notReachable() {
        return new DialException("The softphone (" + describe() + ") is not reachable. Start baresip with its "
                + "ctrl_tcp module, or choose another telephony in the settings; nothing was dialled.", null);
    }

    private JsonNode command(String name, String params) {
        Socket current = socket;
        if (current == null || current.isClosed()) {
            throw notReachable();
        }
        String token = "rs-" + tokens.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(token, answer);
        try {
            ObjectNode request = JSON.createObjectNode().put("command", name).put("params", params).put("token", token);
            OutputStream out = current.getOutputStream();
            synchronized (this) {
                out.write(Netstrings.encode(JSON.writeValueAsString(request)));
                out.flush();
            }
            return answer.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException e) {
            throw new DialException("The softphone (" + describe() + ") stopped answering: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new DialException("The softphone (" + describe() + ") did not answer within "
                    + ANSWER_WAIT.toSeconds() + " s; nothing was recorded.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DialException("Dialling was interrupted.", e);
        } finally {
            waiting.remove(token);
        }
    }

    private void run() {
        Duration retry = Duration.ofMillis(250);
        while (!closed) {
            try (Socket connection = new Socket()) {
                connection.connect(control, 2_000);
                connection.setTcpNoDelay(true);
                socket = connection;
                retry = Duration.ofMillis(250);
                LOG.info("Connected to {}", describe());
                InputStream in = new BufferedInputStream(connection.getInputStream());
                while (!closed) {
                    handle(JSON.readTree(Netstrings.read(in)));
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("{} is not reachable: {}", describe(), e.getMessage());
                }
            } finally {
                socket = null;
                lost();
            }
            sleep(retry);
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        }
    }

    private void handle(JsonNode message) {
        if (message.path("response").asBoolean(false)) {
            CompletableFuture<JsonNode> answer = waiting.get(message.path("token").asText(""));
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        if (!message.path("event").asBoolean(false) || !"call".equals(message.path("class").asText())) {
            return;
        }
        String id = message.path("id").asText("");
        if (id.isEmpty()) {
            return;
        }
        boolean inbound = "incoming".equals(message.path("direction").asText());
        String peer = message.path("peeruri").asText("");
        switch (message.path("type").asText()) {
            case "CALL_INCOMING" -> ring(id, true, peer);
            case "CALL_OUTGOING", "CALL_RINGING", "CALL_PROGRESS" -> ring(id, inbound, peer);
            case "CALL_ESTABLISHED" -> {
                ring(id, inbound, peer);
                emit(new CallEvent(id, CallEvent.CallState.ANSWERED, inbound, peer, describe(), clock.instant(), ""));
            }
            case "CALL_CLOSED" -> {
                if (open.remove(id) != null) {
                    announced.remove(id);
                    emit(new CallEvent(id, CallEvent.CallState.ENDED, inbound, peer, describe(), clock.instant(),
                            message.path("param").asText("")));
                }
            }
            default -> { }
        }
    }

    private void ring(String id, boolean inbound, String peer) {
        open.put(id, inbound);
        if (announced.add(id)) {
            emit(new CallEvent(id, CallEvent.CallState.RINGING, inbound, peer, describe(), clock.instant(), ""));
        }
    }

    /** baresip went away: whatever was open has ended, as far as anyone here can tell. */
    private void lost() {
        waiting.values().forEach(answer -> answer.completeExceptionally(new IOException("the connection was lost")));
        for (Map.Entry<String, Boolean> call : Map.copyOf(open).entrySet()) {
            open.remove(call.getKey());
            announced.remove(call.getKey());
            emit(new CallEvent(call.getKey(), CallEvent.CallState.ENDED, call.getValue(), "", describe(), clock.instant(),
                    "the softphone went away"));
        }
    }

    private void emit(CallEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("A call event could not be handled: {}", event, e);
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("Closing the baresip connection", e);
            }
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
