package com.ringside.policy;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.identity.PhoneZones;
import com.ringside.testing.Customers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A customer, their history and the rules, decided at any instant; reads like the scenarios it tests. */
final class PolicyFixture {
    static final ContactPolicy POLICY = new ContactPolicy(new JollydayHolidays(), new PhoneZones());

    final Customer customer;
    final List<ContactEvent> history = new ArrayList<>();
    final List<ContactRule> rules = new ArrayList<>();
    LineOfBusiness line = LineOfBusiness.COLLECTIONS;
    String campaign = "arrears";

    /** A customer living in {@code zone}, with two numbers of that country. */
    PolicyFixture(String zone) {
        this(Customers.customer("Ana", "Ruiz").phone(numberIn(zone, "0123")).phone(numberIn(zone, "0188")).zone(zone).build());
    }

    private static String numberIn(String zone, String last) {
        return switch (zone) {
            case "Europe/Paris" -> "+3314268" + last;
            case "Europe/London" -> "+44207946" + last;
            case "America/Toronto" -> "+1416555" + last;
            default -> "+1415555" + last;
        };
    }

    PolicyFixture(Customer customer) {
        this.customer = customer;
    }

    PolicyFixture rule(ContactRule rule) {
        rules.add(rule);
        return this;
    }

    PolicyFixture call(Instant at, Outcome outcome) {
        return call(at, outcome, line, campaign, Direction.OUTBOUND);
    }

    PolicyFixture call(Instant at, Outcome outcome, LineOfBusiness callLine, String callCampaign, Direction direction) {
        history.add(new ContactEvent(Ids.newId(), customer.id(), at, Channel.CALL, direction, callLine, callCampaign, null,
                customer.phones().get(0).number(), outcome, 0, "", SourceSystem.RINGSIDE, false, null));
        return this;
    }

    DialDecision decide(Instant at) {
        return decide(at, customer.phones().get(0).number());
    }

    DialDecision decide(Instant at, PhoneNumber number) {
        return POLICY.decide(rules, customer, history, new DialRequest(customer.id(), number, line, campaign, null, at));
    }

    static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }
}
