package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.UserRole;
import com.ringside.server.TestMasters.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A permit the master granted for a call the desk never dialled (the answer was lost, then the desk's own check
 * refused the call; or the telephony failed) is withdrawn: the call leaves the master, the customer's count, the
 * reports and every desk's cache, and its id can never be used again.
 */
class WithdrawnCallTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final User SAM = new User(Ids.newId(), "sam", "Sam", UserRole.AGENT);
    private static final User LEE = new User(Ids.newId(), "lee", "Lee", UserRole.AGENT);
    private static final String LOST = "The permit's answer was lost and the call was not dialled";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWithdrawnCallLeavesTheMasterAndGivesTheCustomerTheAttemptBack(Backend backend) throws Exception {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = store.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build(), NOW);
            ContactRule cap = store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
            List<UUID> granted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                UUID id = Ids.newId();
                assertThat(store.permit(ask(ana), id, SAM, null).granted()).isTrue();
                granted.add(id);
            }
            assertThat(store.permit(ask(ana), Ids.newId(), SAM, null).granted()).as("the fourth call").isFalse();
            long before = store.latestSeq();

            UUID neverDialled = granted.get(2);
            assertThat(store.withdraw(neverDialled, ana.id(), SAM, LOST, NOW)).isTrue();

            assertThat(store.events(ana.id())).extracting(ContactEvent::id)
                    .containsExactlyInAnyOrderElementsOf(granted.subList(0, 2));
            assertThat(store.permit(ask(ana), Ids.newId(), SAM, null).granted())
                    .as("the withdrawn call no longer counts against Ana").isTrue();
            ReportRange today = new ReportRange(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), null,
                    ZoneOffset.UTC);
            assertThat(store.reports().ruleOutcomes(today)).filteredOn(o -> o.ruleId().equals(cap.id())).singleElement()
                    .satisfies(outcome -> {
                        assertThat(outcome.placed()).as("placed under the rule: two kept, one after").isEqualTo(3);
                        assertThat(outcome.blocked()).isEqualTo(1);
                    });
            assertThat(store.reports().contactRates(today).stream().mapToLong(Reports.ContactRate::attempts).sum())
                    .isEqualTo(3);

            List<String> feed = new ArrayList<>();
            store.changes(before, 100, (seq, kind, op, body) -> feed.add(kind + " " + op + " "
                    + (body == null ? null : new String(body, StandardCharsets.UTF_8).contains(neverDialled.toString()))));
            assertThat(feed).as("the desks hear which call to drop").startsWith("event DELETE true");
            List<String> fromStart = new ArrayList<>();
            store.changes(0, 100, (seq, kind, op, body) -> {
                if (kind.equals("event") && body == null) {
                    fromStart.add(op);
                }
            });
            assertThat(fromStart).as("a desk syncing from scratch never sees the call").containsExactly("UPSERT");
            assertThat(store.audit("call withdrawn", 10)).singleElement().satisfies(entry -> {
                assertThat(entry.actor()).isEqualTo(SAM.id());
                assertThat(entry.detail()).contains(LOST);
            });

            assertThat(store.withdraw(neverDialled, ana.id(), SAM, LOST, NOW)).as("asked twice").isFalse();
            assertThatThrownBy(() -> store.permit(ask(ana), neverDialled, SAM, null))
                    .as("a late copy of the permit request").isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status).isEqualTo(409));
            ContactEvent offline = offline(ana, 0);
            ContactEvent dialledAnyway = new ContactEvent(neverDialled, ana.id(), NOW, offline.channel(),
                    offline.direction(), offline.lineOfBusiness(), null, SAM.id(), offline.number(), offline.outcome(),
                    0, "", offline.sourceSystem(), true, null);
            assertThat(store.push(List.of(dialledAnyway), NOW)).singleElement()
                    .satisfies(result -> assertThat(result.status()).isEqualTo(PushResult.Status.REJECTED));
            assertThat(store.events(ana.id())).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyTheAgentsOwnUndialledCallCanBeWithdrawnAndAnIdNeverSeenIsClosedForGood(Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = store.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build(), NOW);
            ContactEvent pending = store.permit(ask(ana), Ids.newId(), SAM, null).event();

            assertThatThrownBy(() -> store.withdraw(pending.id(), ana.id(), LEE, LOST, NOW))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(403));
            store.push(List.of(pending.withOutcome(Outcome.CONVERSATION, 60, "Renewed")), NOW.plusSeconds(90));
            assertThatThrownBy(() -> store.withdraw(pending.id(), ana.id(), SAM, LOST, NOW.plusSeconds(95)))
                    .as("a call wrapped up was dialled")
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(409));
            assertThat(store.events(ana.id())).extracting(ContactEvent::outcome).containsExactly(Outcome.CONVERSATION);

            // The request for this permit never reached the master: the withdrawal arrives first, and wins.
            UUID lostOnTheWay = Ids.newId();
            assertThat(store.withdraw(lostOnTheWay, ana.id(), SAM, LOST, NOW)).isFalse();
            assertThatThrownBy(() -> store.permit(ask(ana), lostOnTheWay, SAM, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(409));
            assertThat(store.events(ana.id())).hasSize(1);
            assertThatThrownBy(() -> store.withdraw(Ids.newId(), Ids.newId(), SAM, LOST, NOW))
                    .isInstanceOf(UnknownCustomerException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOfflineCallFlaggedOnlyBecauseTheWithdrawnCallCountedIsClearedAndOneOverTheCapWithoutItStaysFlagged(
            Backend backend) {
        try (JdbcMasterStore store = TestMasters.store(backend, dir, CLOCK)) {
            Customer ana = store.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build(), NOW);
            ContactRule cap = store.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
            List<UUID> permitted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                permitted.add(store.permit(ask(ana), Ids.newId(), SAM, null).event().id());
            }
            ContactEvent thirdInTruth = offline(ana, 60);
            ContactEvent fourthInTruth = offline(ana, 120);
            store.push(List.of(thirdInTruth, fourthInTruth), NOW.plusSeconds(300));
            assertThat(violations(store)).containsExactlyInAnyOrder(thirdInTruth.id(), fourthInTruth.id());

            store.withdraw(permitted.get(2), ana.id(), SAM, LOST, NOW.plusSeconds(400));

            assertThat(violations(store)).as("only the call over the cap without the withdrawn one")
                    .containsExactly(fourthInTruth.id());
            ReportRange today = new ReportRange(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), null,
                    ZoneOffset.UTC);
            assertThat(store.reports().ruleOutcomes(today)).filteredOn(o -> o.ruleId().equals(cap.id())).singleElement()
                    .satisfies(outcome -> {
                        assertThat(outcome.placed()).isEqualTo(3);
                        assertThat(outcome.violated()).isEqualTo(1);
                    });
        }
    }

    private static List<UUID> violations(JdbcMasterStore store) {
        return store.flaggedCalls(new FlaggedCall.Query(FlaggedCall.Kind.VIOLATION, null, null, null, null, null, 100))
                .stream().map(FlaggedCall::eventId).toList();
    }

    /** A call Sam made with the desk offline, {@code seconds} after the permits. */
    private static ContactEvent offline(Customer customer, long seconds) {
        return new ContactEvent(Ids.newId(), customer.id(), NOW.plusSeconds(seconds), Channel.CALL,
                Direction.OUTBOUND, LineOfBusiness.ORDERS, null, SAM.id(),
                customer.phones().get(0).number(), Outcome.NO_ANSWER, 0, "", SourceSystem.RINGSIDE,
                true, null);
    }

    private static DialRequest ask(Customer customer) {
        return new DialRequest(customer.id(), customer.phones().get(0).number(), LineOfBusiness.ORDERS, null, SAM.id(),
                NOW);
    }
}
