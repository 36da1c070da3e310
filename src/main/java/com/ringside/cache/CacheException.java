package com.ringside.cache;

/** A problem with the local cache, worded for the person at the desk; the cause goes to the log. */
public class CacheException extends RuntimeException {
    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
