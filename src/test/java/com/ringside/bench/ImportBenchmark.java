package com.ringside.bench;

import com.ringside.domain.SourceSystem;
import com.ringside.identity.PhoneZones;
import com.ringside.ingest.CustomerDirectory;
import com.ringside.ingest.ImportReport;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MasterDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Imports generated extracts of the four demo systems, with a known truth of who is who, into an embedded master:
 * rows per second, and the matcher's precision and recall over pairs of rows (two rows of one person that end up
 * as one customer is a true pair). {@code ImportBenchmark --people N --out FILE}.
 */
public final class ImportBenchmark {
    private static final String[] GIVEN = {"Ana", "Ben", "Chloé", "Dev", "Grace", "Lan", "Sam", "Maria", "John", "Aisha",
        "Luca", "Noor", "Omar", "Petra", "Quinn", "Rosa", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoë"};
    private static final String[] FAMILY = {"Ruiz", "Martin", "Patel", "O'Neil", "Nguyen", "Okafor", "Smith", "Garcia",
        "Müller", "Kowalski", "Haddad", "Lindqvist", "Moreau", "Rossi", "Tanaka", "Dubois", "Khan", "Silva"};
    private static final int[] AREAS = {201, 212, 213, 305, 312, 404, 415, 503, 617, 702, 713, 818};
    private static final String[] SYSTEMS = {"policy_admin", "loan_servicing", "order_desk", "campaign_hub"};

    /** One person as the truth knows them. */
    private record Person(int id, String given, String family, LocalDate born, String phone, String email) {
    }

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(BenchArgs.arg(args, "--people", "20000"));
        Path out = Path.of(BenchArgs.arg(args, "--out", "docs/benchmarks/ingest.md"));
        Path dir = BenchFiles.scratch("ringside-import-bench");
        Extracts extracts = generate(people, dir);
        List<Path> files = extracts.files();
        long rows = extracts.rows();

        double seconds;
        double cpuSeconds;
        double compilingSeconds;
        Map<String, UUID> predicted = new HashMap<>();
        Map<String, Integer> truth;
        List<ImportReport> reports = new ArrayList<>();
        try (JdbcMasterStore master = new JdbcMasterStore(MasterDatabase.sqlite(dir.resolve("master")),
                new ContactPolicy(new JollydayHolidays(), new PhoneZones()), Clock.systemUTC())) {
            CustomerDirectory directory = master.directory();
            Importer importer = new Importer(directory);
            System.gc(); // the generator's garbage out of the way: an import run from the command line starts clean
            long started = System.nanoTime();
            long cpuBefore = PROCESS.getProcessCpuTime();
            double compilingBefore = compilerCpuSeconds();
            for (int s = 0; s < SYSTEMS.length; s++) {
                reports.add(importer.run(SourceMapping.read(Path.of("assets/ingest", SYSTEMS[s] + ".mapping.json")),
                        files.get(s), Instant.now()));
            }
            seconds = (System.nanoTime() - started) / 1e9;
            cpuSeconds = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e9;
            compilingSeconds = compilerCpuSeconds() - compilingBefore;
            truth = extracts.truth();
            Map<String, List<String>> keysBySystem = new HashMap<>();
            for (String record : truth.keySet()) {
                int slash = record.indexOf('/');
                keysBySystem.computeIfAbsent(record.substring(0, slash), k -> new ArrayList<>()).add(record.substring(slash + 1));
            }
            keysBySystem.forEach((system, keys) -> {
                for (int from = 0; from < keys.size(); from += 5_000) {
                    Set<String> slice = Set.copyOf(keys.subList(from, Math.min(keys.size(), from + 5_000)));
                    directory.find(SourceSystem.of(system.toUpperCase(Locale.ROOT)), slice, Set.of(), Set.of(), Set.of())
                            .bySourceKey().forEach((key, customer) -> predicted.put(system + "/" + key, customer.id()));
                }
            });
        }
        long[] pairs = pairs(truth, predicted);
        double precision = pairs[1] == 0 ? 1 : (double) pairs[0] / pairs[1];
        double recall = pairs[2] == 0 ? 1 : (double) pairs[0] / pairs[2];
        int suggested = reports.stream().mapToInt(ImportReport::suggested).sum();
        int rejected = reports.stream().mapToInt(r -> r.rejected().size()).sum();
        String table = String.format(Locale.ROOT, """
                # Import benchmark

                `ImportBenchmark --people %,d` (%d cores, Java %s, %s, JVM options `%s`). Generated extracts of the four demo systems
                (CSV and JSON lines, through the shipped mappings) for %,d people, 10%% of them sharing a household
                phone, with the phone in three formats, names in capitals or "FAMILY, Given", 5%% of family names
                misspelt, birth dates and e-mails sometimes missing; imported in order into an embedded (SQLite) master.

                | measure | result | target |
                |---|---|---|
                | rows imported and resolved | %,d rows in %.1f s: **%,.0f rows/s** | ≥ 20,000 rows/s (1,000,000 rows) |
                | CPU spent, all threads (JVM and SQLite) | %.1f s: %.0f µs a row | – |
                | of which the JIT compiler's threads (at least: idle ones end) | %.1f s: %.0f µs a row | – |
                | precision over pairs of rows (of the pairs put together, how many are one person) | **%.4f** (%,d of %,d) | ≥ 0.99 |
                | recall over pairs of rows (of the true pairs, how many were put together) | **%.4f** (%,d of %,d) | ≥ 0.95 |
                | left for a supervisor (suggested), rejected | %,d, %,d | – |
                """, people, Runtime.getRuntime().availableProcessors(), Runtime.version(), LocalDate.now(),
                String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()), people,
                rows, seconds, rows / seconds, cpuSeconds, cpuSeconds * 1e6 / rows, compilingSeconds,
                compilingSeconds * 1e6 / rows, precision, pairs[0], pairs[1], recall, pairs[0], pairs[2], suggested, rejected);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    /**
     * CPU seconds the JIT compiler's threads have spent (Linux: their user and system ticks), or NaN elsewhere. A
     * compiler thread that ends when idle takes its time with it, so this is a lower bound.
     */
    private static double compilerCpuSeconds() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException ended) {
                    // the thread ended since the listing
                }
            }
            return ticks / 100.0; // USER_HZ
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Central-office codes 200–999 except N11, which are service codes, not numbers. */
    private static int exchange(Random random) {
        int code;
        do {
            code = 200 + random.nextInt(800);
        } while (code % 100 == 11);
        return code;
    }

    private static String suffix(Random random) {
        return random.nextInt(3) == 0 ? "" : "-" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
    }

    private static String header(int system) {
        return switch (system) {
            case 0 -> "policy_no,first_name,last_name,dob,home_phone,mobile_phone,email,product,policy_status,issued_on\n";
            case 1 -> "loan_id,borrower,birth_date,phone,email_address,loan_type,state,opened_on\n";
            case 2 -> "";
            default -> "contact_id,given,family,tel,mail,list,consent\n";
        };
    }

    private static String row(int system, String key, Person p, Random random) {
        String family = random.nextInt(20) == 0 ? misspell(p.family(), random) : p.family();
        String digits = p.phone().substring(2);
        String phone = switch (random.nextInt(3)) {
            case 0 -> "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
            case 1 -> "+1 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
            default -> digits;
        };
        String email = p.email() == null || random.nextInt(3) == 0 ? "" : random.nextBoolean() ? p.email() : p.email().toUpperCase(Locale.ROOT);
        String born = random.nextInt(10) < 3 ? "" : null;
        LocalDate sold = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(6_000));
        return switch (system) {
            case 0 -> String.join(",", key, p.given(), family, born != null ? "" : String.format("%02d/%02d/%d",
                    p.born().getMonthValue(), p.born().getDayOfMonth(), p.born().getYear()), phone, "", email, "Home", "IN FORCE",
                    String.format("%02d/%02d/%d", sold.getMonthValue(), sold.getDayOfMonth(), sold.getYear()));
            case 1 -> String.join(",", key, "\"" + family.toUpperCase(Locale.ROOT) + ", " + p.given() + "\"",
                    born != null ? "" : p.born().toString(), phone, email, "Auto loan", "OPEN", sold.toString());
            case 2 -> String.format("{\"customerRef\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\",\"phone\":\"%s\","
                    + "\"email\":\"%s\",\"channel\":\"Online order\",\"status\":\"active\",\"orderedAt\":\"%sT10:15:00Z\"}",
                    key, p.given(), family.replace("\"", ""), phone, email, sold);
            default -> String.join(",", key, p.given(), family, phone, email, "Newsletter", "opted-in");
        };
    }

    private static String misspell(String family, Random random) {
        int at = 1 + random.nextInt(Math.max(1, family.length() - 2));
        return family.substring(0, at) + family.charAt(Math.min(at + 1, family.length() - 1)) + family.charAt(at)
                + family.substring(Math.min(at + 2, family.length()));
    }

    /**
     * The extracts of the four systems, and which people each holds. Only that is kept: the people themselves would
     * stay in the heap through the import that is measured.
     */
    private record Extracts(List<Path> files, long rows, List<List<Integer>> included) {
        /** Each row as system/key, and the person it is. */
        Map<String, Integer> truth() {
            Map<String, Integer> truth = new HashMap<>();
            for (int s = 0; s < SYSTEMS.length; s++) {
                for (int id : included.get(s)) {
                    truth.put(SYSTEMS[s] + "/" + key(s, id), id);
                }
            }
            return truth;
        }
    }

    private static String key(int system, int person) {
        return SYSTEMS[system].substring(0, 1).toUpperCase(Locale.ROOT) + "-" + person;
    }

    private static Extracts generate(int people, Path dir) throws IOException {
        Random random = new Random(17);
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            boolean household = i > 0 && random.nextInt(10) == 0;
            Person base = household ? persons.get(i - 1) : null;
            String family = household ? base.family() : FAMILY[random.nextInt(FAMILY.length)] + suffix(random);
            String given = GIVEN[random.nextInt(GIVEN.length)];
            if (household && given.equals(base.given())) {
                given = GIVEN[(java.util.Arrays.asList(GIVEN).indexOf(given) + 1) % GIVEN.length];
            }
            String phone = household ? base.phone() : String.format("+1%d%d%04d", AREAS[random.nextInt(AREAS.length)],
                    exchange(random), random.nextInt(10_000));
            persons.add(new Person(i, given, family, LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), phone, random.nextBoolean() ? (given + "." + family + i + "@example.com")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.@]", "") : null));
        }
        List<List<Integer>> included = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        long rows = 0;
        for (int s = 0; s < SYSTEMS.length; s++) {
            StringBuilder text = new StringBuilder(header(s));
            List<Integer> ids = new ArrayList<>();
            for (Person person : persons) {
                if (random.nextInt(100) < 45) {
                    String key = key(s, person.id());
                    ids.add(person.id());
                    text.append(row(s, key, person, random)).append('\n');
                    rows++;
                }
            }
            Path file = dir.resolve(SYSTEMS[s] + (s == 2 ? ".jsonl" : ".csv"));
            Files.writeString(file, text.toString());
            files.add(file);
            included.add(ids);
        }
        return new Extracts(files, rows, included);
    }

    /** True pairs put together, pairs put together, true pairs. */
    private static long[] pairs(Map<String, Integer> truth, Map<String, UUID> predicted) {
        Map<String, Long> both = new HashMap<>();
        Map<UUID, Long> byCustomer = new HashMap<>();
        Map<Integer, Long> byPerson = new HashMap<>();
        for (Map.Entry<String, Integer> record : truth.entrySet()) {
            UUID customer = predicted.get(record.getKey());
            byPerson.merge(record.getValue(), 1L, Long::sum);
            if (customer != null) {
                byCustomer.merge(customer, 1L, Long::sum);
                both.merge(customer + "/" + record.getValue(), 1L, Long::sum);
            }
        }
        return new long[] {sumPairs(both.values()), sumPairs(byCustomer.values()), sumPairs(byPerson.values())};
    }

    private static long sumPairs(Iterable<Long> sizes) {
        long total = 0;
        for (long n : sizes) {
            total += n * (n - 1) / 2;
        }
        return total;
    }
}
