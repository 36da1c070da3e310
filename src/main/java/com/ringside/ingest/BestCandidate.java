package com.ringside.ingest;

import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import java.util.Comparator;

/**
 * The highest-scoring candidate seen so far. Candidates arrive in an order that depends on whether an earlier batch
 * was already written (the master's rows first, this import's own after), so equal scores are settled by what the
 * customers hold, not by who came first: the lowest source key wins, then the lowest id.
 */
final class BestCandidate {
    private static final Comparator<Customer> SETTLES_TIES = Comparator
            .comparing(BestCandidate::lowestSourceKey, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Customer::id);

    private Customer best;
    private double score;

    /** Takes the candidate if it scores higher than the best so far, or as high and settles the tie. */
    void offer(Customer candidate, double candidateScore) {
        if (best == null || candidateScore > score
                || (candidateScore == score && SETTLES_TIES.compare(candidate, best) < 0)) {
            best = candidate;
            score = candidateScore;
        }
    }

    /** The best candidate, or null when none was offered. */
    Customer best() {
        return best;
    }

    double score() {
        return score;
    }

    private static String lowestSourceKey(Customer customer) {
        String lowest = null;
        for (Account account : customer.accounts()) {
            String key = account.sourceSystem().code() + ':' + account.sourceKey();
            if (lowest == null || key.compareTo(lowest) < 0) {
                lowest = key;
            }
        }
        return lowest;
    }
}
