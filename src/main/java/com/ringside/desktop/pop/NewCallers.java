package com.ringside.desktop.pop;

import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;

/** Creates a customer for a caller no one has: at the master, so every desk sees them. Does I/O. */
public interface NewCallers {
    /** Returns the customer as stored; throws with words the agent can act on when that cannot be done now. */
    Customer create(String givenName, String familyName, PhoneNumber number);
}
