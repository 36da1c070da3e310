package com.ringside.desktop.customer;

import com.ringside.desktop.DeskSession;
import com.ringside.desktop.pop.NewCallers;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.sync.MasterLink;
import com.ringside.sync.MasterUnreachableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * New customers made at the desk: created at the master and put in the cache at once, so the agent can carry on
 * with them while the feed brings them to every other desk. A desk without a master keeps them in its cache.
 */
public final class NewCustomers implements NewCallers {
    private final DeskSession session;

    public NewCustomers(DeskSession session) {
        this.session = session;
    }

    @Override
    public Customer create(String givenName, String familyName, PhoneNumber number) {
        if ((givenName == null || givenName.isBlank()) && (familyName == null || familyName.isBlank())) {
            throw new IllegalArgumentException("Give the caller's name first.");
        }
        Instant now = session.clock().instant();
        Customer draft = new Customer(Ids.newId(), 1, givenName, familyName, null, null, null, false, null, null,
                number == null ? List.of() : List.of(new Phone(number, PhoneType.OTHER, false)), List.of(), List.of(),
                now, now);
        Optional<MasterLink> link = session.link();
        Customer stored = draft;
        if (link.isPresent()) {
            try {
                stored = link.get().client().createCustomer(draft);
            } catch (MasterUnreachableException e) {
                throw new IllegalStateException("The master cannot be reached, so the caller was not created. Note "
                        + "their details and create them when the desk is back online.", e);
            }
            link.get().engine().wake();
        }
        session.customers().saveAll(List.of(stored));
        return stored;
    }
}
