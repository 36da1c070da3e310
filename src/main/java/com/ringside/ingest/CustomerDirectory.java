package com.ringside.ingest;

import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The master as an import sees it: where customers are found, and one all-or-nothing write. */
public interface CustomerDirectory {
    Optional<Customer> bySourceKey(SourceSystem system, String key);

    List<Customer> byPhone(PhoneNumber number);

    List<Customer> byEmail(String email);

    /** Customers whose family name is {@code familyKey} (see PersonNames.familyKey), at most a few hundred. */
    List<Customer> byFamilyName(String familyKey);

    /** Writes every customer, at the version it carries, in one transaction: all of them or none. */
    void saveAll(Collection<Customer> customers, Instant now);
}
