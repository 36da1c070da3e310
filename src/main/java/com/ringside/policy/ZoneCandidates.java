package com.ringside.policy;

import com.ringside.domain.PhoneNumber;
import java.time.ZoneId;
import java.util.List;

/** What the number itself tells: the zones it may ring in, and its country. */
public interface ZoneCandidates {
    List<ZoneId> zonesFor(PhoneNumber number);

    /** ISO country code of the number, or "ZZ" when unknown. */
    String countryOf(PhoneNumber number);
}
