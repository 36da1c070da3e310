package com.ringside.server;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.identity.PersonNames;
import com.ringside.identity.PhoneZones;
import com.ringside.ingest.CustomerDirectory;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.TestMasters.Backend;
import com.ringside.wire.WireCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Customers stored while the rows they are found by named them by id are found by every one of those rows after
 * the upgrade, beside customers stored after it.
 */
class CustomerNumbersMigrationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final PhoneNumber HOME = PhoneNumber.of("+14155550123");
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCustomerStoredBeforeTheUpgradeIsFoundByPhoneKeyEmailAndNameBlockBesideOneStoredAfter(Backend backend)
            throws Exception {
        String url = TestMasters.migratedTo(backend, dir, "11");
        Customer ana = customer("Ana", "Ruiz").phone(HOME.e164()).email("ana.ruiz@example.com").born(BORN)
                .account(LineOfBusiness.INSURANCE, "POLICY_ADMIN", "P-1", null).build();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            storeAsBefore(connection, ana);
        }

        MasterDatabase upgraded = TestMasters.upgraded(backend, dir, url);
        try (JdbcMasterStore store = new JdbcMasterStore(upgraded,
                new ContactPolicy(new JollydayHolidays(), new PhoneZones()), Clock.systemUTC())) {
            Customer ben = store.saveCustomer(customer("Ben", "Ruiz").phone(HOME.e164())
                    .account(LineOfBusiness.FINANCING, "LOAN_SERVICING", "L-1", null).build(), NOW);
            String block = PersonNames.nameBlocks("Ana", "Ruiz", BORN).get(0);

            CustomerDirectory.Found found = store.directory().find(SourceSystem.of("POLICY_ADMIN"), Set.of("P-1"),
                    Set.of(HOME), Set.of("ana.ruiz@example.com"), Set.of(block));

            assertThat(found.bySourceKey().get("P-1").id()).isEqualTo(ana.id());
            assertThat(found.byPhone().get(HOME)).extracting(Customer::id).as("stored before, then after")
                    .containsExactly(ana.id(), ben.id());
            assertThat(found.byEmail().get("ana.ruiz@example.com")).extracting(Customer::id).containsExactly(ana.id());
            assertThat(found.byNameBlock().get(block)).extracting(Customer::id).containsExactly(ana.id());
            assertThat(store.customersByPhone(HOME)).extracting(Customer::id).containsExactlyInAnyOrder(ana.id(),
                    ben.id());
            assertThat(store.dataQuality(NOW)).filteredOn(q -> q.system().equals("POLICY_ADMIN"))
                    .extracting(SourceQuality::customers).containsExactly(1L);

            Customer anaMoved = store.saveCustomer(new Customer(ana.id(), ana.version(), ana.givenName(),
                    ana.familyName(), ana.displayName(), ana.birthDate(), ana.timeZone(), false, null, null,
                    customer("Ana", "Ruiz").phone("+14155550999").build().phones(), ana.emails(), ana.accounts(),
                    ana.createdAt(), ana.updatedAt()), NOW);
            assertThat(store.customersByPhone(HOME)).extracting(Customer::id).as("her old number is hers no more")
                    .containsExactly(ben.id());
            assertThat(store.customersByPhone(PhoneNumber.of("+14155550999"))).extracting(Customer::id)
                    .containsExactly(anaMoved.id());
        }
    }

    /** The customer and the rows they are found by, as the master wrote them before the upgrade. */
    private static void storeAsBefore(Connection connection, Customer customer) throws SQLException {
        String id = customer.id().toString();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO customer (id, version, body, updated_at) VALUES (?, 1, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, WireCodec.write(WireCodec.customer(customer)));
            insert.executeUpdate();
        }
        link(connection, "INSERT INTO customer_phone (number, customer_id) VALUES (?, ?)", HOME.e164(), id);
        link(connection, "INSERT INTO customer_source_key (source_system, source_key, customer_id) VALUES (?, ?, ?)",
                "POLICY_ADMIN", "P-1", id);
        link(connection, "INSERT INTO customer_email (email, customer_id) VALUES (?, ?)", "ana.ruiz@example.com", id);
        for (String block : PersonNames.nameBlocks("Ana", "Ruiz", BORN)) {
            link(connection, "INSERT INTO customer_name_block (block_key, customer_id) VALUES (?, ?)", block, id);
        }
    }

    private static void link(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setString(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }
}
