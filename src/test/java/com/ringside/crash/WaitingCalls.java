package com.ringside.crash;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Calls recorded at a desk that is not syncing: they wait in its outbox for the next push. */
final class WaitingCalls {
    private WaitingCalls() {
    }

    /** {@code count} finished calls by {@code agent} to customers picked at random, one a second before {@code now}. */
    static void record(CacheDatabase cache, List<Customer> customers, UUID agent, int count, Random random, Instant now) {
        ContactEventStore events = new ContactEventStore(cache);
        for (int i = 0; i < count; i++) {
            Customer c = customers.get(random.nextInt(customers.size()));
            events.record(new ContactEvent(Ids.newId(), c.id(), now.minusSeconds(i), Channel.CALL, Direction.OUTBOUND,
                    LineOfBusiness.FINANCING, null, agent, c.phones().get(0).number(), Outcome.NO_ANSWER, 0, "",
                    SourceSystem.RINGSIDE, true, null), now);
        }
    }
}
