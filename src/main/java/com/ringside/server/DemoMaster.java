package com.ringside.server;

import com.ringside.cache.AgentStore.Agent;
import com.ringside.demo.DemoCompany;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.UserRole;
import com.ringside.policy.Presets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Fills an empty master with the demo company, its agents, the regulators' presets, three demo users and a morning's
 * calls at the desks.
 */
public final class DemoMaster {
    private static final int BATCH = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoMaster() {
    }

    /** Loads customers 0..count-1 with their history; returns the demo users' passwords by username. */
    public static Map<String, String> seed(MasterStore store, Authenticator authenticator, DemoCompany company,
                                           int count, Clock clock, LongConsumer progress) {
        List<Agent> agents = company.agents();
        List<User> agentUsers = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            agentUsers.add(store.addUser("demo-agent-" + (i + 1), agent.displayName(), UserRole.AGENT, agent.team(), "!",
                    clock.instant(), agent.id()));
        }
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            List<Customer> customers = new ArrayList<>(to - from);
            List<ContactEvent> events = new ArrayList<>();
            for (int index = from; index < to; index++) {
                DemoCompany.Household household = company.customer(index);
                customers.add(household.customer());
                events.addAll(household.events());
            }
            store.load(customers, events, clock.instant());
            progress.accept(to);
        }
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
            DemoMorning.play(store, company, Math.min(count, DemoMorning.CUSTOMERS), agentUsers, supervisor, clock);
        }
        return passwords;
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
