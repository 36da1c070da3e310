package com.ringside.server;

/** What a check of the audit chain found: {@code entries} intact, then the first broken one and why (if any). */
public record AuditCheck(long entries, Long brokenAt, String problem) {
    public boolean intact() {
        return brokenAt == null;
    }
}
