package com.ringside.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The CPU an embedded PostgreSQL has used so far: the postmaster and every process it started, read from /proc
 * (Linux only; elsewhere always 0). Permits cost CPU on both sides of the connection, and the two share the cores.
 */
final class PostgresCpu {
    /** Linux counts process time in ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long postmaster;

    private PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    static PostgresCpu of(EmbeddedPostgres postgres) throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            Path pidFile = Path.of(rows.getString(1), "postmaster.pid");
            return new PostgresCpu(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        }
    }

    /** Nanoseconds of CPU (user and system) of the postmaster, its live children and the children that ended. */
    long nanos() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] stat = stat(process);
                if (stat.length < 17) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]) + Long.parseLong(stat[15])
                            + Long.parseLong(stat[16]);
                } else if (Long.parseLong(stat[3]) == postmaster) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** The fields of /proc/pid/stat, the command name (which may hold spaces) replaced by one field. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            int end = line.lastIndexOf(')');
            return (line.substring(0, line.indexOf('(')) + "x" + line.substring(end + 1)).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
