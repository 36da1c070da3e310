package com.ringside.server;

/** A feed cursor this master never issued: the desk synced with another master, or its cache is from elsewhere. */
public final class UnknownCursorException extends RuntimeException {
    public UnknownCursorException(long cursor) {
        super("Cursor " + cursor + " was not issued by this master. Sync again from the beginning (after=0).");
    }
}
