package com.ringside.server;

import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/** Real masters for tests: a SQLite file, or a fresh database on one PostgreSQL server shared by the test run. */
public final class TestMasters {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestMasters() {
    }

    public enum Backend { SQLITE, POSTGRESQL }

    /** A master database migrated only up to {@code version}, as an older release left it: its JDBC URL. */
    static String migratedTo(Backend backend, Path directory, String version) {
        try {
            String url = backend == Backend.SQLITE
                    ? "jdbc:sqlite:" + Files.createDirectories(directory).resolve(MasterDatabase.FILE_NAME)
                    : newDatabase();
            Dialect dialect = backend == Backend.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
            Flyway.configure().dataSource(url, "postgres", "postgres").locations(dialect.migrations())
                    .target(version).load().migrate();
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** That database opened by this release, which migrates it the rest of the way. */
    static MasterDatabase upgraded(Backend backend, Path directory, String url) {
        return backend == Backend.SQLITE ? MasterDatabase.sqlite(directory) : MasterDatabase.postgres(url, "postgres", "postgres");
    }

    public static MasterDatabase open(Backend backend, Path directory) {
        return backend == Backend.SQLITE ? MasterDatabase.sqlite(directory) : MasterDatabase.postgres(newDatabase(), "postgres", "postgres");
    }

    public static JdbcMasterStore store(Backend backend, Path directory) {
        return store(backend, directory, Clock.systemUTC());
    }

    public static JdbcMasterStore store(Backend backend, Path directory, Clock clock) {
        return new JdbcMasterStore(open(backend, directory), new ContactPolicy(new JollydayHolidays(), new PhoneZones()),
                clock);
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static synchronized String newDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the test run is ending anyway
                    }
                }));
            }
            String name = "master_" + DATABASES.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
