package com.ringside.sync;

/** The master could not be reached or did not answer in time: the desk works offline until it can. */
public final class MasterUnreachableException extends RuntimeException {
    public MasterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
