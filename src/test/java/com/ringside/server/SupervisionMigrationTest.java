package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.CallOverride;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.FlaggedCall.Kind;
import com.ringside.server.TestMasters.Backend;
import com.ringside.wire.WireCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A master written by the version before supervision keeps its calls, overrides and violations, now in the reports. */
class SupervisionMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void callsStoredBeforeTheUpgradeAreCountedAndTheirOverridesAndViolationsListed(Backend backend) throws Exception {
        String url = TestMasters.migratedTo(backend, dir, "5");

        Customer ana = customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build();
        UUID sam = Ids.newId();
        ContactEvent answered = outboundCall(ana, NOW.minusSeconds(7_200), LineOfBusiness.ORDERS, Outcome.CONVERSATION);
        ContactEvent breach = outboundCall(ana, NOW.minusSeconds(3_600), LineOfBusiness.ORDERS, Outcome.NO_ANSWER);
        ContactEvent base = outboundCall(ana, NOW.minusSeconds(1_800), LineOfBusiness.ORDERS, Outcome.BUSY);
        ContactEvent overridden = new ContactEvent(base.id(), base.customerId(), base.occurredAt(), base.channel(),
                base.direction(), base.lineOfBusiness(), base.campaign(), sam, base.number(), base.outcome(), 0, "",
                base.sourceSystem(), false, new CallOverride(sam, "Asked to be called back"));
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            execute(connection, "INSERT INTO customer (id, version, body, updated_at) VALUES (?, 1, ?, 0)",
                    ana.id().toString(), WireCodec.write(WireCodec.customer(ana)));
            execute(connection, "INSERT INTO app_user (id, username, display_name, role, team, profile, password_hash, "
                    + "created_at) VALUES (?, 'sam', 'Sam Agent', 'AGENT', 'Renewals', '{}', '!', 0)", sam.toString());
            for (ContactEvent event : List.of(answered, breach, overridden)) {
                execute(connection, "INSERT INTO contact_event (id, customer_id, occurred_at, body, stored_at) "
                                + "VALUES (?, ?, ?, ?, ?)", event.id().toString(), ana.id().toString(),
                        event.occurredAt().toEpochMilli(), WireCodec.write(WireCodec.event(event)), NOW.toEpochMilli());
            }
            execute(connection, "INSERT INTO violation (event_id, customer_id, agent_id, occurred_at, detected_at, decision) "
                            + "VALUES (?, ?, NULL, ?, ?, 'null')", breach.id().toString(), ana.id().toString(),
                    breach.occurredAt().toEpochMilli(), NOW.toEpochMilli());
        }

        MasterDatabase upgraded = TestMasters.upgraded(backend, dir, url);
        try (JdbcMasterStore store = new JdbcMasterStore(upgraded,
                new ContactPolicy(new JollydayHolidays(), new PhoneZones()), Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(store.flaggedCalls(FlaggedCall.Query.all(10))).extracting(FlaggedCall::kind, FlaggedCall::eventId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OVERRIDE, overridden.id()),
                            org.assertj.core.groups.Tuple.tuple(Kind.VIOLATION, breach.id()));
            assertThat(store.flaggedCalls(FlaggedCall.Query.all(10)).get(0).reason()).isEqualTo("Asked to be called back");
            assertThat(store.violations(NOW.minusSeconds(1), 10)).singleElement()
                    .extracting(Violation::eventId).isEqualTo(breach.id());

            ReportRange day = new ReportRange(NOW.minus(Duration.ofDays(1)), NOW, null, ZoneId.of("UTC"));
            assertThat(store.reports().contactRates(day)).extracting(r -> List.of(r.attempts(), r.contacts(), r.rightParty()))
                    .containsExactlyInAnyOrder(List.of(1L, 1L, 1L), List.of(2L, 0L, 0L));
            Reports.CalledCustomer called = store.reports().repeatCalls(day).customers().get(0);
            assertThat(called.mostInAWeek()).isEqualTo(3);
            assertThat(called.byTeam()).containsEntry("Renewals", 1).containsEntry("", 2);

            // Counting goes on from there: one more call is one more attempt, not a recount.
            store.load(List.of(), List.of(outboundCall(ana, NOW.minusSeconds(60), LineOfBusiness.ORDERS, Outcome.SALE)), NOW);
            assertThat(store.reports().repeatCalls(day).customers().get(0).mostInAWeek()).isEqualTo(4);
            assertThat(store.reports().contactRates(day).stream().mapToLong(r -> r.attempts()).sum())
                    .as("the tallies kept before the upgrade and the new call's are added up").isEqualTo(4);
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
