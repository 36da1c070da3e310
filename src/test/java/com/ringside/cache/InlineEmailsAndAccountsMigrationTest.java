package com.ringside.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Account;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.SourceSystem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache written before e-mails and accounts moved into the customer's row keeps every one of them. */
class InlineEmailsAndAccountsMigrationTest {
    private static final UUID ANA = UUID.fromString("01970750-6a03-7ad2-b215-16f841ff5d3a");
    private static final UUID BEN = UUID.fromString("01970750-6a03-7ad2-b215-16f841ff5d3b");

    @TempDir
    Path dir;

    @Test
    void aCacheOfTheSchemaBeforeKeepsEveryAddressAndAccountInOrder() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(CacheDatabase.FILE_NAME);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/cache")
                .table("flyway_schema_history").target("6").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            for (UUID id : List.of(ANA, BEN)) {
                sql.executeUpdate("INSERT INTO customer (id, version, display_name, created_at, updated_at) VALUES ('"
                        + id + "', 3, 'Someone', 1000, 2000)");
            }
            // Written out of order: the position and the opening date say the order, not the rowid.
            sql.executeUpdate("INSERT INTO email (customer_id, address, position) VALUES ('" + ANA
                    + "', 'second@example.com', 1), ('" + ANA + "', 'first@example.com', 0)");
            sql.executeUpdate("""
                    INSERT INTO account (customer_id, line_of_business, source_system, source_key, product, status, opened_on)
                    VALUES ('%1$s', 'FINANCING', 'LOAN_SERVICING', 'L-2', NULL, 'CLOSED', '2021-05-01'),
                           ('%1$s', 'INSURANCE', 'POLICY_ADMIN', 'P-1', 'Home cover', 'ACTIVE', '2019-03-02')""".formatted(ANA));
        }

        try (CacheDatabase cache = CacheDatabase.open(dir)) {
            CustomerStore store = new CustomerStore(cache);
            Customer ana = store.find(ANA).orElseThrow();
            assertThat(ana.emails()).containsExactly("first@example.com", "second@example.com");
            assertThat(ana.accounts()).containsExactly(
                    new Account(LineOfBusiness.INSURANCE, SourceSystem.of("POLICY_ADMIN"), "P-1", "Home cover",
                            AccountStatus.ACTIVE, LocalDate.of(2019, 3, 2)),
                    new Account(LineOfBusiness.FINANCING, SourceSystem.of("LOAN_SERVICING"), "L-2", null,
                            AccountStatus.CLOSED, LocalDate.of(2021, 5, 1)));
            Customer ben = store.find(BEN).orElseThrow();
            assertThat(ben.emails()).isEmpty();
            assertThat(ben.accounts()).isEmpty();
        }
    }
}
