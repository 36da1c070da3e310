package com.ringside.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input for every part that reads others' data, a few thousand inputs per run; the harness
 * {@code HostileInputBenchmark} runs the same checks over a million. A failing seed replays with
 * {@code Mutations.mutate(seed, new Random(seed))}.
 */
class HostileInputProperties {
    private static HostileTargets targets;

    @BeforeContainer
    static void start() throws Exception {
        targets = new HostileTargets(Files.createTempDirectory("ringside-hostile"));
    }

    @AfterContainer
    static void stop() {
        targets.close();
    }

    @Property(tries = 3_000)
    void aPhoneNumberNeverBreaksTheNormaliser(@ForAll long seed) {
        Random random = new Random(seed);
        targets.phone(Mutations.mutate(HostileTargets.phoneSeeds().get(random.nextInt(7)), random));
    }

    @Property(tries = 2_000)
    void aRuleIsReadOrRefusedInWordsAndAReadRuleAlwaysDecides(@ForAll long seed) {
        Random random = new Random(seed);
        targets.rule(Mutations.mutate(HostileTargets.RULE_SEEDS.get(random.nextInt(HostileTargets.RULE_SEEDS.size())),
                random));
    }

    @Property(tries = 150)
    void anExtractIsImportedOrRefusedWithNothingStored(@ForAll long seed) {
        targets.extract(Mutations.mutate(HostileTargets.CSV_SEED, new Random(seed)));
    }

    @Property(tries = 400)
    void aJsonEndpointNeverAnswersWithAServerError(@ForAll long seed) {
        String[] request = HostileTargets.mutatedRequest(new Random(seed));
        targets.post(request[0], request[1]);
    }
}
