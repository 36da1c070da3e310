package com.ringside.domain;

/** What a user may do; each role may do everything the roles before it may. */
public enum UserRole {
    AGENT, SUPERVISOR, ADMIN;

    public boolean atLeast(UserRole required) {
        return compareTo(required) >= 0;
    }
}
