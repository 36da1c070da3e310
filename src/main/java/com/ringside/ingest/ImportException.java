package com.ringside.ingest;

/**
 * An extract or mapping that cannot be imported, or an import that stopped; the message says what to fix and what,
 * if anything, was stored.
 */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
