package com.ringside.server;

import com.ringside.domain.Customer;
import java.time.Instant;
import java.util.UUID;

/** A new customer an import made who may be {@code candidate}: for a supervisor to accept (merge) or reject. */
public record MergeSuggestion(UUID id, Customer customer, Customer candidate, double score, String source,
                              Instant createdAt) {
}
