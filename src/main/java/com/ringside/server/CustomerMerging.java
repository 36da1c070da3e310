package com.ringside.server;

import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import com.ringside.domain.Phone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** What two customers become when one is merged into the other. */
final class CustomerMerging {
    private CustomerMerging() {
    }

    /** The survivor with the other's phones, e-mails and accounts added, and what it lacked filled in. */
    static Customer joined(Customer survivor, Customer merged) {
        List<Phone> phones = new ArrayList<>(survivor.phones());
        for (Phone phone : merged.phones()) {
            if (phones.stream().noneMatch(p -> p.number().equals(phone.number()))) {
                phones.add(phone);
            }
        }
        LinkedHashSet<String> emails = new LinkedHashSet<>(survivor.emails());
        emails.addAll(merged.emails());
        List<Account> accounts = new ArrayList<>(survivor.accounts());
        for (Account account : merged.accounts()) {
            if (accounts.stream().noneMatch(a -> a.sourceSystem().equals(account.sourceSystem())
                    && a.sourceKey().equals(account.sourceKey()))) {
                accounts.add(account);
            }
        }
        return new Customer(survivor.id(), survivor.version(),
                survivor.givenName() != null ? survivor.givenName() : merged.givenName(),
                survivor.familyName() != null ? survivor.familyName() : merged.familyName(), survivor.displayName(),
                survivor.birthDate() != null ? survivor.birthDate() : merged.birthDate(),
                survivor.timeZone() != null ? survivor.timeZone() : merged.timeZone(),
                survivor.doNotCall() || merged.doNotCall(),
                survivor.doNotCall() ? survivor.doNotCallReason() : merged.doNotCallReason(), null, phones,
                List.copyOf(emails), accounts, survivor.createdAt(), survivor.updatedAt());
    }

    /** The merged record as a pointer: it keeps its name, gives its numbers, addresses and accounts away. */
    static Customer pointer(Customer merged, UUID survivorId) {
        return new Customer(merged.id(), merged.version(), merged.givenName(), merged.familyName(), merged.displayName(),
                merged.birthDate(), merged.timeZone(), false, null, survivorId, List.of(), List.of(), List.of(),
                merged.createdAt(), merged.updatedAt());
    }
}
