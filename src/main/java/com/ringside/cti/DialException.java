package com.ringside.cti;

/** The telephony could not take a call; the message says what the agent can do. */
public class DialException extends RuntimeException {
    public DialException(String message, Throwable cause) {
        super(message, cause);
    }
}
