package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.ringside.demo.DemoCompany;
import com.ringside.domain.Account;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo master is built the way a real company's would be: the four source systems' extracts, each in its own
 * format, go through the import, and the mission's case comes out as one customer.
 */
class DemoMasterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final int CUSTOMERS = 300;

    @TempDir
    Path dir;

    @Test
    void anaIsOneCustomerAcrossInsuranceAndFinancingAndLuisSharesHerHomeNumberWithoutBeingMergedIntoHer() {
        try (JdbcMasterStore store = TestMasters.store(TestMasters.Backend.SQLITE, dir, CLOCK);
             MasterServer server = new MasterServer(store, CLOCK, Duration.ofHours(1))) {
            DemoMaster.seed(store, server.authenticator(), new DemoCompany(42, TODAY, 10), CUSTOMERS, CLOCK, done -> { });

            List<Customer> onHerMobile = store.customersByPhone(PhoneNumber.of("+14155550123"));
            assertThat(onHerMobile).singleElement().satisfies(ana -> {
                assertThat(ana.displayName()).isEqualTo("Ana Ruiz");
                assertThat(ana.accounts()).extracting(Account::lineOfBusiness, a -> a.sourceSystem().code(),
                                Account::openedOn)
                        .containsExactlyInAnyOrder(tuple(LineOfBusiness.INSURANCE, "POLICY_ADMIN", LocalDate.of(2021, 4, 12)),
                                tuple(LineOfBusiness.FINANCING, "LOAN_SERVICING", LocalDate.of(2025, 6, 3)));
                assertThat(ana.phones()).extracting(phone -> phone.number().e164(), Phone::type)
                        .as("typed by the columns they came from, the mobile first")
                        .containsExactly(tuple("+14155550123", PhoneType.MOBILE), tuple("+14155550188", PhoneType.HOME));
                assertThat(ana.emails()).containsExactly("ana.ruiz@example.com");
                Instant weekAgo = CLOCK.instant().minus(Duration.ofDays(7));
                assertThat(store.events(ana.id())).filteredOn(ContactEvent::isOutboundCall)
                        .filteredOn(call -> call.occurredAt().isAfter(weekAgo))
                        .extracting(ContactEvent::lineOfBusiness, ContactEvent::campaign)
                        .as("two calls from different teams this week")
                        .contains(tuple(LineOfBusiness.INSURANCE, "renewals"), tuple(LineOfBusiness.FINANCING, "payment-reminder"));
            });
            assertThat(store.customersByPhone(PhoneNumber.of("+14155550188"))).extracting(Customer::displayName)
                    .as("a household shares the home number; the import never merges them")
                    .containsExactlyInAnyOrder("Ana Ruiz", "Luis Ruiz");
            assertThat(store.dataQuality(Instant.EPOCH)).extracting(SourceQuality::system)
                    .contains("POLICY_ADMIN", "LOAN_SERVICING", "ORDER_DESK", "CAMPAIGN_HUB");
            assertThat(store.dataQuality(Instant.EPOCH)).allSatisfy(quality -> assertThat(quality.lastImport()).isNotNull());
            assertThat(store.audit("import", 10)).hasSizeGreaterThanOrEqualTo(4);
        }
    }
}
