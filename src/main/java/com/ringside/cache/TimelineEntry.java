package com.ringside.cache;

import com.ringside.domain.ContactEvent;

/** A contact event with the name of the agent who made it, as the timeline shows it. */
public record TimelineEntry(ContactEvent event, String agentName) {
}
