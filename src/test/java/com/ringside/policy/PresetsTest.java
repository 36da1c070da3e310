package com.ringside.policy;

import static com.ringside.policy.PolicyFixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.ReasonCode;
import com.ringside.domain.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each preset against the words it comes from. */
class PresetsTest {
    static final String NY = "America/New_York";

    @Test
    void regFBlocksAnEighthCallWithinSevenConsecutiveDays() {
        PolicyFixture desk = new PolicyFixture(NY).rule(Presets.regF(Ids.newId()));
        for (int day = 2; day <= 8; day++) {
            desk.call(local("2026-06-0" + day + "T10:00:00", NY), Outcome.NO_ANSWER);
        }
        assertThat(desk.history).hasSize(7);
        var eighth = desk.decide(local("2026-06-08T15:00:00", NY));
        assertThat(eighth.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(eighth.reasons().get(0).message()).isEqualTo("7 calls from Collections in the 7 days to Mon 8 Jun (limit 7)");
        assertThat(eighth.nextAllowedAt()).as("Tue 9 Jun: the 2nd leaves the seven days").isEqualTo(local("2026-06-09T00:00:00", NY));
    }

    @Test
    void regFAllowsTheSeventhCall() {
        PolicyFixture desk = new PolicyFixture(NY).rule(Presets.regF(Ids.newId()));
        for (int day = 2; day <= 7; day++) {
            desk.call(local("2026-06-0" + day + "T10:00:00", NY), Outcome.NO_ANSWER);
        }
        assertThat(desk.decide(local("2026-06-08T15:00:00", NY)).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void regFCountsTheConversationDateAsDayOne() {
        PolicyFixture desk = new PolicyFixture(NY).rule(Presets.regF(Ids.newId()))
                .call(local("2026-06-01T16:00:00", NY), Outcome.CONVERSATION);
        assertThat(desk.decide(local("2026-06-07T23:59:59", NY)).verdict()).as("day seven").isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(local("2026-06-08T00:00:00", NY)).verdict()).as("day eight").isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(local("2026-06-03T12:00:00", NY)).overrideRole()).isEqualTo(com.ringside.domain.UserRole.SUPERVISOR);
    }

    @Test
    void regFCountsAConversationTheCustomerStarted() {
        PolicyFixture desk = new PolicyFixture(NY).rule(Presets.regF(Ids.newId()));
        desk.call(local("2026-06-01T16:00:00", NY), Outcome.CONVERSATION, LineOfBusiness.COLLECTIONS, "arrears",
                Direction.INBOUND);
        assertThat(desk.decide(local("2026-06-02T12:00:00", NY)).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void tcpaAllowsEightToNineLocal() {
        PolicyFixture desk = new PolicyFixture("America/Chicago").rule(Presets.tcpaHours(Ids.newId()));
        assertThat(desk.decide(local("2026-06-01T07:59:59", "America/Chicago")).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(local("2026-06-01T08:00:00", "America/Chicago")).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(local("2026-06-01T20:59:59", "America/Chicago")).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(local("2026-06-01T21:00:00", "America/Chicago")).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void floridaAllowsThreeCallsPer24HoursOnTheSameSubjectBetweenEightAndEight() {
        PolicyFixture desk = new PolicyFixture(NY).rule(Presets.florida(Ids.newId()));
        desk.line = LineOfBusiness.INSURANCE;
        desk.campaign = "renewals";
        Instant noon = local("2026-06-01T12:00:00", NY);
        for (int hour = 3; hour >= 1; hour--) {
            desk.call(noon.minus(Duration.ofHours(hour)), Outcome.NO_ANSWER, LineOfBusiness.INSURANCE, "renewals",
                    Direction.OUTBOUND);
        }
        assertThat(desk.decide(noon).verdict()).as("fourth on renewals").isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(noon).nextAllowedAt()).isEqualTo(noon.plus(Duration.ofHours(21)));
        desk.campaign = "claims-follow-up";
        assertThat(desk.decide(noon).verdict()).as("another subject").isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(local("2026-06-01T20:00:00", NY)).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void franceAllowsWeekdayMorningsAndEveningsOnly() {
        String paris = "Europe/Paris";
        PolicyFixture desk = new PolicyFixture(paris).rule(Presets.france(Ids.newId()));
        assertThat(desk.decide(local("2026-06-01T10:00:00", paris)).verdict()).isEqualTo(Verdict.ALLOW);
        var lunch = desk.decide(local("2026-06-01T13:00:00", paris));
        assertThat(lunch.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(lunch.nextAllowedAt()).isEqualTo(local("2026-06-01T14:00:00", paris));
        var saturday = desk.decide(local("2026-06-06T11:00:00", paris));
        assertThat(saturday.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(saturday.nextAllowedAt()).isEqualTo(local("2026-06-08T10:00:00", paris));
        assertThat(desk.decide(local("2026-05-14T11:00:00", paris)).reasons().get(0).code())
                .as("Ascension Thursday").isEqualTo(ReasonCode.HOLIDAY);
    }

    @Test
    void franceAllowsFourCallsIn30DaysAndWaits60DaysAfterARefusal() {
        String paris = "Europe/Paris";
        PolicyFixture desk = new PolicyFixture(paris).rule(Presets.france(Ids.newId()));
        for (String day : new String[] {"2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22"}) {
            desk.call(local(day + "T11:00:00", paris), Outcome.NO_ANSWER);
        }
        var fifth = desk.decide(local("2026-06-29T11:00:00", paris));
        assertThat(fifth.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(fifth.nextAllowedAt()).as("1 June leaves the 30 days on 1 July").isEqualTo(local("2026-07-01T10:00:00", paris));

        PolicyFixture refused = new PolicyFixture(paris).rule(Presets.france(Ids.newId()))
                .call(local("2026-06-01T11:00:00", paris), Outcome.REFUSED);
        var after = refused.decide(local("2026-07-30T11:00:00", paris));
        assertThat(after.verdict()).as("day 60").isEqualTo(Verdict.BLOCK);
        assertThat(after.nextAllowedAt()).as("day 61 is Fri 31 July").isEqualTo(local("2026-07-31T10:00:00", paris));
    }

    @Test
    void canadaOpensLaterOnWeekends() {
        String toronto = "America/Toronto";
        PolicyFixture desk = new PolicyFixture(toronto).rule(Presets.canada(Ids.newId()));
        assertThat(desk.decide(local("2026-06-01T21:29:59", toronto)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(desk.decide(local("2026-06-01T21:30:00", toronto)).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(local("2026-06-06T09:30:00", toronto)).nextAllowedAt())
                .isEqualTo(local("2026-06-06T10:00:00", toronto));
        assertThat(desk.decide(local("2026-06-06T18:00:00", toronto)).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void ukWaits72HoursAfterAnAbandonedCall() {
        Instant abandoned = Instant.parse("2026-06-01T10:00:00Z");
        PolicyFixture desk = new PolicyFixture("Europe/London").rule(Presets.ukAbandoned(Ids.newId()))
                .call(abandoned, Outcome.ABANDONED);
        assertThat(desk.decide(abandoned.plus(Duration.ofHours(72)).minusSeconds(1)).verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(desk.decide(abandoned.plus(Duration.ofHours(72))).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void theCompanyDefaultCountsEveryLineOfBusiness() {
        Instant now = Instant.parse("2026-06-05T15:00:00Z");
        PolicyFixture desk = new PolicyFixture(NY).rule(Presets.companyDefault(Ids.newId()));
        desk.line = LineOfBusiness.MARKETING;
        desk.call(now.minus(Duration.ofDays(5)), Outcome.NO_ANSWER, LineOfBusiness.INSURANCE, "renewals", Direction.OUTBOUND)
                .call(now.minus(Duration.ofDays(2)), Outcome.VOICEMAIL, LineOfBusiness.FINANCING, "top-up", Direction.OUTBOUND)
                .call(now.minus(Duration.ofDays(1)), Outcome.CONVERSATION, LineOfBusiness.ORDERS, "delivery", Direction.OUTBOUND);
        var fourth = desk.decide(now);
        assertThat(fourth.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(fourth.reasons().get(0).message()).isEqualTo("3 calls in the last 7 days (limit 3)");
    }

    @Test
    void everyPresetIsNamedAndQuotesItsSource() {
        assertThat(Presets.all()).hasSize(7).allSatisfy(preset -> {
            assertThat(preset.source()).isNotBlank();
            assertThat(preset.newRule().name()).isNotBlank();
            assertThat(preset.newRule().id()).isNotEqualTo(preset.newRule().id());
        });
    }
}
