package com.ringside.desktop;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.demo.DemoCompany;
import com.ringside.demo.DemoDataLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the desk works on once started: the open cache and its stores. Opened off the FX thread. */
public final class DeskSession implements AutoCloseable {
    static final int DEMO_CUSTOMERS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(DeskSession.class);

    private final CacheDatabase database;
    private final CustomerStore customers;
    private final ContactEventStore events;
    private final Clock clock;

    private DeskSession(CacheDatabase database, Clock clock) {
        this.database = database;
        this.customers = new CustomerStore(database);
        this.events = new ContactEventStore(database);
        this.clock = clock;
    }

    /** Opens the cache in {@code dataDirectory}; an empty cache is filled with the demo company first. */
    public static DeskSession open(Path dataDirectory, Clock clock) {
        CacheDatabase database = CacheDatabase.open(dataDirectory);
        try {
            if (new CustomerStore(database).isEmpty()) {
                DemoDataLoader.Result result = new DemoDataLoader(database)
                        .load(new DemoCompany(42, LocalDate.now(clock), 10), DEMO_CUSTOMERS, done -> { });
                LOG.info("Empty cache filled with the demo company: {} customers, {} rows in {} ms",
                        result.customers(), result.rows(), result.elapsed().toMillis());
            }
            return new DeskSession(database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public CustomerStore customers() {
        return customers;
    }

    public ContactEventStore events() {
        return events;
    }

    public Clock clock() {
        return clock;
    }

    public Path cacheFile() {
        return database.file();
    }

    @Override
    public void close() {
        database.close();
    }
}
