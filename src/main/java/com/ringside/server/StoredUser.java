package com.ringside.server;

/** A user with the stored hash of their password, for signing in; never leaves the server. */
public record StoredUser(User user, String passwordHash) {
}
