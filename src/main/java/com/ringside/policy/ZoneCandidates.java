package com.ringside.policy;

import com.ringside.domain.PhoneNumber;
import java.time.ZoneId;
import java.util.List;

/** The time zones a number may ring in, used when the customer's own zone is not known. */
public interface ZoneCandidates {
    List<ZoneId> zonesFor(PhoneNumber number);
}
