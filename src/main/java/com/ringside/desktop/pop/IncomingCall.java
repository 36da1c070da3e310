package com.ringside.desktop.pop;

import com.ringside.cache.SearchHit;
import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call the telephony reported, with who it may be: the customers with this number, numbers near it when none,
 * and the customer the agent settled on. Lives on the FX thread.
 */
public final class IncomingCall {
    private final String callId;
    private final String reported;
    private final PhoneNumber number;
    private final List<Customer> matches;
    private final List<SearchHit> nearMatches;
    private final Instant ringingAt;
    private final boolean fromLink;
    private Instant answeredAt;
    private UUID chosen;
    private String chosenName;

    IncomingCall(String callId, String reported, PhoneNumber number, List<Customer> matches,
                 List<SearchHit> nearMatches, Instant ringingAt, boolean fromLink) {
        this.callId = callId;
        this.reported = reported;
        this.number = number;
        this.matches = List.copyOf(matches);
        this.nearMatches = List.copyOf(nearMatches);
        this.ringingAt = ringingAt;
        this.fromLink = fromLink;
        if (matches.size() == 1) {
            choose(matches.get(0).id(), matches.get(0).displayName());
        }
    }

    public String callId() {
        return callId;
    }

    /** The caller id as the telephony gave it; empty when withheld. */
    public String reported() {
        return reported;
    }

    /** The number in E.164, or null when the caller id was withheld or not a valid number. */
    public PhoneNumber number() {
        return number;
    }

    public List<Customer> matches() {
        return matches;
    }

    public List<SearchHit> nearMatches() {
        return nearMatches;
    }

    public Instant ringingAt() {
        return ringingAt;
    }

    /** True for a number the agent opened from a link: no call, nothing to record. */
    public boolean fromLink() {
        return fromLink;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    void answered(Instant at) {
        if (answeredAt == null) {
            answeredAt = at;
        }
    }

    /** The customer the call is with, once known: the only match, or the one the agent picked or created. */
    public UUID chosen() {
        return chosen;
    }

    /** The name of the customer chosen, or null. */
    public String chosenName() {
        return chosenName;
    }

    void choose(UUID customerId, String name) {
        chosen = customerId;
        chosenName = name;
    }
}
