package com.ringside.desktop.dial;

/** The guard blocks the call and no valid override was given; nothing was dialled or recorded. */
public class CallRefusedException extends RuntimeException {
    public CallRefusedException(String message) {
        super(message);
    }
}
