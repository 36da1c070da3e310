package com.ringside.testing;

import com.ringside.cache.CacheDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/** What SQLite says of a cache file, for tests. */
public final class CachePragmas {
    private CachePragmas() {
    }

    /** The file's journal mode in lower case: {@code delete} (a rollback journal) or {@code wal}. */
    public static String journalMode(CacheDatabase cache) {
        return cache.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                // A pooled connection takes up a mode another one set only when it next reads the file.
                statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
                try (ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
                    rows.next();
                    return rows.getString(1).toLowerCase(Locale.ROOT);
                }
            }
        });
    }

    /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
    public static String integrity(CacheDatabase cache) {
        return cache.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                rows.next();
                return rows.getString(1);
            }
        });
    }
}
