package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.DialDecision;

/** The master's answer to "may I call now?": the decision, and the PENDING attempt recorded when granted. */
public record Permit(DialDecision decision, boolean granted, ContactEvent event) {
}
