package com.ringside.server;

/** A request the API refuses, with the problem type, status and words it answers with (RFC 9457). */
final class ApiException extends RuntimeException {
    final int status;
    final String type;
    final String title;
    final String field;

    ApiException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    ApiException(int status, String type, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Sign in first", detail);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Your role may not do this", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Already done", detail);
    }
}
