package com.ringside.crash;

import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.server.JdbcMasterStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The master the crash trials start from: customers with a few busy calls each, one every 30 hours back. */
final class CallHistory {
    private CallHistory() {
    }

    static List<Customer> load(JdbcMasterStore master, String family, int customers, int callsEach, Instant now) {
        List<Customer> loaded = new ArrayList<>();
        List<ContactEvent> history = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            Customer c = customer("Crash", family + i).phone(String.format("+1415%07d", i)).zone("UTC").build();
            loaded.add(c);
            for (int e = 0; e < callsEach; e++) {
                history.add(outboundCall(c, now.minus(Duration.ofHours(1 + e * 30L)), LineOfBusiness.ORDERS, Outcome.BUSY));
            }
        }
        master.load(loaded, history, now);
        return loaded;
    }
}
