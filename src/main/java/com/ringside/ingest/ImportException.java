package com.ringside.ingest;

/** An extract or mapping that cannot be imported at all; the message says what to fix. Nothing was stored. */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }
}
