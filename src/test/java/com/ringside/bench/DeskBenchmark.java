package com.ringside.bench;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.cache.TimelineFilter;
import com.ringside.demo.DemoCompany;
import com.ringside.demo.DemoDataLoader;
import com.ringside.domain.Customer;
import com.ringside.identity.PhoneNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures the desk's data path on a large demo cache and writes a Markdown table:
 * {@code ./mvnw -Pbench verify [-Dbench.customers=N]}.
 */
public final class DeskBenchmark {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 8);

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(BenchArgs.arg(args, "--customers", "1000000"));
        int eventsPerCustomer = Integer.parseInt(BenchArgs.arg(args, "--events-per-customer", "10"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "docs/benchmarks/desk.md"));
        Path dataDir = Path.of(BenchArgs.arg(args, "--data-dir", "target/bench-cache"));
        BenchFiles.deleteRecursively(dataDir);

        List<String> rows = new ArrayList<>();
        DemoCompany company = new DemoCompany(42, AS_OF, eventsPerCustomer);
        long cacheBytes;
        try (CacheDatabase database = CacheDatabase.open(dataDir)) {
            DemoDataLoader.Result generated = new DemoDataLoader(database).load(company, customers, done -> {
                if (done % 100_000 == 0) {
                    log("generated " + done + " customers");
                }
            });
            long events = database.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM contact_event")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            rows.add(String.format(Locale.ROOT, "| demo generation | %,d customers, %,d events, %,d rows in %.1f s | **%,d rows/s** | ≥ 100,000 rows/s |",
                    customers, events, generated.rows(), generated.elapsed().toMillis() / 1000.0, generated.rowsPerSecond()));
            log("generation done: " + generated.rowsPerSecond() + " rows/s");

            CustomerStore store = new CustomerStore(database);
            ContactEventStore timeline = new ContactEventStore(database);
            Random random = new Random(1);
            List<String> queries = queries(company, customers, random, 2_000);
            warm(() -> queries.subList(0, 200).forEach(q -> store.search(q, 0, 50)));
            Percentiles search = new Percentiles(queries.size());
            for (String query : queries) {
                long start = System.nanoTime();
                store.search(query, 0, 50);
                search.add(System.nanoTime() - start);
            }

            Percentiles card = new Percentiles(5_000);
            Instant now = company.now();
            warm(() -> loadCard(store, timeline, company.customer(random.nextInt(customers)).customer().id(), now));
            for (int i = 0; i < 5_000; i++) {
                UUID id = company.customer(random.nextInt(customers)).customer().id();
                long start = System.nanoTime();
                loadCard(store, timeline, id, now);
                card.add(System.nanoTime() - start);
            }
            rows.add(search.row("search (names, phones in several formats, e-mails, keys; first page of 50)", "p99 ≤ 50 ms"));
            rows.add(card.row("customer card + counts + latest 200 timeline events", "p99 ≤ 5 ms"));
            cacheBytes = Files.size(database.file());
        }
        rows.add(PreviewBenchmark.row(dataDir, company.now()));
        DeskStart start = DeskStart.measure(dataDir);
        rows.add(start.row());
        write(out, customers, eventsPerCustomer, cacheBytes, rows);
        log("wrote " + out);
    }

    private static void loadCard(CustomerStore store, ContactEventStore timeline, UUID id, Instant now) {
        store.find(id).orElseThrow();
        timeline.summary(id, now);
        timeline.timeline(id, TimelineFilter.ALL, null, 200);
    }

    /** A realistic mix: surname prefixes, full names, phones as agents type them, e-mails and account keys. */
    private static List<String> queries(DemoCompany company, int customers, Random random, int count) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Customer customer = company.customer(random.nextInt(customers)).customer();
            String national = PhoneNormalizer.display(customer.phones().get(0).number());
            queries.add(switch (i % 6) {
                case 0 -> customer.familyName().substring(0, Math.min(4, customer.familyName().length()));
                case 1 -> customer.givenName() + " " + customer.familyName();
                case 2 -> national;
                case 3 -> customer.phones().get(0).number().digits().substring(1);
                case 4 -> customer.emails().get(0);
                default -> customer.accounts().get(0).sourceKey();
            });
        }
        return queries;
    }

    private static void warm(Runnable work) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
    }

    private static void write(Path out, int customers, int events, long cacheBytes, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder("# Desk benchmark\n\n")
                .append(String.format(Locale.ROOT, "Cache: %,d customers, about %d events each (cache file %,d MB). ",
                        customers, events, cacheBytes / 1_000_000))
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". Run: ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(".\n\n")
                .append("Produced by `./mvnw -Pbench verify` (`src/test/java/com/ringside/bench/DeskBenchmark.java`).\n\n")
                .append("| measure | n | p50 ms | p99 ms | max ms | target |\n|---|---|---|---|---|---|\n");
        for (String row : rows) {
            text.append(row).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }


    /** Starts the packaged desk on the benchmark cache under Xvfb and reads its start-up log and memory. */
    record DeskStart(long interactiveMillis, long rssMegabytes, String skipped) {
        static DeskStart measure(Path dataDir) throws Exception {
            Path jar = Path.of("target/ringside.jar");
            if (!Files.exists(jar) || !onPath("xvfb-run")) {
                return new DeskStart(-1, -1, "needs target/ringside.jar and xvfb-run");
            }
            Path log = dataDir.resolve("logs/ringside.log");
            Files.deleteIfExists(log);
            Process desk = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "java", "-jar",
                    jar.toString(), "--data-dir", dataDir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    if (Files.exists(log)) {
                        for (String line : Files.readAllLines(log)) {
                            int at = line.indexOf("Desk interactive ");
                            if (at >= 0) {
                                long millis = Long.parseLong(line.substring(at + 17).split(" ")[0]);
                                Thread.sleep(2_000);
                                return new DeskStart(millis, rssOfJava(desk), null);
                            }
                        }
                    }
                    Thread.sleep(100);
                }
                return new DeskStart(-1, -1, "desk did not report interactive within 60 s");
            } finally {
                desk.descendants().forEach(ProcessHandle::destroy);
                desk.destroy();
                desk.waitFor(10, TimeUnit.SECONDS);
            }
        }

        String row() {
            if (skipped != null) {
                return "| desk cold start / RSS | skipped: " + skipped + " | | | | ≤ 2.5 s, ≤ 350 MB |";
            }
            return String.format(Locale.ROOT, "| desk cold start to interactive window (JVM start → search enabled), RSS after | 1 | %,d ms | | RSS %,d MB | ≤ 2,500 ms, ≤ 350 MB |",
                    interactiveMillis, rssMegabytes);
        }

        private static long rssOfJava(Process launcher) throws IOException {
            for (ProcessHandle handle : launcher.descendants().toList()) {
                String command = handle.info().command().orElse("");
                if (command.endsWith("java")) {
                    for (String line : Files.readAllLines(Path.of("/proc/" + handle.pid() + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                        }
                    }
                }
            }
            return -1;
        }

        private static boolean onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, program))) {
                    return true;
                }
            }
            return false;
        }
    }
}
