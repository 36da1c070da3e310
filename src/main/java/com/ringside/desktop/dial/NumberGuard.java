package com.ringside.desktop.dial;

import com.ringside.domain.DialDecision;
import com.ringside.domain.Phone;

/** One of the customer's numbers with the guard's decision for calling it now. */
public record NumberGuard(Phone phone, DialDecision decision) {
}
