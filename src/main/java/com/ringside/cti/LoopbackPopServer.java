package com.ringside.cti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's screen-pop URL on loopback: CTI middleware, softphones (3CX, Zoiper…) and a second Ringside process
 * report calls here with the install's token. {@code POST /cti/calls} takes {@code number}, {@code direction}
 * (inbound, the default, or outbound), {@code callId} and {@code state} (ringing, the default, answered, ended) as
 * JSON or form fields; {@code POST /cti/open} shows the customer with a number (a {@code tel:} link);
 * {@code POST /cti/front} brings the desk forward. More than {@link #MAX_CALLS_PER_SECOND} rings a second are
 * refused with 429, so a runaway source cannot swamp the desk.
 */
public final class LoopbackPopServer implements AutoCloseable {
    public static final String CALLS = "/cti/calls";
    public static final String OPEN = "/cti/open";
    public static final String FRONT = "/cti/front";
    public static final String HEALTH = "/cti/health";
    static final int MAX_CALLS_PER_SECOND = 50;
    private static final long MAX_BODY_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackPopServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the desk does with what arrives; called on the server's threads. */
    public interface Receiver {
        void call(CallEvent event);

        /** A number to look up and show, without a call (a {@code tel:} link clicked). */
        void open(String number);

        void front();

        /** Rings refused so far for coming too fast. */
        void refused(long total);
    }

    private final byte[] token;
    private final Clock clock;
    private final Receiver receiver;
    private Javalin app;
    private final Object windowLock = new Object();
    private long windowSecond;
    private int inWindow;
    private long refused;

    public LoopbackPopServer(String token, Clock clock, Receiver receiver) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.receiver = receiver;
    }

    /** A Javalin cannot be started twice, so a second try on another port needs a fresh one. */
    private Javalin build() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            QueuedThreadPool threads = new QueuedThreadPool(8, 2);
            threads.setName("screen-pop-http");
            threads.setDaemon(true);
            config.jetty.threadPool = threads;
        });
        app.before("/cti/*", this::admit);
        app.post(CALLS, this::call);
        app.post(OPEN, ctx -> {
            String number = field(ctx, read(ctx), "number", true);
            receiver.open(number);
            ctx.status(202).json(Map.of("number", number));
        });
        app.post(FRONT, ctx -> {
            receiver.front();
            ctx.status(204);
        });
        app.get(HEALTH, ctx -> ctx.json(Map.of("app", "ringside")));
        app.exception(BadRequest.class, (e, ctx) -> problem(ctx, e.status, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("The screen-pop URL failed on {}", ctx.path(), e);
            problem(ctx, 500, "The desk could not take this request.");
        });
        return app;
    }

    /** Listens on 127.0.0.1, on {@code preferredPort} if it is free, else on any free port; returns the port. */
    public synchronized int start(int preferredPort) {
        if (app != null) {
            throw new IllegalStateException("Already started");
        }
        try {
            app = build().start("127.0.0.1", preferredPort);
        } catch (JavalinBindException e) {
            if (preferredPort == 0) {
                throw e;
            }
            LOG.warn("Port {} is taken; the screen-pop URL uses another one", preferredPort);
            app = build().start("127.0.0.1", 0);
        }
        LOG.info("Screen-pop URL: http://127.0.0.1:{}{}", app.port(), CALLS);
        return app.port();
    }

    public synchronized int port() {
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
        }
    }

    private void admit(Context ctx) {
        if (!isLoopback(ctx.req().getRemoteAddr())) {
            throw new BadRequest(403, "The screen-pop URL answers only this computer.");
        }
        // A web page cannot reach the desk through a name that resolves to loopback (DNS rebinding).
        String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT);
        if (!host.matches("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?")) {
            throw new BadRequest(403, "The screen-pop URL answers only to 127.0.0.1 or localhost.");
        }
        String offered = ctx.header("Authorization");
        offered = offered != null && offered.regionMatches(true, 0, "Bearer ", 0, 7) ? offered.substring(7).strip()
                : ctx.header("X-Ringside-Token");
        if (offered == null || !MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8))) {
            throw new BadRequest(401, "The token is missing or wrong: send this install's token as "
                    + "'Authorization: Bearer <token>' (it is in screen-pop.properties in the desk's data directory).");
        }
    }

    private void call(Context ctx) {
        JsonNode body = read(ctx);
        String number = field(ctx, body, "number", false);
        boolean inbound = switch (field(ctx, body, "direction", false).toLowerCase(Locale.ROOT)) {
            case "", "inbound", "in" -> true;
            case "outbound", "out" -> false;
            default -> throw new BadRequest(400, "direction: must be inbound or outbound");
        };
        CallEvent.CallState state = switch (field(ctx, body, "state", false).toLowerCase(Locale.ROOT)) {
            case "", "ringing" -> CallEvent.CallState.RINGING;
            case "answered" -> CallEvent.CallState.ANSWERED;
            case "ended" -> CallEvent.CallState.ENDED;
            default -> throw new BadRequest(400, "state: must be ringing, answered or ended");
        };
        String callId = field(ctx, body, "callId", false);
        if (callId.isEmpty()) {
            if (state != CallEvent.CallState.RINGING) {
                throw new BadRequest(400, "callId: is required to say a call was answered or ended");
            }
            callId = "http-" + UUID.randomUUID();
        }
        if (state == CallEvent.CallState.RINGING && !admitRing()) {
            ctx.header("Retry-After", "1");
            throw new BadRequest(429, "Too many calls at once: at most " + MAX_CALLS_PER_SECOND + " rings a second.");
        }
        receiver.call(new CallEvent(callId, state, inbound, number, "http", clock.instant(), ""));
        ctx.status(202).json(Map.of("callId", callId));
    }

    private boolean admitRing() {
        long total;
        synchronized (windowLock) {
            long second = clock.millis() / 1000;
            if (second != windowSecond) {
                windowSecond = second;
                inWindow = 0;
            }
            if (++inWindow <= MAX_CALLS_PER_SECOND) {
                return true;
            }
            total = ++refused;
        }
        receiver.refused(total);
        return false;
    }

    private static JsonNode read(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new BadRequest(400, "The body must be a JSON object such as {\"number\":\"+14155550123\"}.");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A text field from the JSON body, else from the form or query string; "" when absent. */
    private static String field(Context ctx, JsonNode body, String name, boolean required) {
        String value;
        if (body != null) {
            JsonNode node = body.get(name);
            if (node != null && !node.isNull() && !node.isTextual()) {
                throw new BadRequest(400, name + ": must be text");
            }
            value = node == null || node.isNull() ? null : node.asText();
        } else {
            value = ctx.formParam(name) != null ? ctx.formParam(name) : ctx.queryParam(name);
        }
        value = value == null ? "" : value.strip();
        if (value.length() > CallerId.MAX_LENGTH * 4) {
            throw new BadRequest(400, name + ": at most " + CallerId.MAX_LENGTH * 4 + " characters");
        }
        if (required && value.isEmpty()) {
            throw new BadRequest(400, name + ": is required");
        }
        return value;
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void problem(Context ctx, int status, String detail) {
        ctx.status(status).contentType("application/problem+json");
        ctx.result(JSON.createObjectNode().put("status", status).put("detail", detail).toString());
    }

    private static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
