package com.ringside.server;

import java.util.UUID;

/** A request names a customer the master does not have. */
public final class UnknownCustomerException extends RuntimeException {
    public UnknownCustomerException(UUID id) {
        super("There is no customer " + id + " in the master.");
    }
}
