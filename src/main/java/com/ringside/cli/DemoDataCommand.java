package com.ringside.cli;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.CacheException;
import com.ringside.cache.CustomerStore;
import com.ringside.cache.DataDirectory;
import com.ringside.demo.DemoCompany;
import com.ringside.demo.DemoDataLoader;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** `ringside demo-data`: fills an empty cache with the demo company. */
public final class DemoDataCommand implements Command {
    @Override
    public String name() {
        return "demo-data";
    }

    @Override
    public String summary() {
        return "demo-data [--customers N] [--seed S] [--events-per-customer E] [--as-of YYYY-MM-DD] [--data-dir D]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("customers", "seed", "events-per-customer", "as-of", "data-dir"));
        int customers = options.intValue("customers", 2_000, 1, 50_000_000);
        int seed = options.intValue("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int events = options.intValue("events-per-customer", 10, 0, 1_000);
        LocalDate asOf = parseDate(options.get("as-of", LocalDate.now(ZoneOffset.UTC).toString()));
        try (CacheDatabase database = CacheDatabase.open(DataDirectory.resolve(options.get("data-dir", null)))) {
            if (new CustomerStore(database).count() > 0) {
                err.println("The cache " + database.file() + " already holds customers; demo data goes only into an "
                        + "empty cache. Choose an empty --data-dir.");
                return USAGE;
            }
            out.println("Generating " + customers + " customers (seed " + seed + ", as of " + asOf + ") into "
                    + database.file());
            DemoDataLoader.Result result = new DemoDataLoader(database).load(new DemoCompany(seed, asOf, events),
                    customers, done -> {
                        if (done % 100_000 == 0) {
                            out.println("  " + done + " customers");
                        }
                    });
            out.printf("Done: %d customers, %d rows in %.1f s (%d rows/s)%n", result.customers(), result.rows(),
                    result.elapsed().toMillis() / 1000.0, result.rowsPerSecond());
            return OK;
        } catch (CacheException e) {
            err.println(e.getMessage());
            return FAILED;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Options.UsageException("--as-of must be a date like 2026-03-02, not '" + value + "'");
        }
    }
}
