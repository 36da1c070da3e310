package com.ringside.cti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Hands a number or a call to the desk already running for this data directory, through its screen-pop URL. */
public final class DeskForwarder {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final DeskEndpoint endpoint;

    public DeskForwarder(DeskEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Thrown when no desk answers at the address in the file (it is not running, or still starting). */
    public static final class NotRunningException extends Exception {
        NotRunningException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Posts {@code fields} as JSON to {@code path}; returns the desk's answer, or throws when nothing answers. */
    public Answer post(String path, Map<String, String> fields) throws NotRunningException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + endpoint.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), detail(response.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new NotRunningException("No desk answers on port " + endpoint.port() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRunningException("Interrupted while reaching the desk", e);
        }
    }

    /** The desk's status code and, for a refusal, why. */
    public record Answer(int status, String detail) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private static String detail(String body) {
        try {
            return body == null || body.isBlank() ? "" : JSON.readTree(body).path("detail").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
