package com.ringside.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A person in the customer master. {@code timeZone} is null when the address gives none; the zone is then
 * taken from the dialled number's region. A merged record stays as a pointer ({@code mergedInto}).
 */
public record Customer(UUID id, long version, String givenName, String familyName, String displayName,
                       LocalDate birthDate, ZoneId timeZone, boolean doNotCall, String doNotCallReason,
                       UUID mergedInto, List<Phone> phones, List<String> emails, List<Account> accounts,
                       Instant createdAt, Instant updatedAt) {
    public Customer {
        Checks.required("customer.id", id);
        if (version < 0) {
            throw new InvalidValueException("customer.version", "must not be negative");
        }
        givenName = Checks.optionalText(givenName);
        familyName = Checks.optionalText(familyName);
        displayName = displayName == null || displayName.isBlank()
                ? joinNames(givenName, familyName) : displayName.strip();
        Checks.requiredText("customer.displayName", displayName);
        doNotCallReason = Checks.optionalText(doNotCallReason);
        phones = Checks.copy("customer.phones", phones);
        emails = Checks.copy("customer.emails", emails).stream().map(Customer::checkedEmail).toList();
        accounts = Checks.copy("customer.accounts", accounts);
        Checks.required("customer.createdAt", createdAt);
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** This customer on the do-not-call list, for {@code reason}. */
    public Customer withDoNotCall(String reason) {
        return new Customer(id, version, givenName, familyName, displayName, birthDate, timeZone, true, reason, mergedInto,
                phones, emails, accounts, createdAt, updatedAt);
    }

    private static String joinNames(String given, String family) {
        if (given == null) {
            return family;
        }
        return family == null ? given : given + " " + family;
    }

    private static String checkedEmail(String email) {
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        if (at <= 0 || at != trimmed.lastIndexOf('@') || at == trimmed.length() - 1 || trimmed.contains(" ")) {
            throw new InvalidValueException("customer.emails", "'" + trimmed + "' is not an e-mail address");
        }
        return trimmed.toLowerCase(java.util.Locale.ROOT);
    }
}
