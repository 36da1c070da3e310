package com.ringside.desktop;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.cache.RuleStore;
import com.ringside.cti.Dialer;
import com.ringside.demo.DemoCompany;
import com.ringside.demo.DemoDataLoader;
import com.ringside.domain.ContactRule;
import com.ringside.identity.PhoneNormalizer;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.policy.Presets;
import com.ringside.sync.MasterLink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the desk works on once started: the open cache and its stores. Opened off the FX thread. */
public final class DeskSession implements AutoCloseable {
    static final int DEMO_CUSTOMERS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(DeskSession.class);

    private final CacheDatabase database;
    private final CustomerStore customers;
    private final ContactEventStore events;
    private final RuleStore rules;
    private final Clock clock;
    private final DeskUser user;
    private final Dialer dialer;
    private final ContactPolicy policy = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
    private final PhoneNormalizer numbers = new PhoneNormalizer(PhoneNormalizer.installRegion());
    private volatile MasterLink link;

    private DeskSession(CacheDatabase database, Clock clock, DeskUser user, Dialer dialer) {
        this.database = database;
        this.customers = new CustomerStore(database);
        this.events = new ContactEventStore(database);
        this.rules = new RuleStore(database);
        this.clock = clock;
        this.user = user;
        this.dialer = dialer;
    }

    /**
     * Opens the cache in {@code dataDirectory}; an empty cache is filled with the demo company first, and a cache
     * with no rules gets the company default and the regulators' presets.
     */
    public static DeskSession open(Path dataDirectory, Clock clock, DeskUser user, Dialer dialer) {
        CacheDatabase database = CacheDatabase.open(dataDirectory);
        try {
            if (new CustomerStore(database).isEmpty()) {
                DemoDataLoader.Result result = new DemoDataLoader(database)
                        .load(new DemoCompany(42, LocalDate.now(clock), 10), DEMO_CUSTOMERS, done -> { });
                LOG.info("Empty cache filled with the demo company: {} customers, {} rows in {} ms",
                        result.customers(), result.rows(), result.elapsed().toMillis());
            }
            RuleStore rules = new RuleStore(database);
            if (rules.isEmpty()) {
                for (ContactRule rule : Presets.starterSet()) {
                    rules.save(rule, user.id(), clock.instant());
                }
            }
            return new DeskSession(database, clock, user, dialer);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A desk on a cache that its master fills: nothing is seeded here, the first sync brings the customers and
     * the rules. Takes over {@code database} and closes it with the session.
     */
    public static DeskSession forMaster(CacheDatabase database, Clock clock, DeskUser user, Dialer dialer) {
        return new DeskSession(database, clock, user, dialer);
    }

    public CustomerStore customers() {
        return customers;
    }

    public ContactEventStore events() {
        return events;
    }

    public RuleStore rules() {
        return rules;
    }

    public DeskUser user() {
        return user;
    }

    /** The engine every guard decision and rule preview of this desk uses. */
    public ContactPolicy policy() {
        return policy;
    }

    /** Reads numbers as the agents of this install write them (the region of the computer's locale). */
    public PhoneNormalizer numbers() {
        return numbers;
    }

    public Dialer dialer() {
        return dialer;
    }

    /** The connection to the master, or empty for a desk that works on its cache alone. */
    public Optional<MasterLink> link() {
        return Optional.ofNullable(link);
    }

    /** Connects this desk to its master; the link is closed with the session. */
    public void attach(MasterLink masterLink) {
        this.link = masterLink;
    }

    public CacheDatabase database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public Path cacheFile() {
        return database.file();
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
        database.close();
    }
}
