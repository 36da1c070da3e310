package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.UserRole;
import com.ringside.server.FlaggedCall.Kind;
import com.ringside.server.Reports.CalledCustomer;
import com.ringside.server.Reports.ContactRate;
import com.ringside.server.Reports.RuleOutcome;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What supervisors see of how the rules work: flagged calls and their sign-off, and the reports, on both back ends. */
class SupervisionTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ReportRange WEEK = new ReportRange(NOW.minus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(1)),
            null, ZoneId.of("America/New_York"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void overridesAndOfflineBreachesAreListedFilteredAndSignedOffOnce(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Desk desk = new Desk(store);
            desk.permitThree();
            Permit refused = store.permit(desk.ask(40), Ids.newId(), desk.sam, null);
            assertThat(refused.granted()).isFalse();
            assertThat(store.flaggedCalls(FlaggedCall.Query.all(10))).as("a refused attempt is not a flagged call").isEmpty();

            Permit overridden = store.permit(desk.ask(50), Ids.newId(), desk.sky, "Customer asked us to call back today");
            assertThat(overridden.granted()).isTrue();
            ContactEvent offline = desk.offlineCall(60);
            store.push(List.of(offline), NOW.plus(Duration.ofHours(2)));

            List<FlaggedCall> all = store.flaggedCalls(FlaggedCall.Query.all(10));
            assertThat(all).extracting(FlaggedCall::kind).containsExactly(Kind.VIOLATION, Kind.OVERRIDE);
            FlaggedCall violation = all.get(0);
            assertThat(violation.eventId()).isEqualTo(offline.id());
            assertThat(violation.customerName()).isEqualTo("Ana Ruiz");
            assertThat(violation.agentName()).isEqualTo("Sam Agent");
            assertThat(violation.rules()).containsExactly("3 calls per 7 days");
            assertThat(violation.lineOfBusiness()).isEqualTo(LineOfBusiness.ORDERS);
            assertThat(all.get(1).reason()).isEqualTo("Customer asked us to call back today");
            assertThat(all.get(1).agentName()).isEqualTo("Sky Supervisor");

            assertThat(store.flaggedCalls(query(Kind.OVERRIDE, null, null))).singleElement()
                    .extracting(FlaggedCall::kind).isEqualTo(Kind.OVERRIDE);
            assertThat(store.flaggedCalls(query(null, null, "CALL BACK"))).hasSize(1);
            assertThat(store.flaggedCalls(query(null, null, "sam agent"))).hasSize(1);
            assertThat(store.flaggedCalls(query(null, null, "nobody"))).isEmpty();

            assertThatThrownBy(() -> store.acknowledge(offline.id(), desk.sky.id(), "  ", NOW))
                    .hasMessageContaining("write what was done");
            store.acknowledge(offline.id(), desk.sky.id(), "Spoke with Sam; the laptop had been offline all morning.",
                    NOW.plus(Duration.ofHours(3)));
            assertThatThrownBy(() -> store.acknowledge(offline.id(), desk.sky.id(), "again", NOW))
                    .isInstanceOf(ApiException.class).hasMessageContaining("acknowledged already");
            assertThatThrownBy(() -> store.acknowledge(UUID.randomUUID(), desk.sky.id(), "what", NOW))
                    .isInstanceOf(ApiException.class).hasMessageContaining("No flagged call");

            assertThat(store.flaggedCalls(query(null, false, null))).extracting(FlaggedCall::kind)
                    .containsExactly(Kind.OVERRIDE);
            FlaggedCall signed = store.flaggedCalls(query(null, true, null)).get(0);
            assertThat(signed.acknowledgement().byName()).isEqualTo("Sky Supervisor");
            assertThat(signed.acknowledgement().comment()).startsWith("Spoke with Sam");
            assertThat(store.audit("acknowledge", 5)).singleElement()
                    .satisfies(entry -> assertThat(entry.subject()).contains(offline.id().toString()));
            assertThat(store.verifyAudit().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void reportsCountPlacedBlockedOverriddenAndViolatedCallsAndWhoWasReached(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Desk desk = new Desk(store);
            List<Permit> granted = desk.permitThree();
            store.permit(desk.ask(40), Ids.newId(), desk.sam, null);
            store.permit(desk.ask(50), Ids.newId(), desk.sky, "Customer asked us to call back today");
            store.push(List.of(desk.offlineCall(60)), NOW.plus(Duration.ofHours(2)));
            ContactEvent first = granted.get(0).event();
            store.push(List.of(first.withOutcome(Outcome.CONVERSATION, 240, "Renewal agreed")), NOW.plus(Duration.ofHours(2)));
            ContactEvent second = granted.get(1).event();
            store.push(List.of(second.withOutcome(Outcome.WRONG_NUMBER, 20, "")), NOW.plus(Duration.ofHours(2)));

            assertThat(store.reports().ruleOutcomes(WEEK)).singleElement().satisfies(rule -> {
                assertThat(rule.ruleName()).isEqualTo("3 calls per 7 days");
                assertThat(List.of(rule.placed(), rule.blocked(), rule.overridden(), rule.violated()))
                        .containsExactly(3L, 1L, 1L, 1L);
            });
            ReportRange financing = new ReportRange(WEEK.from(), WEEK.to(), LineOfBusiness.FINANCING, WEEK.zone());
            assertThat(store.reports().ruleOutcomes(financing)).extracting(RuleOutcome::placed).containsExactly(0L);

            // 8 March 2026 is the day New York moves to summer time: 18:10 UTC is 14:10 there, 19:00 UTC is 15:00.
            List<ContactRate> rates = store.reports().contactRates(WEEK);
            assertThat(rates).extracting(ContactRate::line).containsOnly(LineOfBusiness.ORDERS);
            assertThat(rates).extracting(r -> List.of((long) r.hour(), r.attempts(), r.contacts(), r.rightParty()))
                    .containsExactly(List.of(14L, 4L, 2L, 1L), List.of(15L, 1L, 0L, 0L));

            CalledCustomer ana = store.reports().repeatCalls(WEEK).customers().get(0);
            assertThat(ana.name()).isEqualTo("Ana Ruiz");
            assertThat(ana.mostInAWeek()).isEqualTo(5);
            assertThat(ana.weekOf()).isEqualTo(LocalDate.parse("2026-03-02"));
            assertThat(ana.byTeam()).containsEntry("Renewals", 4).containsEntry("Floor", 1);
            assertThat(ana.byDay()).containsOnlyKeys(LocalDate.parse("2026-03-08"));
            assertThat(store.reports().repeatCalls(WEEK).customersByCallsInAWeek()).containsExactly(java.util.Map.entry(5L, 1L));
            assertThat(store.reports().repeatCalls(financing).customers()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMergeMovesCallsInTheReportsAndAnUndoMovesThemBack(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
            Customer copy = customer("Ana", "Ruiz").phone("+14155550124").zone("UTC").build();
            store.saveCustomer(ana, NOW);
            store.saveCustomer(copy, NOW);
            store.load(List.of(), List.of(
                    outboundCall(ana, NOW.minusSeconds(3_600), LineOfBusiness.ORDERS, Outcome.NO_ANSWER),
                    outboundCall(ana, NOW.minusSeconds(1_800), LineOfBusiness.ORDERS, Outcome.NO_ANSWER),
                    outboundCall(copy, NOW.minusSeconds(900), LineOfBusiness.INSURANCE, Outcome.BUSY)), NOW);
            assertThat(store.reports().repeatCalls(WEEK).customers()).extracting(CalledCustomer::mostInAWeek)
                    .containsExactly(2);

            CustomerMerge merge = store.merge(ana.id(), copy.id(), null, NOW);
            CalledCustomer merged = store.reports().repeatCalls(WEEK).customers().get(0);
            assertThat(merged.mostInAWeek()).isEqualTo(3);
            assertThat(merged.byLine()).containsEntry(LineOfBusiness.ORDERS, 2).containsEntry(LineOfBusiness.INSURANCE, 1);

            store.unmerge(merge.id(), null, NOW);
            assertThat(store.reports().repeatCalls(WEEK).customers()).extracting(CalledCustomer::mostInAWeek)
                    .containsExactly(2);
            assertThat(store.reports().repeatCalls(WEEK).customersByCallsInAWeek()).containsExactly(java.util.Map.entry(2L, 1L));
        }
    }

    private static FlaggedCall.Query query(Kind kind, Boolean acknowledged, String text) {
        return new FlaggedCall.Query(kind, acknowledged, null, null, null, text, 50);
    }

    /** Ana, a 3-in-7-days rule, an agent of team Renewals and a supervisor of team Floor. */
    private static final class Desk {
        final JdbcMasterStore store;
        final Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
        final User sam;
        final User sky;

        Desk(JdbcMasterStore store) {
            this.store = store;
            store.saveCustomer(ana, NOW);
            store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
            sam = store.addUser("sam", "Sam Agent", UserRole.AGENT, "Renewals", "!", NOW);
            sky = store.addUser("sky", "Sky Supervisor", UserRole.SUPERVISOR, "Floor", "!", NOW);
        }

        DialRequest ask(int minutes) {
            return new DialRequest(ana.id(), ana.phones().get(0).number(), LineOfBusiness.ORDERS, null, null,
                    NOW.plus(Duration.ofMinutes(minutes)));
        }

        List<Permit> permitThree() {
            return List.of(10, 20, 30).stream().map(m -> store.permit(ask(m), Ids.newId(), sam, null))
                    .peek(permit -> assertThat(permit.granted()).isTrue()).toList();
        }

        ContactEvent offlineCall(int minutes) {
            ContactEvent call = outboundCall(ana, NOW.plus(Duration.ofMinutes(minutes)), LineOfBusiness.ORDERS,
                    Outcome.NO_ANSWER);
            return new ContactEvent(call.id(), call.customerId(), call.occurredAt(), call.channel(), call.direction(),
                    call.lineOfBusiness(), call.campaign(), sam.id(), call.number(), call.outcome(), 0, "",
                    call.sourceSystem(), true, null);
        }
    }
}
