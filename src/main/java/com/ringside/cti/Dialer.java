package com.ringside.cti;

import com.ringside.domain.PhoneNumber;

/** Places an outbound call through whatever telephony the agent has. */
public interface Dialer {
    /** Starts dialling; returns once the telephony has taken the number, or throws {@link DialException}. */
    void dial(PhoneNumber number);

    /**
     * Throws {@link DialException} when a call could not be placed right now (the softphone is not running), so the
     * desk asks for no permit and records no attempt for a call that cannot happen.
     */
    default void checkReady() {
    }

    /** A human name for where calls go, e.g. "the system's tel: handler". */
    default String describe() {
        return "the configured telephony";
    }
}
