package com.ringside.server;

import com.ringside.domain.CallOverride;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import java.time.Clock;
import java.util.List;

/**
 * A morning at the demo desks, played through the master's own paths so that the supervisors' console has something
 * true to show: calls asked for until a rule blocks one, a supervisor's overrides, and calls made offline that broke
 * a rule.
 */
final class DemoMorning {
    static final int CUSTOMERS = 12;
    private static final int MOST_ATTEMPTS = 8;
    private static final List<String> REASONS = List.of("Customer asked to be called back this morning",
            "Returning the customer's missed call about a claim", "Payment arrangement agreed with the customer yesterday");
    private static final List<Outcome> OUTCOMES = List.of(Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.CONVERSATION);

    private DemoMorning() {
    }

    /** Plays the morning for {@code customers}, the first demo customers as the master holds them. */
    static void play(MasterStore store, List<Customer> customers, List<User> agents, User supervisor, Clock clock) {
        for (int index = 0; index < customers.size(); index++) {
            Customer customer = customers.get(index);
            if (customer.phones().isEmpty()) {
                continue;
            }
            User agent = agents.get(index % agents.size());
            LineOfBusiness line = LineOfBusiness.values()[index % LineOfBusiness.values().length];
            PhoneNumber number = customer.phones().get(0).number();
            for (int attempt = 0; attempt < MOST_ATTEMPTS; attempt++) {
                DialRequest request = new DialRequest(customer.id(), number, line, null, agent.id(), clock.instant());
                Permit permit = store.permit(request, Ids.newId(), agent, null);
                if (permit.granted()) {
                    store.push(List.of(permit.event().withOutcome(OUTCOMES.get(attempt % OUTCOMES.size()), 0, "")),
                            clock.instant());
                    continue;
                }
                if (index % 3 == 0 && permit.decision().mayOverride(supervisor.role())) {
                    Permit overridden = store.permit(request, Ids.newId(), supervisor, REASONS.get(index / 3 % REASONS.size()));
                    store.push(List.of(overridden.event().withOutcome(Outcome.CONVERSATION, 180, "")), clock.instant());
                } else if (index % 3 == 1) {
                    store.push(List.of(new ContactEvent(Ids.newId(), customer.id(), clock.instant(), Channel.CALL,
                            Direction.OUTBOUND, line, null, agent.id(), number, Outcome.NO_ANSWER, 0, "",
                            SourceSystem.RINGSIDE, true, null)), clock.instant());
                }
                break;
            }
        }
    }
}
