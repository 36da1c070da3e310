package com.ringside.server;

import com.ringside.cache.AgentStore.Agent;
import com.ringside.demo.DemoCompany;
import com.ringside.demo.DemoExtracts;
import com.ringside.domain.Account;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.UserRole;
import com.ringside.ingest.CustomerDirectory;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.policy.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Fills an empty master with the demo company (imported from its source systems' extracts), its agents, the
 * regulators' presets, three demo users and a morning's calls at the desks.
 */
public final class DemoMaster {
    private static final int BATCH = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoMaster() {
    }

    /** Imports customers 0..count-1 and loads their history; returns the demo users' passwords by username. */
    public static Map<String, String> seed(MasterStore store, Authenticator authenticator, DemoCompany company,
                                           int count, Clock clock, LongConsumer progress) {
        List<Agent> agents = company.agents();
        List<User> agentUsers = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            agentUsers.add(store.addUser("demo-agent-" + (i + 1), agent.displayName(), UserRole.AGENT, agent.team(), "!",
                    clock.instant(), agent.id()));
        }
        List<Customer> firstCustomers = importCompany(store, company, count, clock, progress);
        for (ContactRule rule : Presets.starterSet()) {
            store.saveRule(rule, null, clock.instant());
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        User supervisor = null;
        for (UserRole role : UserRole.values()) {
            String username = role.name().toLowerCase(java.util.Locale.ROOT);
            String password = newPassword();
            User user = authenticator.addUser(username, "Demo " + username, role, password.toCharArray());
            supervisor = role == UserRole.SUPERVISOR ? user : supervisor;
            passwords.put(username, password);
        }
        if (!agentUsers.isEmpty() && supervisor != null) {
            DemoMorning.play(store, firstCustomers, agentUsers, supervisor, clock);
        }
        return passwords;
    }

    /**
     * The company's records reach the master as a real company's would: each source system's extract, imported and
     * resolved into one customer per person. The call centre's own history and do-not-call register follow. Returns
     * the master's customers for the first few demo customers, whose morning is played next.
     */
    private static List<Customer> importCompany(MasterStore store, DemoCompany company, int count, Clock clock,
                                                LongConsumer progress) {
        Path work = null;
        try {
            work = Files.createTempDirectory("ringside-demo-extracts");
            for (DemoExtracts.Extract extract : DemoExtracts.write(company, count, work)) {
                new Importer(store.directory()).run(mapping(extract, work), extract.file(), clock.instant());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not import the demo extracts", e);
        } finally {
            deleteQuietly(work);
        }
        CustomerDirectory directory = store.directory();
        List<Customer> first = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            List<DemoCompany.Household> households = new ArrayList<>(to - from);
            Map<SourceSystem, Set<String>> keys = new HashMap<>();
            for (int index = from; index < to; index++) {
                DemoCompany.Household household = company.customer(index);
                households.add(household);
                Account account = household.customer().accounts().get(0);
                keys.computeIfAbsent(account.sourceSystem(), system -> new HashSet<>()).add(account.sourceKey());
            }
            Map<String, Customer> bySourceKey = new HashMap<>();
            keys.forEach((system, systemKeys) -> directory.find(system, systemKeys, Set.of(), Set.of(), Set.of())
                    .bySourceKey().forEach((key, customer) -> bySourceKey.put(system.code() + "|" + key, customer)));
            List<ContactEvent> events = new ArrayList<>();
            for (DemoCompany.Household household : households) {
                Account account = household.customer().accounts().get(0);
                Customer master = bySourceKey.get(account.sourceSystem().code() + "|" + account.sourceKey());
                if (master == null) {
                    continue;
                }
                UUID masterId = master.id();
                household.events().forEach(event -> events.add(event.forCustomer(masterId)));
                if (household.customer().doNotCall() && !master.doNotCall()) {
                    master = store.saveCustomer(master.withDoNotCall(household.customer().doNotCallReason()), clock.instant());
                }
                if (first.size() < DemoMorning.CUSTOMERS) {
                    first.add(master);
                }
            }
            store.load(List.of(), events, clock.instant());
            progress.accept(to);
        }
        return first;
    }

    /** The shipped mapping of the extract's system, as a file the importer reads. */
    private static SourceMapping mapping(DemoExtracts.Extract extract, Path work) throws IOException {
        Path file = work.resolve(extract.name() + ".mapping.json");
        try (InputStream in = DemoMaster.class.getResourceAsStream("/ingest/" + extract.name() + ".mapping.json")) {
            if (in == null) {
                throw new IllegalStateException("The " + extract.system() + " mapping is not packaged with this build");
            }
            Files.copy(in, file);
        }
        return SourceMapping.read(file);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up
        }
    }

    private static String newPassword() {
        String letters = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return password.toString();
    }
}
