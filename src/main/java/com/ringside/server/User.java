package com.ringside.server;

import com.ringside.domain.UserRole;
import java.util.UUID;

/** Someone who may sign in, and the role the server checks on every request. */
public record User(UUID id, String username, String displayName, UserRole role) {
}
