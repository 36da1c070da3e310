package com.ringside.server;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.identity.PhoneZones;
import com.ringside.ingest.ImportReport;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.TestMasters.Backend;
import com.ringside.wire.WireCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customers stored before name blocks existed are found by them after the upgrade, names normalised as an import does. */
class NameBlockMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCustomerStoredBeforeTheUpgradeIsFoundByFamilyNameAndBirthDate(Backend backend) throws Exception {
        String url = TestMasters.migratedTo(backend, dir, "8");
        Customer ana = customer("Ana", "Müller").phone("+14155550123").born(LocalDate.of(1985, 3, 14)).build();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO customer (id, version, body, updated_at) VALUES (?, 1, ?, 0)")) {
            insert.setString(1, ana.id().toString());
            insert.setString(2, WireCodec.write(WireCodec.customer(ana)));
            insert.executeUpdate();
        }

        MasterDatabase upgraded = TestMasters.upgraded(backend, dir, url);
        try (JdbcMasterStore store = new JdbcMasterStore(upgraded,
                new ContactPolicy(new JollydayHolidays(), new PhoneZones()), Clock.systemUTC())) {
            Path loans = Files.writeString(dir.resolve("loans.csv"),
                    "loan_id,borrower,birth_date,phone,email_address,loan_type,state,opened_on\n"
                            + "L-1,\"MULLER, ANA\",1985-03-14,+1 312 555 0199,,Auto loan,OPEN,2025-06-03\n");
            ImportReport report = new Importer(store.directory()).run(
                    SourceMapping.read(Path.of("assets/ingest/loan_servicing.mapping.json")), loans, Instant.now());

            assertThat(report.merged()).isEqualTo(1);
            assertThat(store.customer(ana.id()).orElseThrow().accounts()).extracting(a -> a.sourceKey())
                    .containsExactly("L-1");
        }
    }
}
