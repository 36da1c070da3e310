package com.ringside.cti;

import java.util.function.Consumer;

/**
 * The telephony port: a softphone or CTI link that reports calls and places them. Events arrive on the adapter's
 * own thread; the desk moves them where it needs them.
 */
public interface Telephony extends Dialer, AutoCloseable {
    /** Starts reporting call events to {@code listener}. */
    void start(Consumer<CallEvent> listener);

    /** Ends the call {@code callId}; a call that already ended is left alone. */
    void hangUp(String callId);

    /** Whether the telephony can be reached right now. */
    boolean connected();

    @Override
    void close();
}
