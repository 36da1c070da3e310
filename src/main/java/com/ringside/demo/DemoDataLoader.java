package com.ringside.demo;

import com.ringside.cache.AgentStore;
import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Writes the demo company into a cache, a batch of customers with their events per transaction. */
public final class DemoDataLoader {
    private static final int BATCH = 2_000;

    private final CacheDatabase database;

    public DemoDataLoader(CacheDatabase database) {
        this.database = database;
    }

    /** Loads customers 0..count-1; {@code progress} hears the number of customers written so far. */
    public Result load(DemoCompany company, int count, LongConsumer progress) {
        long started = System.nanoTime();
        CustomerStore customers = new CustomerStore(database);
        ContactEventStore events = new ContactEventStore(database);
        new AgentStore(database).saveAll(company.agents());
        long rows = company.agents().size();
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            List<Customer> batchCustomers = new ArrayList<>(to - from);
            List<ContactEvent> batchEvents = new ArrayList<>();
            for (int index = from; index < to; index++) {
                DemoCompany.Household household = company.customer(index);
                batchCustomers.add(household.customer());
                batchEvents.addAll(household.events());
                rows += 1 + household.customer().phones().size() + household.customer().accounts().size()
                        + household.customer().emails().size();
            }
            rows += batchEvents.size();
            database.write(connection -> {
                customers.saveAll(connection, batchCustomers);
                events.saveAll(connection, batchEvents);
                return null;
            });
            progress.accept(to);
        }
        customers.optimizeSearchIndex();
        return new Result(count, rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** What was written and how long it took. */
    public record Result(int customers, long rows, Duration elapsed) {
        public long rowsPerSecond() {
            return rows * 1_000L / Math.max(1, elapsed.toMillis());
        }
    }
}
