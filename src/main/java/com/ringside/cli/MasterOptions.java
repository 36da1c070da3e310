package com.ringside.cli;

import com.ringside.cache.DataDirectory;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterDatabase;
import com.ringside.server.MasterStore;
import java.nio.file.Path;
import java.time.Clock;

/** Which master a command works on: PostgreSQL with --db, else the embedded SQLite file in the data directory. */
final class MasterOptions {
    static final String USER_VARIABLE = "RINGSIDE_DB_USER";
    static final String PASSWORD_VARIABLE = "RINGSIDE_DB_PASSWORD";

    private MasterOptions() {
    }

    /** The master store the options name, deciding with the usual policy (holidays, zones from numbers). */
    static MasterStore store(Options options, Clock clock) {
        return new JdbcMasterStore(open(options), new ContactPolicy(new JollydayHolidays(), new PhoneZones()), clock);
    }

    /** Where the server keeps cache snapshots: --snapshot-dir, else a folder beside the SQLite master or in the data directory. */
    static Path snapshotDirectory(Options options) {
        String given = options.get("snapshot-dir", null);
        if (given != null) {
            return Path.of(given);
        }
        Path data = DataDirectory.resolve(options.get("data-dir", null));
        return options.get("db", null) == null ? data.resolve("master").resolve("snapshots") : data.resolve("snapshots");
    }

    static MasterDatabase open(Options options) {
        String url = options.get("db", null);
        if (url == null) {
            return MasterDatabase.sqlite(DataDirectory.resolve(options.get("data-dir", null)).resolve("master"));
        }
        if (options.get("data-dir", null) != null) {
            throw new Options.UsageException("give either --db or --data-dir, not both");
        }
        return MasterDatabase.postgres(url, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
    }
}
