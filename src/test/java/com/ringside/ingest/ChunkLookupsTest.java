package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chunks are looked up in order, a few ahead of the matcher and no more. */
class ChunkLookupsTest {
    @Test
    void onlyAFewChunksAreLookedUpAheadOfTheMatcherAndEachComesBackInOrder() throws Exception {
        AtomicInteger finds = new AtomicInteger();
        CustomerDirectory directory = new CustomerDirectory() {
            @Override
            public Found find(SourceSystem system, Set<String> keys, Set<PhoneNumber> phones, Set<String> emails,
                              Set<String> blocks) {
                String nth = String.valueOf(finds.incrementAndGet()); // the lookup thread takes chunks in turn
                return new Found(Map.of(), Map.of(), Map.of(nth, List.of()), Map.of());
            }

            @Override
            public void save(Batch batch, Instant now) {
                throw new AssertionError("lookups do not write");
            }
        };
        try (ChunkLookups lookups = new ChunkLookups(directory, SourceSystem.of("POLICY_ADMIN"))) {
            for (int i = 0; i < 10; i++) {
                lookups.submit(List.of());
            }
            long until = System.nanoTime() + 2_000_000_000L;
            while (finds.get() < ChunkLookups.AHEAD && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            assertThat(finds.get()).as("looked up ahead of the matcher").isEqualTo(ChunkLookups.AHEAD);

            for (int i = 0; i < 10; i++) {
                assertThat(lookups.next().byEmail()).containsOnlyKeys(String.valueOf(i + 1));
                assertThat(finds.get()).as("one more started for each taken").isLessThanOrEqualTo(
                        Math.min(10, ChunkLookups.AHEAD + i + 1));
            }
            assertThat(finds.get()).isEqualTo(10);
        }
    }
}
