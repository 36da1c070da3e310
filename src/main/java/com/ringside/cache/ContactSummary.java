package com.ringside.cache;

import com.ringside.domain.LineOfBusiness;
import java.time.Instant;
import java.util.Map;

/**
 * The counts a caller needs before dialling: outbound calls in the last 24 hours, 7 and 30 days (rolling,
 * ending now), the 7-day calls by line of business, and the last conversation.
 */
public record ContactSummary(int outboundCalls24h, int outboundCalls7d, int outboundCalls30d,
                             Map<LineOfBusiness, Integer> outboundCalls7dByLine, Instant lastConversationAt,
                             LineOfBusiness lastConversationLine) {
    public ContactSummary {
        outboundCalls7dByLine = Map.copyOf(outboundCalls7dByLine);
    }
}
