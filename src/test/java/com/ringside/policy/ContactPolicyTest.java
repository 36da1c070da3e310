package com.ringside.policy;

import static com.ringside.policy.PolicyFixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.AttemptCap;
import com.ringside.domain.CallingHours;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CoolDown;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.ReasonCode;
import com.ringside.domain.RuleScope;
import com.ringside.domain.TimeRange;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.testing.Customers;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESIGN §5.1, clause by clause, one second either side of each boundary. */
class ContactPolicyTest {
    static final String NEW_YORK = "America/New_York";
    static final String PARIS = "Europe/Paris";

    static ContactRule cap(int max, ContactWindow window) {
        return new ContactRule(Ids.newId(), 1, "cap", true, Verdict.BLOCK, UserRole.SUPERVISOR, RuleScope.EVERY_CALL,
                new AttemptCap(max, window, CountPer.CUSTOMER, CountAcross.ALL, Set.of()), List.of(), null, null, false, null);
    }

    static ContactRule coolDown(Set<Outcome> after, ContactWindow period, boolean inbound) {
        return new ContactRule(Ids.newId(), 1, "cool-down", true, Verdict.BLOCK, null, RuleScope.EVERY_CALL, null,
                List.of(new CoolDown(after, period, inbound)), null, null, false, null);
    }

    static ContactRule hours(String range, String holidays) {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(TimeRange.parse(range)));
        }
        return new ContactRule(Ids.newId(), 1, "hours", true, Verdict.BLOCK, null, RuleScope.EVERY_CALL, null, List.of(),
                new CallingHours(days), holidays, false, null);
    }

    @Test
    void aRollingWindowCountsAnAttemptUntilExactlyTPlusW() {
        Instant t = Instant.parse("2026-03-02T15:00:00Z");
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(cap(1, ContactWindow.rolling(Duration.ofHours(24))))
                .call(t, Outcome.NO_ANSWER);

        DialDecision justBefore = desk.decide(t.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(justBefore.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(justBefore.nextAllowedAt()).isEqualTo(t.plus(Duration.ofHours(24)));
        assertThat(desk.decide(t.plus(Duration.ofHours(24))).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void anAttemptStillPendingCountsAndAnInboundCallNeverDoes() {
        Instant t = Instant.parse("2026-03-02T15:00:00Z");
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(cap(1, ContactWindow.rolling(Duration.ofHours(24))));
        desk.call(t, Outcome.CONVERSATION, LineOfBusiness.COLLECTIONS, "arrears", Direction.INBOUND);
        assertThat(desk.decide(t.plusSeconds(60)).verdict()).isEqualTo(Verdict.ALLOW);
        desk.call(t.plusSeconds(30), Outcome.PENDING);
        assertThat(desk.decide(t.plusSeconds(60)).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void theCapBlocksOnlyWhenTheCallAskedForWouldExceedIt() {
        Instant now = Instant.parse("2026-03-04T15:00:00Z");
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(cap(3, ContactWindow.rolling(Duration.ofDays(7))))
                .call(now.minus(Duration.ofDays(3)), Outcome.NO_ANSWER).call(now.minus(Duration.ofDays(2)), Outcome.BUSY);
        assertThat(desk.decide(now).verdict()).as("third call of three").isEqualTo(Verdict.ALLOW);
        desk.call(now.minus(Duration.ofDays(1)), Outcome.VOICEMAIL);
        DialDecision fourth = desk.decide(now);
        assertThat(fourth.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(fourth.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.ATTEMPT_CAP);
            assertThat(reason.message()).isEqualTo("3 calls in the last 7 days (limit 3)");
        });
        assertThat(fourth.nextAllowedAt()).as("when the oldest of the three leaves the window").isEqualTo(now.plus(Duration.ofDays(4)));
    }

    @Test
    void aCalendarDayWindowCountsLocalDatesAndReleasesAtLocalMidnight() {
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(cap(2, ContactWindow.days(2)))
                .call(local("2026-02-10T23:30:00", NEW_YORK), Outcome.NO_ANSWER)
                .call(local("2026-02-11T09:00:00", NEW_YORK), Outcome.NO_ANSWER);

        DialDecision lateOnThe11th = desk.decide(local("2026-02-11T23:59:59", NEW_YORK));
        assertThat(lateOnThe11th.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(lateOnThe11th.nextAllowedAt()).isEqualTo(local("2026-02-12T00:00:00", NEW_YORK));
        assertThat(desk.decide(local("2026-02-12T00:00:00", NEW_YORK)).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aCalendarCoolDownMakesTheEventsDateDayOneAcrossTheSpringDstChange() {
        PolicyFixture desk = new PolicyFixture(NEW_YORK)
                .rule(coolDown(Set.of(Outcome.CONVERSATION), ContactWindow.days(7), false))
                .call(local("2026-03-02T10:00:00", NEW_YORK), Outcome.CONVERSATION);

        DialDecision sunday = desk.decide(local("2026-03-08T23:59:59", NEW_YORK));
        assertThat(sunday.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(sunday.nextAllowedAt()).as("Mon 9 Mar 00:00 EDT").isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(sunday.reasons().get(0).message())
                .isEqualTo("Conversation on Mon 2 Mar (Collections): no call through Sun 8 Mar");
        assertThat(desk.decide(Instant.parse("2026-03-09T04:00:00Z")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aRollingCoolDownBlocksFromTheEventUntilTPlusD() {
        Instant t = Instant.parse("2026-10-24T16:00:00Z");
        PolicyFixture desk = new PolicyFixture(PARIS)
                .rule(coolDown(Set.of(Outcome.ABANDONED), ContactWindow.rolling(Duration.ofHours(72)), false))
                .call(t, Outcome.ABANDONED);
        assertThat(desk.decide(t).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(t.plus(Duration.ofHours(72)).minusSeconds(1)).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(t.plus(Duration.ofHours(72))).verdict()).as("72 real hours across the autumn change")
                .isEqualTo(Verdict.ALLOW);
    }

    @Test
    void inboundConversationsStartACoolDownOnlyWhenTheRuleSaysSo() {
        Instant t = Instant.parse("2026-05-04T15:00:00Z");
        PolicyFixture outboundOnly = new PolicyFixture(NEW_YORK)
                .rule(coolDown(Set.of(Outcome.CONVERSATION), ContactWindow.days(7), false));
        outboundOnly.call(t, Outcome.CONVERSATION, LineOfBusiness.COLLECTIONS, "arrears", Direction.INBOUND);
        PolicyFixture withInbound = new PolicyFixture(NEW_YORK)
                .rule(coolDown(Set.of(Outcome.CONVERSATION), ContactWindow.days(7), true));
        withInbound.call(t, Outcome.CONVERSATION, LineOfBusiness.COLLECTIONS, "arrears", Direction.INBOUND);

        assertThat(outboundOnly.decide(t.plusSeconds(3_600)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(withInbound.decide(t.plusSeconds(3_600)).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void callingHoursAreHalfOpen() {
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(hours("08:00-21:00", null));
        assertThat(desk.decide(local("2026-06-01T20:59:59", NEW_YORK)).verdict()).isEqualTo(Verdict.ALLOW);
        DialDecision nine = desk.decide(local("2026-06-01T21:00:00", NEW_YORK));
        assertThat(nine.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(nine.nextAllowedAt()).isEqualTo(local("2026-06-02T08:00:00", NEW_YORK));
        assertThat(nine.reasons().get(0).message())
                .isEqualTo("Outside calling hours in America/New_York: it is Mon 21:00 there (hours on Monday: 08:00-21:00)");
        assertThat(desk.decide(local("2026-06-01T07:59:59", NEW_YORK)).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(local("2026-06-01T08:00:00", NEW_YORK)).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void callingHoursFollowTheZoneThroughTheAutumnChange() {
        PolicyFixture desk = new PolicyFixture(PARIS).rule(hours("08:00-21:00", null));
        // 25 October 2026: Paris falls back from CEST (UTC+2) to CET (UTC+1).
        assertThat(desk.decide(Instant.parse("2026-10-25T06:59:59Z")).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(Instant.parse("2026-10-25T07:00:00Z")).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(Instant.parse("2026-10-24T05:59:59Z")).nextAllowedAt())
                .isEqualTo(Instant.parse("2026-10-24T06:00:00Z"));
    }

    @Test
    void aRangeThatStartsInsideTheSkippedHourOpensWhenTheClocksJump() {
        // 8 March 2026, New York: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens and 03:00 is inside 02:30-04:00.
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(hours("02:30-04:00", null));
        DialDecision beforeTheJump = desk.decide(Instant.parse("2026-03-08T06:59:59Z"));
        assertThat(beforeTheJump.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(beforeTheJump.nextAllowedAt()).as("03:00 EDT").isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(desk.decide(Instant.parse("2026-03-08T07:00:00Z")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aPublicHolidayClosesTheWholeLocalDay() {
        PolicyFixture desk = new PolicyFixture(PARIS).rule(hours("10:00-20:00", "FR"));
        DialDecision bastilleDay = desk.decide(local("2026-07-14T11:00:00", PARIS));
        assertThat(bastilleDay.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(bastilleDay.reasons().get(0).code()).isEqualTo(ReasonCode.HOLIDAY);
        assertThat(bastilleDay.nextAllowedAt()).isEqualTo(local("2026-07-15T10:00:00", PARIS));
    }

    @Test
    void withoutAZoneTheNumbersRegionDecidesAndEveryCandidateZoneMustBeOpen() {
        Customer noZone = Customers.customer("Kim", "Lee").phone("+14155550123").phone("+12125550123").zone(null).build();
        PolicyFixture desk = new PolicyFixture(noZone).rule(hours("08:00-21:00", null));
        Instant nineNewYork = local("2026-06-01T09:00:00", NEW_YORK);

        DialDecision toSanFrancisco = desk.decide(nineNewYork, PhoneNumber.of("+14155550123"));
        assertThat(toSanFrancisco.verdict()).as("06:00 in Los Angeles").isEqualTo(Verdict.BLOCK);
        assertThat(toSanFrancisco.nextAllowedAt()).isEqualTo(local("2026-06-01T08:00:00", "America/Los_Angeles"));
        assertThat(desk.decide(nineNewYork, PhoneNumber.of("+12125550123")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aNumberThatSpansZonesIsCalledOnlyWhenAllOfThemAreOpen() {
        Customer noZone = Customers.customer("Pat", "Moe").phone("+18005550123").zone(null).build();
        DialDecision tollFree = new PolicyFixture(noZone).rule(hours("08:00-21:00", null))
                .decide(local("2026-06-01T12:00:00", NEW_YORK));
        assertThat(tollFree.verdict()).as("02:00 in Guam").isEqualTo(Verdict.BLOCK);
        Instant eightInGuam = local("2026-06-02T08:00:00", "Pacific/Guam");
        assertThat(tollFree.nextAllowedAt()).as("08:00 in Guam is noon in Honolulu").isEqualTo(eightInGuam);
        assertThat(new PolicyFixture(noZone).rule(hours("08:00-21:00", null)).decide(eightInGuam).verdict())
                .isEqualTo(Verdict.ALLOW);
    }

    @Test
    void everyRuleIsReportedAndBlockBeatsWarn() {
        Instant now = local("2026-06-01T22:00:00", NEW_YORK);
        ContactRule warnCap = new ContactRule(Ids.newId(), 3, "soft cap", true, Verdict.WARN, null, RuleScope.EVERY_CALL,
                new AttemptCap(1, ContactWindow.rolling(Duration.ofDays(1)), CountPer.CUSTOMER, CountAcross.ALL, Set.of()),
                List.of(), null, null, false, null);
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(warnCap).call(now.minusSeconds(3_600), Outcome.NO_ANSWER);
        assertThat(desk.decide(now).verdict()).isEqualTo(Verdict.WARN);
        assertThat(desk.decide(now).nextAllowedAt()).isEqualTo(now);

        desk.rule(hours("08:00-21:00", null));
        DialDecision both = desk.decide(now);
        assertThat(both.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(both.reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.ATTEMPT_CAP, ReasonCode.CALLING_HOURS);
        assertThat(both.ruleVersions()).containsEntry(warnCap.id(), 3L);
        assertThat(both.overrideRole()).as("the hours rule lets nobody override").isNull();
    }

    @Test
    void doNotCallAndOptedOutNumbersAreNotLiftedByTime() {
        Customer dnc = Customers.customer("Dee", "Ncall").phone("+14155550123").doNotCall().build();
        DialDecision decision = new PolicyFixture(dnc).rule(Presets.companyDefault(Ids.newId()))
                .decide(Instant.parse("2026-06-01T18:00:00Z"));
        assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(decision.nextAllowedAt()).isNull();
        assertThat(decision.reasons().get(0).code()).isEqualTo(ReasonCode.DO_NOT_CALL);
    }

    @Test
    void aRuleOutsideItsScopeIsNotApplied() {
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(Presets.regF(Ids.newId()));
        desk.line = LineOfBusiness.INSURANCE;
        for (int day = 1; day <= 7; day++) {
            desk.call(Instant.parse("2026-06-0" + day + "T15:00:00Z"), Outcome.NO_ANSWER);
        }
        assertThat(desk.decide(Instant.parse("2026-06-07T18:00:00Z")).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(Instant.parse("2026-06-07T18:00:00Z")).ruleVersions()).isEmpty();
    }

    @Test
    void aStaleCacheMakesTheDecisionProvisionalAndCountsAsTheRuleSays() {
        ContactRule fresh = new ContactRule(Ids.newId(), 1, "fresh cache", true, Verdict.WARN, null, RuleScope.EVERY_CALL,
                null, List.of(), null, null, false, Duration.ofHours(4));
        PolicyFixture desk = new PolicyFixture(NEW_YORK).rule(fresh);
        Instant now = Instant.parse("2026-06-01T18:00:00Z");
        DialDecision offline = PolicyFixture.POLICY.decide(desk.rules, desk.customer, desk.history,
                new com.ringside.domain.DialRequest(desk.customer.id(), PhoneNumber.of("+14155550123"),
                        LineOfBusiness.COLLECTIONS, null, null, now), now.minus(Duration.ofHours(5)));
        assertThat(offline.provisional()).isTrue();
        assertThat(offline.verdict()).isEqualTo(Verdict.WARN);
        assertThat(offline.reasons().get(0).message()).contains("5 h ago").contains("within 4 h");
        assertThat(desk.decide(now).provisional()).isFalse();
    }
}
