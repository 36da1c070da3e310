package com.ringside.server;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail: who ({@code actor}, null for the command line) did what to what, when.
 * {@code actorName} is the actor's name when read back; it is not part of the chained content.
 */
public record AuditEntry(long seq, Instant at, UUID actor, String actorName, String action, String subject,
                         String detail) {
}
