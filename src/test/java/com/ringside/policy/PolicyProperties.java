package com.ringside.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.ContactRule;
import com.ringside.domain.DialDecision;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of every decision, over random histories, zones, instants and rule sets. */
class PolicyProperties {
    static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");

    @Property(tries = 300)
    void nextAllowedAtIsAllowedAndTheSecondBeforeItIsNot(@ForAll("scenarios") Scenario scenario) {
        DialDecision now = scenario.desk().decide(scenario.now());
        Instant next = now.nextAllowedAt();
        if (now.verdict() != Verdict.BLOCK) {
            assertThat(next).isEqualTo(scenario.now());
            return;
        }
        if (next == null) {
            return;
        }
        assertThat(next).isAfter(scenario.now());
        assertThat(scenario.desk().decide(next).verdict()).as("at nextAllowedAt").isNotEqualTo(Verdict.BLOCK);
        Instant secondBefore = next.minusSeconds(1);
        if (!secondBefore.isBefore(scenario.now())) {
            assertThat(scenario.desk().decide(secondBefore).verdict()).as("one second earlier").isEqualTo(Verdict.BLOCK);
        }
    }

    @Property(tries = 300)
    void moreHistoryNeverTurnsABlockIntoAnAllow(@ForAll("scenarios") Scenario scenario,
                                                @ForAll("offsets") long extraMinutesAgo, @ForAll Outcome outcome) {
        DialDecision before = scenario.desk().decide(scenario.now());
        scenario.desk().call(scenario.now().minus(Duration.ofMinutes(extraMinutesAgo)), outcome);
        DialDecision after = scenario.desk().decide(scenario.now());
        if (before.verdict() == Verdict.BLOCK) {
            assertThat(after.verdict()).isEqualTo(Verdict.BLOCK);
        }
    }

    @Property(tries = 200)
    void aWarnOnlyRuleSetNeverBlocks(@ForAll("scenarios") Scenario scenario) {
        PolicyFixture desk = scenario.desk();
        List<ContactRule> warnings = desk.rules.stream().map(PolicyProperties::asWarning).toList();
        desk.rules.clear();
        desk.rules.addAll(warnings);
        DialDecision decision = desk.decide(scenario.now());
        assertThat(decision.verdict()).isNotEqualTo(Verdict.BLOCK);
        assertThat(decision.nextAllowedAt()).isEqualTo(scenario.now());
    }

    @Property(tries = 200)
    void theVerdictOnlyPathAgreesWithTheFullDecision(@ForAll("scenarios") Scenario scenario) {
        PolicyFixture desk = scenario.desk();
        var request = new com.ringside.domain.DialRequest(desk.customer.id(), desk.customer.phones().get(0).number(),
                desk.line, desk.campaign, null, scenario.now());
        List<com.ringside.domain.ContactEvent> sorted = desk.history.stream()
                .sorted(java.util.Comparator.comparing(com.ringside.domain.ContactEvent::occurredAt)).toList();
        assertThat(PolicyFixture.POLICY.verdict(desk.rules, desk.customer, sorted, request))
                .isEqualTo(desk.decide(scenario.now()).verdict());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<String> zone = Arbitraries.of("America/New_York", "America/Los_Angeles", "Europe/Paris",
                "Europe/London", "America/Toronto");
        Arbitrary<List<Integer>> presets = Arbitraries.integers().between(0, Presets.all().size() - 1).list()
                .ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<Tuple.Tuple3<Long, Outcome, LineOfBusiness>>> calls = Combinators.combine(offsets(),
                Arbitraries.of(Outcome.class), Arbitraries.of(LineOfBusiness.class)).as(Tuple::of).list().ofMaxSize(14);
        Arbitrary<Long> nowOffset = Arbitraries.longs().between(0, 400L * 24 * 3600);
        Arbitrary<LineOfBusiness> line = Arbitraries.of(LineOfBusiness.class);
        return Combinators.combine(zone, presets, calls, nowOffset, line).as((z, chosen, history, offset, requestLine) -> {
            PolicyFixture desk = new PolicyFixture(z);
            desk.line = requestLine;
            Instant now = EPOCH.plusSeconds(offset);
            chosen.forEach(index -> desk.rule(Presets.all().get(index).newRule()));
            history.forEach(call -> desk.call(now.minus(Duration.ofMinutes(call.get1())), call.get2(), call.get3(),
                    "renewals", Direction.OUTBOUND));
            return new Scenario(desk, now);
        });
    }

    @Provide
    Arbitrary<Long> offsets() {
        return Arbitraries.longs().between(0, 45L * 24 * 60);
    }

    private static ContactRule asWarning(ContactRule rule) {
        return new ContactRule(rule.id(), rule.version(), rule.name(), rule.enabled(), Verdict.WARN, rule.overrideRole(),
                rule.appliesTo(), rule.attemptCap(), rule.coolDowns(), rule.callingHours(), rule.holidays(),
                rule.doNotCall(), rule.requireFreshCache());
    }

    record Scenario(PolicyFixture desk, Instant now) {
        @Override
        public String toString() {
            return "now=" + now + " zone=" + desk.customer.timeZone() + " line=" + desk.line + " rules="
                    + desk.rules.stream().map(ContactRule::name).toList() + " history=" + desk.history.stream()
                    .map(e -> e.occurredAt() + "/" + e.outcome() + "/" + e.lineOfBusiness()).toList();
        }
    }
}
