package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Account;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.SourceSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BestCandidateTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void theHighestScoreWinsWhateverTheOrder() {
        Customer low = customer("INS", "P-9");
        Customer high = customer("ORD", "Z-1");
        for (List<Customer> order : List.of(List.of(low, high), List.of(high, low))) {
            assertThat(best(order, Map.of(low, 0.85, high, 0.95))).isSameAs(high);
        }
    }

    @Test
    void equalScoresAreSettledByTheLowestSourceKeyInAnyOrderTheCandidatesArrive() {
        Customer insurance = customer("INS", "P-200", "P-100");
        Customer financing = customer("FIN", "L-500");
        Customer orders = customer("ORD", "C-1");
        Customer keyless = customer();
        List<Customer> candidates = new ArrayList<>(List.of(insurance, financing, orders, keyless));
        Map<Customer, Double> scores = Map.of(insurance, 0.94, financing, 0.94, orders, 0.94, keyless, 0.94);
        Random random = new Random(7);
        for (int i = 0; i < 24; i++) {
            Collections.shuffle(candidates, random);
            assertThat(best(candidates, scores)).as("order %s", candidates).isSameAs(financing);
        }
    }

    @Test
    void customersWithoutSourceKeysAreSettledByTheirIds() {
        Customer first = customer(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        Customer second = customer(UUID.fromString("00000000-0000-0000-0000-000000000002"));
        assertThat(best(List.of(second, first), Map.of(first, 0.9, second, 0.9))).isSameAs(first);
        assertThat(best(List.of(first, second), Map.of(first, 0.9, second, 0.9))).isSameAs(first);
    }

    @Test
    void nothingOfferedMeansNoCandidate() {
        assertThat(new BestCandidate().best()).isNull();
    }

    private static Customer best(List<Customer> order, Map<Customer, Double> scores) {
        BestCandidate best = new BestCandidate();
        order.forEach(customer -> best.offer(customer, scores.get(customer)));
        return best.best();
    }

    private static Customer customer(String system, String... keys) {
        List<Account> accounts = new ArrayList<>();
        for (String key : keys) {
            accounts.add(new Account(LineOfBusiness.INSURANCE, SourceSystem.of(system), key, null, AccountStatus.ACTIVE,
                    null));
        }
        return customer(UUID.randomUUID(), accounts);
    }

    private static Customer customer() {
        return customer(UUID.randomUUID(), List.of());
    }

    private static Customer customer(UUID id) {
        return customer(id, List.of());
    }

    private static Customer customer(UUID id, List<Account> accounts) {
        return new Customer(id, 1, "Ana", "Ruiz", null, null, null, false, null, null, List.of(), List.of(), accounts,
                NOW, NOW);
    }
}
