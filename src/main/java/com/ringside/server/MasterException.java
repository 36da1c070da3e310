package com.ringside.server;

/** The master cannot do what was asked for a reason an operator must fix; the message says which. */
public final class MasterException extends RuntimeException {
    public MasterException(String message) {
        super(message);
    }

    public MasterException(String message, Throwable cause) {
        super(message, cause);
    }
}
