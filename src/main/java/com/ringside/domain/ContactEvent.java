package com.ringside.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One contact with a customer on any channel, from any line of business. Calls carry the number dialled
 * (or the caller's number) and an outcome; {@code provisional} marks a call decided offline.
 */
public record ContactEvent(UUID id, UUID customerId, Instant occurredAt, Channel channel, Direction direction,
                           LineOfBusiness lineOfBusiness, String campaign, UUID agentId, PhoneNumber number,
                           Outcome outcome, int durationSeconds, String notes, SourceSystem sourceSystem,
                           boolean provisional, CallOverride override) {
    public ContactEvent {
        Checks.required("event.id", id);
        Checks.required("event.customerId", customerId);
        Checks.required("event.occurredAt", occurredAt);
        // Stored as epoch milliseconds everywhere; an event must equal itself after a round trip through any store.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        Checks.required("event.channel", channel);
        Checks.required("event.direction", direction);
        Checks.required("event.lineOfBusiness", lineOfBusiness);
        campaign = Checks.optionalText(campaign);
        if (channel == Channel.CALL) {
            Checks.required("event.outcome", outcome);
        }
        if (durationSeconds < 0) {
            throw new InvalidValueException("event.durationSeconds", "must not be negative");
        }
        notes = notes == null ? "" : notes;
        sourceSystem = sourceSystem == null ? SourceSystem.RINGSIDE : sourceSystem;
    }

    public boolean isOutboundCall() {
        return channel == Channel.CALL && direction == Direction.OUTBOUND;
    }

    /** The same event on another customer's timeline (the master's id for the person it happened to). */
    public ContactEvent forCustomer(UUID customer) {
        return new ContactEvent(id, customer, occurredAt, channel, direction, lineOfBusiness, campaign, agentId, number,
                outcome, durationSeconds, notes, sourceSystem, provisional, override);
    }

    public ContactEvent withOutcome(Outcome newOutcome, int newDurationSeconds, String newNotes) {
        return new ContactEvent(id, customerId, occurredAt, channel, direction, lineOfBusiness, campaign, agentId,
                number, newOutcome, newDurationSeconds, newNotes, sourceSystem, provisional, override);
    }
}
