package com.ringside.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.wire.SnapshotHeaders;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.EventBatchJson;
import com.ringside.wire.WireRecords.LoginJson;
import com.ringside.wire.WireRecords.AcknowledgementJson;
import com.ringside.wire.WireRecords.AuditEntryJson;
import com.ringside.wire.WireRecords.ContactRateJson;
import com.ringside.wire.WireRecords.FlaggedCallJson;
import com.ringside.wire.WireRecords.ImportReportJson;
import com.ringside.wire.WireRecords.MergeJson;
import com.ringside.wire.WireRecords.RepeatCallsJson;
import com.ringside.wire.WireRecords.RuleOutcomeJson;
import com.ringside.wire.WireRecords.MergeSuggestionJson;
import com.ringside.wire.WireRecords.PermitJson;
import com.ringside.wire.WireRecords.PermitRequestJson;
import com.ringside.wire.WireRecords.PushResultsJson;
import com.ringside.wire.WireRecords.RuleJson;
import com.ringside.wire.WireRecords.SessionJson;
import com.ringside.wire.WireRecords.SourceQualityJson;
import com.ringside.wire.WireRecords.WithdrawalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/** The desk's HTTP client for the master API (docs/openapi.yaml). Every call blocks: use it off the FX thread. */
public final class MasterClient {
    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration REQUEST = Duration.ofSeconds(15);
    private static final Duration PAGE = Duration.ofSeconds(120);

    /** The master speaks HTTP/1.1; left to its default, the client would ask to upgrade to HTTP/2 on every request. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT)
            .build();
    private final URI api;
    private volatile String token;

    public MasterClient(URI server) {
        String base = server.toString().replaceAll("/+$", "");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("The server address must start with http:// or https://, not '" + server + "'");
        }
        this.api = URI.create(base + "/api/v1");
    }

    public URI server() {
        return URI.create(api.toString().replace("/api/v1", ""));
    }

    public void useToken(String sessionToken) {
        this.token = sessionToken;
    }

    public SessionJson signIn(String username, String password) {
        SessionJson session = read(send(post("/sessions", new LoginJson(username, password))), SessionJson.class);
        token = session.token();
        return session;
    }

    public FeedPages.Pulled pull(long after, int limit) {
        HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(api + "/changes?after=" + after + "&limit=" + limit)))
                .timeout(PAGE).GET().build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw refused(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            return FeedPages.read(body);
        } catch (IOException e) {
            throw new MasterUnreachableException("The master's answer broke off: " + e.getMessage(), e);
        }
    }

    /** A snapshot of the master's cache, downloaded whole and checked: the cursor it was built up to. */
    public record Snapshot(UUID masterId, long cursor, long bytes) {
    }

    /**
     * Downloads the master's latest snapshot of a cache of {@code format} into {@code file}, checking its length
     * and CRC-32C as it arrives. Empty when the master has none of that format; then the cache syncs page by page.
     */
    public Optional<Snapshot> snapshot(String format, Path file) {
        HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(api + "/cache-snapshot?format="
                + java.net.URLEncoder.encode(format, StandardCharsets.UTF_8))))
                .timeout(PAGE).GET().build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw refused(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            SnapshotHeaders expected;
            try {
                expected = SnapshotHeaders.of(response.headers()::firstValue);
            } catch (IllegalArgumentException e) {
                throw new MasterUnreachableException(e.getMessage(), e);
            }
            CheckedInputStream checked = new CheckedInputStream(body, new CRC32C());
            long received;
            try (OutputStream out = Files.newOutputStream(file)) {
                received = checked.transferTo(out);
            }
            if (received != expected.bytes() || checked.getChecksum().getValue() != expected.crc32c()) {
                throw new MasterUnreachableException("The master's cache snapshot arrived damaged (" + received + " of "
                        + expected.bytes() + " bytes, " + (received == expected.bytes() ? "wrong" : "unchecked")
                        + " checksum)", null);
            }
            return Optional.of(new Snapshot(expected.masterId(), expected.cursor(), received));
        } catch (IOException e) {
            throw new MasterUnreachableException("The master's cache snapshot broke off: " + e.getMessage(), e);
        }
    }

    public PushResultsJson push(List<ContactEvent> events) {
        return read(send(post("/contact-events", new EventBatchJson(events.stream().map(WireCodec::event).toList()))),
                PushResultsJson.class);
    }

    public PermitJson permit(PermitRequestJson request) {
        return read(send(post("/dial-permits", request)), PermitJson.class);
    }

    /** Tells the master a permitted call was never dialled; it takes the call out (asking twice is harmless). */
    public void withdraw(UUID eventId, UUID customerId, String reason) {
        send(post("/dial-permits/" + eventId + "/withdrawal", new WithdrawalJson(customerId.toString(), reason)));
    }

    /** Creates {@code draft} at the master, which gives it its id; returns the customer as stored. */
    public Customer createCustomer(Customer draft) {
        CustomerJson json = WireCodec.customer(draft);
        CustomerJson asNew = new CustomerJson(null, null, json.displayName(), json.givenName(), json.familyName(),
                json.timeZone(), json.phones(), json.emails(), json.doNotCall(), json.doNotCallReason(), json.accounts(),
                json.birthDate(), null, null, null);
        return WireCodec.customer(read(send(post("/customers", asNew)), CustomerJson.class), "customer");
    }

    /** Possible duplicates waiting for a supervisor. */
    public List<MergeSuggestionJson> mergeSuggestions() {
        return List.of(read(send(get("/merge-suggestions", Map.of())), MergeSuggestionJson[].class));
    }

    /** Each source system's figures in the master. */
    public List<SourceQualityJson> dataQuality() {
        return List.of(read(send(get("/data-quality", Map.of())), SourceQualityJson[].class));
    }

    /** Calls supervisors review; {@code query} holds the filters (kind, acknowledged, from, to, line, text, limit). */
    public List<FlaggedCallJson> flaggedCalls(Map<String, String> query) {
        return List.of(read(send(get("/flagged-calls", query)), FlaggedCallJson[].class));
    }

    public void acknowledge(String eventId, String comment) {
        send(post("/flagged-calls/" + eventId + "/acknowledgement", new AcknowledgementJson(comment)));
    }

    public List<AuditEntryJson> audit(String text, int limit) {
        return List.of(read(send(get("/audit", Map.of("text", text, "limit", Integer.toString(limit)))),
                AuditEntryJson[].class));
    }

    /** {@code range}: from, to, line and zone, as the report endpoints take them. */
    public RepeatCallsJson repeatCalls(Map<String, String> range) {
        return read(send(get("/reports/repeat-calls", range)), RepeatCallsJson.class);
    }

    public List<RuleOutcomeJson> ruleOutcomes(Map<String, String> range) {
        return List.of(read(send(get("/reports/rule-outcomes", range)), RuleOutcomeJson[].class));
    }

    public List<ContactRateJson> contactRates(Map<String, String> range) {
        return List.of(read(send(get("/reports/contact-rates", range)), ContactRateJson[].class));
    }

    private HttpRequest get(String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(api + path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : new java.util.TreeMap<>(query).entrySet()) {
            if (parameter.getValue() != null && !parameter.getValue().isBlank()) {
                uri.append(separator).append(parameter.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(parameter.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return authorised(HttpRequest.newBuilder(URI.create(uri.toString()))).timeout(REQUEST).GET().build();
    }

    /**
     * Imports a source system's extract at the master (administrators): the mapping and the extract go as
     * multipart form data, and the import report comes back.
     */
    public ImportReportJson importExtract(String system, Path mapping, Path extract) throws IOException {
        String boundary = "ringside-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        part(body, boundary, "form-data; name=\"system\"", system.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "form-data; name=\"mapping\"; filename=\"" + fileName(mapping) + "\"",
                Files.readAllBytes(mapping));
        part(body, boundary, "form-data; name=\"extract\"; filename=\"" + fileName(extract) + "\"",
                Files.readAllBytes(extract));
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(api + "/imports")))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return read(send(request), ImportReportJson.class);
    }

    private static void part(java.io.ByteArrayOutputStream body, String boundary, String disposition, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A file's name as a form field may carry it: no quotes, no line breaks. */
    private static String fileName(Path file) {
        return file.getFileName().toString().replaceAll("[\"\\r\\n]", "_");
    }

    public MergeJson acceptSuggestion(String suggestionId) {
        return read(send(post("/merge-suggestions/" + suggestionId + "/accept", Map.of())), MergeJson.class);
    }

    public void rejectSuggestion(String suggestionId) {
        send(post("/merge-suggestions/" + suggestionId + "/reject", Map.of()));
    }

    public void undoMerge(String mergeId) {
        send(post("/merges/" + mergeId + "/undo", Map.of()));
    }

    public RuleJson saveRule(ContactRule rule, boolean isNew) {
        String body = WireCodec.write(WireCodec.rule(rule));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + "/rules" + (isNew ? "" : "/" + rule.id())));
        HttpRequest request = authorised(builder).timeout(REQUEST).header("Content-Type", "application/json")
                .method(isNew ? "POST" : "PUT", HttpRequest.BodyPublishers.ofString(body)).build();
        return read(send(request), RuleJson.class);
    }

    /**
     * Listens to the master's notifications until the connection ends; {@code onChange} hears the latest seq.
     * Returns normally when the master closes the stream; throws when it cannot be reached.
     */
    public void listen(LongConsumer onChange) {
        HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(api + "/stream")))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw refused(response.statusCode(), "");
            }
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    JsonNode data = WireCodec.JSON.readTree(line.substring(5).strip());
                    onChange.accept(data.path("seq").asLong());
                }
            }
        } catch (IOException e) {
            throw new MasterUnreachableException("The master's notifications stopped: " + e.getMessage(), e);
        }
    }

    private HttpRequest post(String path, Object body) {
        return authorised(HttpRequest.newBuilder(URI.create(api + path))).timeout(REQUEST)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireCodec.write(body))).build();
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
        String current = token;
        return current == null ? builder : builder.header("Authorization", "Bearer " + current);
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw refused(response.statusCode(), response.body());
        }
        return response;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new MasterUnreachableException("The master at " + server() + " cannot be reached: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterUnreachableException("Interrupted while waiting for the master", e);
        }
    }

    private static RuntimeException refused(int status, String body) {
        if (status >= 500) {
            return new MasterUnreachableException("The master failed (HTTP " + status + ")", null);
        }
        try {
            JsonNode problem = WireCodec.JSON.readTree(body);
            return new MasterRefusedException(status, problem.path("type").asText(""), problem.path("detail").asText(body));
        } catch (IOException | RuntimeException e) {
            return new MasterRefusedException(status, "", "The master refused the request (HTTP " + status + ")");
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return WireCodec.read(response.body(), type);
    }
}
