package com.ringside.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cli.AuditCommandRunner;
import com.ringside.domain.Customer;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.policy.Presets;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every action that changes data or rules is in the hash-chained trail; tampering is found at its entry. */
class AuditTrailTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID SUPERVISOR = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void userRulesImportsAndMergesAreChainedAndTheChainChecksOut(Backend backend) {
        try (JdbcMasterStore master = TestMasters.store(backend, dir)) {
            actions(master);
            assertThat(master.audit("", 100)).extracting(AuditEntry::action)
                    .containsExactly("merge", "import", "rule deleted", "rule saved", "sign-in", "user added");
            assertThat(master.audit("import", 10)).singleElement().satisfies(entry -> {
                assertThat(entry.subject()).isEqualTo("POLICY_ADMIN policy_admin.csv");
                assertThat(entry.detail()).isEqualTo("5 rows: 4 created, 0 matched, 0 merged, 0 suggested, 1 rejected");
            });
            assertThat(master.audit("merge", 10).get(0).actor()).isEqualTo(SUPERVISOR);
            assertThat(master.verifyAudit()).isEqualTo(new AuditCheck(6, null, null));
        }
    }

    @Test
    void anOverrideIsInTheTrailWithItsReason() {
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir, Clock.fixed(NOW,
                ZoneOffset.UTC))) {
            new Importer(master.directory()).run(SourceMapping.read(Path.of("assets/ingest/policy_admin.mapping.json")),
                    Path.of("assets/ingest/policy_admin.csv"), NOW);
            var ana = master.customersByPhone(PhoneNumber.of("+14155550123")).stream()
                    .filter(c -> "Ana".equals(c.givenName())).findFirst().orElseThrow();
            master.saveRule(Presets.companyDefault(Ids.newId()), SUPERVISOR, NOW);
            User sky = new User(SUPERVISOR, "sky", "Sky", UserRole.SUPERVISOR);
            for (int call = 0; call < 3; call++) {
                assertThat(master.permit(request(ana, NOW.minusSeconds(60L * (3 - call))), Ids.newId(), sky, null)
                        .granted()).isTrue();
            }
            assertThat(master.permit(request(ana, NOW), Ids.newId(), sky, null).granted()).as("a fourth in a week").isFalse();
            UUID call = Ids.newId();
            assertThat(master.permit(request(ana, NOW), call, sky, "She asked us to call back today").granted()).isTrue();
            assertThat(master.audit("override", 10)).singleElement().satisfies(entry -> {
                assertThat(entry.actor()).isEqualTo(SUPERVISOR);
                assertThat(entry.subject()).isEqualTo("call " + call);
                assertThat(entry.detail()).endsWith(": She asked us to call back today");
            });
            assertThat(master.verifyAudit().intact()).isTrue();
        }
    }

    private static DialRequest request(Customer customer, Instant at) {
        return new DialRequest(customer.id(), customer.phones().get(0).number(),
                LineOfBusiness.INSURANCE, null, SUPERVISOR, at);
    }

    @Test
    void anEditedOrRemovedEntryIsFoundAndNamed() throws Exception {
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            actions(master);
        }
        String url = "jdbc:sqlite:" + dir.resolve("master").resolve(MasterDatabase.FILE_NAME);
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4");
        }
        assertThat(AuditCommandRunner.verify(dir)).contains("broken at entry 4: its content does not match its hash")
                .contains("The 3 entries before it are intact");
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM audit_log WHERE seq = 4");
        }
        assertThat(AuditCommandRunner.verify(dir)).contains("broken at entry 4: entry 4 is missing");
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM audit_log WHERE seq >= 4");
        }
        assertThat(AuditCommandRunner.verify(dir)).contains("broken at entry 4: the log ends at entry 3 but was written up to entry 6");
    }

    private void actions(JdbcMasterStore master) {
        User user = master.addUser("sky", "Sky", UserRole.SUPERVISOR, "team", "hash", NOW);
        master.openSession("token-hash", user.id(), NOW, NOW.plusSeconds(3_600));
        var rule = master.saveRule(Presets.companyDefault(Ids.newId()), SUPERVISOR, NOW);
        master.deleteRule(rule.id(), SUPERVISOR, NOW);
        new Importer(master.directory()).run(SourceMapping.read(Path.of("assets/ingest/policy_admin.mapping.json")),
                Path.of("assets/ingest/policy_admin.csv"), NOW);
        var ana = master.customersByPhone(PhoneNumber.of("+14155550123"));
        master.merge(ana.get(0).id(), ana.get(1).id(), SUPERVISOR, NOW);
    }
}
