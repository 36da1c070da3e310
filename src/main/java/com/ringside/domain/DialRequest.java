package com.ringside.domain;

import java.time.Instant;
import java.util.UUID;

/** May this agent call this customer on this number now, for this line of business and campaign? */
public record DialRequest(UUID customerId, PhoneNumber number, LineOfBusiness lineOfBusiness, String campaign,
                          UUID agentId, Instant at) {
    public DialRequest {
        Checks.required("customerId", customerId);
        Checks.required("number", number);
        Checks.required("lineOfBusiness", lineOfBusiness);
        campaign = Checks.optionalText(campaign);
        Checks.required("at", at);
    }

    /** The question a call already made answered: its customer, number, line, campaign and agent, when it happened. */
    public static DialRequest of(ContactEvent call) {
        return new DialRequest(call.customerId(), call.number(), call.lineOfBusiness(), call.campaign(), call.agentId(),
                call.occurredAt());
    }
}
