package com.ringside.cache;

import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import java.util.List;
import java.util.UUID;

/** One row of the results list: enough to tell customers apart without opening them. */
public record SearchHit(UUID customerId, String displayName, boolean doNotCall, List<PhoneNumber> numbers,
                        List<LineOfBusiness> linesOfBusiness) {
}
