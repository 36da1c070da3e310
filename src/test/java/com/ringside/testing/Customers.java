package com.ringside.testing;

import com.ringside.domain.Account;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.domain.SourceSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small builders for test data that reads like the product. */
public final class Customers {
    public static final Instant NOW = Instant.parse("2026-03-08T18:00:00Z");

    private Customers() {
    }

    public static Builder customer(String given, String family) {
        return new Builder(given, family);
    }

    /** Customers and the calls made to them, for loading into a master together. */
    public record Called(List<Customer> customers, List<ContactEvent> calls) {
    }

    /**
     * {@code count} customers, "Cust Omer0" on +14155550000 onwards, each called {@code callsEach} times (busy),
     * a day apart, the latest an hour before {@code now}.
     */
    public static Called calledDaily(int count, int callsEach, Instant now) {
        List<Customer> customers = new ArrayList<>();
        List<ContactEvent> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Customer c = customer("Cust", "Omer" + i).phone(String.format("+1415555%04d", i)).zone("UTC").build();
            customers.add(c);
            for (int e = 0; e < callsEach; e++) {
                calls.add(outboundCall(c, now.minusSeconds(3_600L * (1 + e * 24L)), LineOfBusiness.ORDERS, Outcome.BUSY));
            }
        }
        return new Called(customers, calls);
    }

    public static ContactEvent outboundCall(Customer customer, Instant at, LineOfBusiness line, Outcome outcome) {
        return event(customer, at, Channel.CALL, Direction.OUTBOUND, line, outcome);
    }

    public static ContactEvent event(Customer customer, Instant at, Channel channel, Direction direction,
                                     LineOfBusiness line, Outcome outcome) {
        return new ContactEvent(Ids.newId(), customer.id(), at, channel, direction, line, "renewals", null,
                customer.phones().isEmpty() ? null : customer.phones().get(0).number(), outcome, 0, "",
                SourceSystem.RINGSIDE, false, null);
    }

    public static final class Builder {
        private final String given;
        private final String family;
        private final UUID id = Ids.newId();
        private final List<Phone> phones = new ArrayList<>();
        private final List<String> emails = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();
        private ZoneId zone = ZoneId.of("America/Los_Angeles");
        private boolean doNotCall;
        private LocalDate born = LocalDate.of(1980, 1, 1);

        private Builder(String given, String family) {
            this.given = given;
            this.family = family;
        }

        public Builder born(LocalDate date) {
            born = date;
            return this;
        }

        public Builder phone(String e164) {
            phones.add(new Phone(PhoneNumber.of(e164), PhoneType.MOBILE, false));
            return this;
        }

        public Builder email(String address) {
            emails.add(address);
            return this;
        }

        public Builder account(LineOfBusiness line, String system, String key, LocalDate opened) {
            accounts.add(new Account(line, SourceSystem.of(system), key, "Home", AccountStatus.ACTIVE, opened));
            return this;
        }

        public Builder zone(String zoneId) {
            zone = zoneId == null ? null : ZoneId.of(zoneId);
            return this;
        }

        public Builder doNotCall() {
            doNotCall = true;
            return this;
        }

        public Customer build() {
            return new Customer(id, 1, given, family, null, born, zone, doNotCall,
                    doNotCall ? "Asked not to be called" : null, null, phones, emails, accounts, NOW.minusSeconds(86_400 * 400L),
                    null);
        }
    }
}
