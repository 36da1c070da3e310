package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.InvalidValueException;
import com.ringside.domain.UserRole;
import com.ringside.identity.PhoneNormalizer;
import com.ringside.ingest.ImportException;
import com.ringside.ingest.ImportReport;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.wire.SnapshotHeaders;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.DecisionRequestJson;
import com.ringside.wire.WireRecords.EventBatchJson;
import com.ringside.wire.WireRecords.EventJson;
import com.ringside.wire.WireRecords.HealthJson;
import com.ringside.wire.WireRecords.ImportReportJson;
import com.ringside.wire.WireRecords.LoginJson;
import com.ringside.wire.WireRecords.MergeJson;
import com.ringside.wire.WireRecords.MergeSuggestionJson;
import com.ringside.wire.WireRecords.PermitJson;
import com.ringside.wire.WireRecords.PermitRequestJson;
import com.ringside.wire.WireRecords.ProblemJson;
import com.ringside.wire.WireRecords.PushResultJson;
import com.ringside.wire.WireRecords.PushResultsJson;
import com.ringside.wire.WireRecords.RejectedRowJson;
import com.ringside.wire.WireRecords.RuleJson;
import com.ringside.wire.WireRecords.SessionJson;
import com.ringside.wire.WireRecords.SourceQualityJson;
import com.ringside.wire.WireRecords.ViolationJson;
import com.ringside.wire.WireRecords.WithdrawalJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's HTTP API under /api/v1 (docs/openapi.yaml). Every request but sign-in, health and the contract
 * carries a bearer token, and the role is checked here, never trusted from the desk.
 */
public final class MasterServer implements AutoCloseable {
    public static final String API = "/api/v1";
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_BATCH = 1_000;
    private static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** A record nobody has touched for this long is counted as stale in the data-quality figures. */
    static final Duration STALE_AFTER = Duration.ofDays(365);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(MasterServer.class);

    private final MasterStore store;
    private final Authenticator authenticator;
    private final Clock clock;
    private final ChangeNotifier notifier;
    private final SignInThrottle throttle;
    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private final Javalin app;
    private volatile CacheSnapshots snapshots;
    private String host;
    private int port;

    public MasterServer(MasterStore store, Clock clock, Duration sessionLength) {
        this(store, clock, sessionLength, null);
    }

    /** With {@code tls} (null: plain HTTP), the server answers only HTTPS, with the keystore's key and certificate. */
    public MasterServer(MasterStore store, Clock clock, Duration sessionLength, Tls tls) {
        this.store = store;
        this.clock = clock;
        this.authenticator = new Authenticator(store, clock, sessionLength);
        this.notifier = new ChangeNotifier(store);
        this.throttle = new SignInThrottle(clock);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            if (tls != null) {
                config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
            }
        });
        routes();
    }

    /** Starts listening on {@code host}:{@code port} (0: any free port) and returns the port. */
    public int start(String host, int port) {
        this.host = host;
        this.port = port;
        app.start(host, port);
        LOG.info("Master API on http://{}:{}{} ({})", host, app.port(), API, store.getClass().getSimpleName());
        return app.port();
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** Offers desks syncing for the first time the snapshots {@code source} keeps (GET /cache-snapshot). */
    public void serveSnapshots(CacheSnapshots source) {
        this.snapshots = source;
    }

    @Override
    public void close() {
        notifier.close();
        app.stop();
    }

    private void routes() {
        app.before(API + "/*", this::authenticate);
        app.get(API + "/health", ctx -> ctx.json(new HealthJson("ok", store.masterId().toString(), store.latestSeq(),
                store instanceof JdbcMasterStore ? "jdbc" : store.getClass().getSimpleName())));
        app.get(API + "/openapi.yaml", this::contract);
        app.post(API + "/sessions", this::signIn);
        app.delete(API + "/sessions/current", ctx -> {
            authenticator.signOut(token(ctx));
            ctx.status(204);
        });
        app.get(API + "/changes", this::changes);
        app.get(API + "/cache-snapshot", this::cacheSnapshot);
        app.post(API + "/contact-events", this::push);
        app.post(API + "/decisions", this::decide);
        app.post(API + "/dial-permits", this::permit);
        app.post(API + "/dial-permits/{id}/withdrawal", this::withdraw);
        app.get(API + "/rules", ctx -> ctx.json(store.rules().stream().map(WireCodec::rule).toList()));
        app.get(API + "/rules/{id}", ctx -> ctx.json(WireCodec.rule(store.rule(pathId(ctx))
                .orElseThrow(() -> ApiException.notFound("There is no rule " + ctx.pathParam("id") + ".")))));
        app.post(API + "/rules", ctx -> saveRule(ctx, null));
        app.put(API + "/rules/{id}", ctx -> saveRule(ctx, pathId(ctx)));
        app.delete(API + "/rules/{id}", this::deleteRule);
        app.get(API + "/customers/{id}", ctx -> ctx.json(WireCodec.customer(store.customer(pathId(ctx))
                .orElseThrow(() -> ApiException.notFound("There is no customer " + ctx.pathParam("id") + ".")))));
        app.get(API + "/customers", this::customersByPhone);
        app.post(API + "/customers", this::createCustomer);
        app.get(API + "/violations", this::violations);
        app.post(API + "/imports", this::importExtract);
        app.get(API + "/merge-suggestions", this::mergeSuggestions);
        app.get(API + "/data-quality", ctx -> {
            require(ctx, UserRole.SUPERVISOR);
            ctx.json(store.dataQuality(clock.instant().minus(STALE_AFTER)).stream().map(q -> new SourceQualityJson(
                    q.system(), q.customers(), q.withoutPhone(), q.possibleDuplicates(), q.stale(),
                    q.lastImport() == null ? null : q.lastImport().toString(), q.lastFile(), q.lastRows(),
                    q.lastRejected())).toList());
        });
        app.post(API + "/merge-suggestions/{id}/accept", this::acceptSuggestion);
        app.post(API + "/merge-suggestions/{id}/reject", ctx -> {
            require(ctx, UserRole.SUPERVISOR);
            store.rejectSuggestion(pathId(ctx), user(ctx).id(), clock.instant());
            ctx.status(204);
        });
        app.post(API + "/merges/{id}/undo", ctx -> {
            require(ctx, UserRole.SUPERVISOR);
            store.unmerge(pathId(ctx), user(ctx).id(), clock.instant());
            notifier.nudge();
            ctx.status(204);
        });
        new SupervisionApi(store, clock).register(app);
        app.sse(API + "/stream", notifier::join);

        app.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status, e.type, e.title, e.getMessage(), e.field));
        app.exception(InvalidValueException.class, (e, ctx) ->
                problem(ctx, 400, "invalid-value", "A value is not valid", e.getMessage(), e.field()));
        app.exception(IllegalArgumentException.class, (e, ctx) ->
                problem(ctx, 400, "invalid-value", "A value is not valid", e.getMessage(), null));
        app.exception(UnknownCursorException.class, (e, ctx) ->
                problem(ctx, 409, "unknown-cursor", "The cursor is not from this master", e.getMessage(), "after"));
        app.exception(UnknownCustomerException.class, (e, ctx) ->
                problem(ctx, 404, "unknown-customer", "Unknown customer", e.getMessage(), "customerId"));
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                e.getStatus() == 413 ? "too-large" : "http-" + e.getStatus(), e.getMessage(),
                e.getStatus() == 413 ? "The request is larger than " + MAX_BODY_BYTES / 1024 / 1024 + " MB." : e.getMessage(), null));
        app.exception(MasterException.class, (e, ctx) -> {
            LOG.error("Master store failed", e);
            problem(ctx, 503, "store-unavailable", "The master database is unavailable", e.getMessage(), null);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "internal", "Unexpected failure", "The server failed; the log has the details.", null);
        });
        app.error(404, ctx -> {
            if (!PROBLEM_JSON.equals(ctx.contentType())) {
                problem(ctx, 404, "not-found", "Not found", "There is no " + ctx.method() + " " + ctx.path() + ".", null);
            }
        });
        app.error(405, ctx -> problem(ctx, 405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path() + ".", null));
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.equals(API + "/health") || path.equals(API + "/openapi.yaml")
                || (path.equals(API + "/sessions") && "POST".equals(ctx.method().name()))) {
            return;
        }
        User user = authenticator.userOf(token(ctx)).orElseThrow(() -> ApiException.unauthorized(
                "Send a valid session token as 'Authorization: Bearer …'; sign in with POST " + API + "/sessions. "
                        + "An expired or revoked token must be renewed by signing in again."));
        ctx.attribute("user", user);
    }

    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    }

    static User user(Context ctx) {
        return ctx.attribute("user");
    }

    static void require(Context ctx, UserRole role) {
        if (!user(ctx).role().atLeast(role)) {
            throw ApiException.forbidden("This needs the " + role + " role; you are " + user(ctx).role() + ".");
        }
    }

    private void contract(Context ctx) throws IOException {
        try (InputStream in = MasterServer.class.getResourceAsStream("/api/openapi.yaml")) {
            if (in == null) {
                throw ApiException.notFound("The contract is not packaged with this build.");
            }
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }

    private void signIn(Context ctx) {
        LoginJson login = body(ctx, LoginJson.class);
        if (login.username() == null || login.password() == null) {
            throw new InvalidValueException(login.username() == null ? "username" : "password", "is required");
        }
        String address = ctx.ip();
        throttle.wait(login.username(), address).ifPresent(pause -> {
            ctx.header("Retry-After", Long.toString(Math.max(1, pause.toSeconds())));
            throw new ApiException(429, "too-many-sign-ins", "Too many failed sign-ins",
                    "Too many wrong passwords for this user or from this computer. Try again in "
                            + Math.max(1, pause.toSeconds()) + " seconds.");
        });
        Optional<Authenticator.Session> signedIn = authenticator.signIn(login.username(), login.password().toCharArray());
        if (signedIn.isEmpty()) {
            throttle.failed(login.username(), address);
            LOG.warn("Failed sign-in for '{}' from {}", printable(login.username()), address);
            throw new ApiException(401, "bad-credentials", "Sign-in failed", "The username or password is wrong.");
        }
        throttle.succeeded(login.username());
        Authenticator.Session session = signedIn.get();
        User user = session.user();
        ctx.status(201).json(new SessionJson(session.token(), user.id().toString(), user.username(), user.displayName(),
                user.role().name(), session.expiresAt().toString()));
    }

    private void changes(Context ctx) throws IOException {
        long after = longParam(ctx, "after", 0);
        int limit = (int) longParam(ctx, "limit", 1_000);
        if (after < 0) {
            throw new InvalidValueException("after", "must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_PAGE);
        }
        // The cursor is checked before the first byte is written, so an unknown one still gets a problem answer.
        store.changes(after, 0, (seq, kind, op, body) -> { });
        ctx.contentType("application/json");
        try (FeedWriter page = new FeedWriter(ctx.outputStream(), store.masterId())) {
            page.finish(store.changes(after, limit, page::change));
        }
    }

    private void cacheSnapshot(Context ctx) throws IOException {
        String format = ctx.queryParam("format");
        if (format == null || format.isBlank()) {
            throw new InvalidValueException("format", "is required: the format of the cache the desk keeps");
        }
        CacheSnapshots source = snapshots;
        CacheSnapshots.Snapshot snapshot = (source == null ? Optional.<CacheSnapshots.Snapshot>empty()
                : source.latest(format)).orElseThrow(() -> ApiException.notFound(
                "This master has no cache snapshot of that format; sync page by page from /changes."));
        InputStream file;
        try {
            file = Files.newInputStream(snapshot.file());
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("The cache snapshot was replaced a moment ago; ask again.");
        }
        // Sent as it is stored: its length and checksum are the file's, and compressing gigabytes would cost more
        // CPU than the copy saves.
        ctx.disableCompression();
        ctx.contentType(SnapshotHeaders.MEDIA_TYPE);
        ctx.header("Content-Length", Long.toString(snapshot.bytes()));
        ctx.header(SnapshotHeaders.LENGTH, Long.toString(snapshot.bytes()));
        ctx.header(SnapshotHeaders.MASTER_ID, snapshot.masterId().toString());
        ctx.header(SnapshotHeaders.CURSOR, Long.toString(snapshot.cursor()));
        ctx.header(SnapshotHeaders.CRC32C, Long.toHexString(snapshot.crc32c()));
        try (InputStream in = file; OutputStream out = ctx.outputStream()) {
            in.transferTo(out);
        }
    }

    private void push(Context ctx) {
        EventBatchJson batch = body(ctx, EventBatchJson.class);
        if (batch.events() == null) {
            throw new InvalidValueException("events", "is required");
        }
        if (batch.events().size() > MAX_BATCH) {
            throw new InvalidValueException("events", "at most " + MAX_BATCH + " events per request");
        }
        Map<Integer, PushResultJson> answers = new java.util.TreeMap<>();
        List<ContactEvent> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            EventJson json = batch.events().get(i);
            try {
                valid.add(WireCodec.event(json, "events[" + i + "]"));
                positions.add(i);
            } catch (InvalidValueException e) {
                answers.put(i, new PushResultJson(json == null ? null : json.id(), "REJECTED", e.getMessage(), null));
            }
        }
        List<PushResult> results = store.push(valid, clock.instant());
        for (int i = 0; i < results.size(); i++) {
            PushResult result = results.get(i);
            answers.put(positions.get(i), new PushResultJson(result.id().toString(), result.status().name(),
                    result.reason(), result.violation() == null ? null : WireCodec.decision(result.violation())));
        }
        notifier.nudge();
        ctx.json(new PushResultsJson(List.copyOf(answers.values())));
    }

    private void decide(Context ctx) {
        DecisionRequestJson json = body(ctx, DecisionRequestJson.class);
        DialRequest request = WireCodec.request(json, "request", clock.instant());
        ctx.json(WireCodec.decision(store.decide(request)));
    }

    private void permit(Context ctx) {
        PermitRequestJson json = body(ctx, PermitRequestJson.class);
        User user = user(ctx);
        UUID eventId = WireCodec.uuid("eventId", json.eventId());
        DialRequest request = WireCodec.request(new DecisionRequestJson(json.customerId(), json.number(),
                json.lineOfBusiness(), json.campaign(), user.id().toString(), null), "request", clock.instant());
        Permit permit = store.permit(request, eventId, user, json.overrideReason());
        if (permit.granted()) {
            notifier.nudge();
        }
        ctx.status(permit.granted() ? 201 : 200).json(new PermitJson(permit.granted(),
                WireCodec.decision(permit.decision()), permit.event() == null ? null : WireCodec.event(permit.event())));
    }

    /** The desk never dialled the call its permit was for: the master takes the call out. Asking twice is harmless. */
    private void withdraw(Context ctx) {
        WithdrawalJson json = body(ctx, WithdrawalJson.class);
        UUID customerId = WireCodec.uuid("customerId", json.customerId());
        String reason = json.reason() == null ? "" : json.reason().strip();
        if (reason.isEmpty() || reason.length() > WithdrawalJson.MAX_REASON) {
            throw new InvalidValueException("reason", "must say in 1 to " + WithdrawalJson.MAX_REASON
                    + " characters why the call was not dialled");
        }
        if (store.withdraw(pathId(ctx), customerId, user(ctx), reason, clock.instant())) {
            notifier.nudge();
        }
        ctx.status(204);
    }

    private void saveRule(Context ctx, UUID id) {
        require(ctx, UserRole.SUPERVISOR);
        RuleJson json = body(ctx, RuleJson.class);
        if (id != null && json.id() != null && !id.toString().equals(json.id())) {
            throw new InvalidValueException("id", "does not match the rule in the path");
        }
        if (id != null && store.rule(id).isEmpty()) {
            throw ApiException.notFound("There is no rule " + id + "; create it with POST " + API + "/rules.");
        }
        String ruleId = id != null ? id.toString() : json.id() != null ? json.id() : Ids.newId().toString();
        RuleJson withId = new RuleJson(ruleId, json.version(), json.name(), json.enabled(), json.severity(),
                json.overrideRole(), json.appliesTo(), json.attemptCap(), json.coolDowns(), json.callingHours(),
                json.holidays(), json.doNotCall(), json.requireFreshCache());
        ContactRule saved = store.saveRule(WireCodec.rule(withId, "rule"), user(ctx).id(), clock.instant());
        notifier.nudge();
        ctx.status(id == null ? 201 : 200).json(WireCodec.rule(saved));
    }

    private void deleteRule(Context ctx) {
        require(ctx, UserRole.SUPERVISOR);
        if (!store.deleteRule(pathId(ctx), user(ctx).id(), clock.instant())) {
            throw ApiException.notFound("There is no rule " + ctx.pathParam("id") + ".");
        }
        notifier.nudge();
        ctx.status(204);
    }

    private void customersByPhone(Context ctx) {
        String phone = ctx.queryParam("phone");
        if (phone == null || phone.isBlank()) {
            throw new InvalidValueException("phone", "is required: GET " + API + "/customers?phone=+14155550123");
        }
        var number = phones.normalize(phone)
                .orElseThrow(() -> new InvalidValueException("phone", "'" + phone + "' is not a phone number"));
        ctx.json(store.customersByPhone(number).stream().map(WireCodec::customer).toList());
    }

    private void createCustomer(Context ctx) {
        CustomerJson json = body(ctx, CustomerJson.class);
        if (json.id() != null) {
            throw new InvalidValueException("id", "is chosen by the master for a new customer; leave it out");
        }
        Customer customer = WireCodec.customer(new CustomerJson(Ids.newId().toString(), 1L, json.displayName(),
                json.givenName(), json.familyName(), json.timeZone(), json.phones(), json.emails(), json.doNotCall(),
                json.doNotCallReason(), json.accounts(), json.birthDate(), null, null, null), "customer");
        Customer stored = store.saveCustomer(customer, clock.instant());
        notifier.nudge();
        ctx.status(201).json(WireCodec.customer(stored));
    }

    /**
     * An administrator's import: multipart form data with {@code mapping} (the system's mapping file) and
     * {@code extract}; {@code system} must name the mapping's system. Extracts larger than a request may be are
     * imported with the command line on the server.
     */
    private void importExtract(Context ctx) throws IOException {
        require(ctx, UserRole.ADMIN);
        UploadedFile extract = ctx.uploadedFile("extract");
        UploadedFile mappingFile = ctx.uploadedFile("mapping");
        if (extract == null || mappingFile == null) {
            throw new InvalidValueException(extract == null ? "extract" : "mapping",
                    "is required: send the extract and its system's mapping as multipart form data");
        }
        String system = ctx.formParam("system");
        Path work = Files.createTempDirectory("ringside-import");
        try {
            Path mappingPath = work.resolve("mapping.json");
            Path extractPath = work.resolve(safeName(extract.filename()));
            try (InputStream in = mappingFile.content()) {
                Files.copy(in, mappingPath);
            }
            try (InputStream in = extract.content()) {
                Files.copy(in, extractPath);
            }
            SourceMapping mapping = SourceMapping.read(mappingPath);
            if (system == null || !system.equals(mapping.system())) {
                throw new InvalidValueException("system", "must name the mapping's system, " + mapping.system());
            }
            ImportReport report = new Importer(store.directory(user(ctx).id())).run(mapping, extractPath, clock.instant());
            notifier.nudge();
            ctx.json(new ImportReportJson(report.system(), report.file(), report.rowsRead(), report.created(),
                    report.matched(), report.merged(), report.suggested(), report.unchanged(), report.events(),
                    report.rejected().stream().map(r -> new RejectedRowJson(r.line(), r.reason())).toList(),
                    report.text()));
        } catch (ImportException e) {
            throw new ApiException(422, "import-refused", "The extract cannot be imported",
                    e.getMessage().replace(work.toString() + java.io.File.separator, ""));
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The uploaded file's own name, without any folders, as the report names it (and .jsonl says JSON lines). */
    private static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isBlank() || name.startsWith(".") ? "extract.csv" : name;
    }

    private void mergeSuggestions(Context ctx) {
        require(ctx, UserRole.SUPERVISOR);
        ctx.json(store.mergeSuggestions(MAX_PAGE).stream().map(s -> new MergeSuggestionJson(s.id().toString(),
                WireCodec.customer(s.customer()), WireCodec.customer(s.candidate()), s.score(), s.source(),
                s.createdAt().toString())).toList());
    }

    private void acceptSuggestion(Context ctx) {
        require(ctx, UserRole.SUPERVISOR);
        CustomerMerge merge = store.acceptSuggestion(pathId(ctx), user(ctx).id(), clock.instant());
        notifier.nudge();
        ctx.json(new MergeJson(merge.id().toString(), merge.survivorId().toString(), merge.mergedId().toString(),
                merge.movedEvents().size()));
    }

    private void violations(Context ctx) {
        require(ctx, UserRole.SUPERVISOR);
        String since = ctx.queryParam("since");
        Instant from = since == null ? Instant.EPOCH : WireCodec.instant("since", since);
        int limit = (int) longParam(ctx, "limit", 500);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_PAGE);
        }
        ctx.json(store.violations(from, limit).stream().map(v -> new ViolationJson(v.eventId().toString(),
                v.customerId().toString(), v.agentId() == null ? null : v.agentId().toString(),
                v.occurredAt().toString(), v.detectedAt().toString(), v.decision())).toList());
    }

    /** The request's JSON body as {@code type}; a body that is not a JSON object is refused with 400. */
    static <T> T body(Context ctx, Class<T> type) {
        T body = WireCodec.read(ctx.body(), type);
        if (body == null) {
            throw new InvalidValueException("(document)", "must be a JSON object");
        }
        return body;
    }

    /** A username as it may appear in a log line: no control characters, at most 64 of the rest. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }

    static UUID pathId(Context ctx) {
        return WireCodec.uuid("id", ctx.pathParam("id"));
    }

    static long longParam(Context ctx, String name, long fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, "must be a whole number, not '" + text + "'");
        }
    }

    private static void problem(Context ctx, int status, String type, String title, String detail, String field) {
        ctx.status(status).contentType(PROBLEM_JSON)
                .result(WireCodec.write(new ProblemJson("urn:ringside:problem:" + type, title, status, detail, field)));
    }
}
