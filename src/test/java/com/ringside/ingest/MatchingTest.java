package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.TestMasters;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who an import finds when no source key, phone or e-mail does, and what it does when the master moves under it. */
class MatchingTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String POLICIES = "policy_no,first_name,last_name,dob,home_phone,mobile_phone,email,product,"
            + "policy_status,issued_on\n";
    private static final String LOANS = "loan_id,borrower,birth_date,phone,email_address,loan_type,state,opened_on\n";
    private static final String CAMPAIGNS = "contact_id,given,family,tel,mail,list,consent\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPersonWithANewPhoneIsFoundByFamilyNameAndBirthDateAndKeepsBothNumbers(Backend backend) throws Exception {
        try (JdbcMasterStore master = TestMasters.store(backend, dir.resolve("master"))) {
            Importer importer = new Importer(master.directory());
            importer.run(mapping("policy_admin"), file("policies.csv", POLICIES
                    + "P-1,Ana,Müller,03/14/1985,(415) 555-0123,,,Home,IN FORCE,04/02/2021\n"), NOW);

            ImportReport loans = importer.run(mapping("loan_servicing"), file("loans.csv", LOANS
                    + "L-1,\"MULLER, ANA\",1985-03-14,+1 312 555 0199,,Auto loan,OPEN,2025-06-03\n"), NOW);

            assertThat(loans.merged()).as("nothing in common but the name and the birth date").isEqualTo(1);
            Customer ana = master.customersByPhone(PhoneNumber.of("+13125550199")).get(0);
            assertThat(ana.accounts()).extracting(a -> a.sourceKey()).containsExactlyInAnyOrder("P-1", "L-1");
            assertThat(master.customersByPhone(PhoneNumber.of("+14155550123"))).extracting(Customer::id)
                    .as("the number she had is still hers").containsExactly(ana.id());
        }
    }

    @Test
    void aRareNameAloneIsAQuestionForASupervisorACommonOneIsNot() throws Exception {
        StringBuilder policies = new StringBuilder(POLICIES);
        for (int i = 0; i < 6; i++) {
            policies.append("P-").append(i).append(",John,Smith,,(415) 555-01").append(10 + i).append(",,,Home,IN FORCE,\n");
        }
        policies.append("P-9,Zora,Quist,,(415) 555-0190,,,Home,IN FORCE,\n");
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            Importer importer = new Importer(master.directory());
            assertThat(importer.run(mapping("policy_admin"), file("policies.csv", policies.toString()), NOW).created())
                    .isEqualTo(7);

            ImportReport campaigns = importer.run(mapping("campaign_hub"), file("campaigns.csv", CAMPAIGNS
                    + "M-1,John,Smith,,john@example.com,Newsletter,opted-in\n"
                    + "M-2,Zora,Quist,,zora@example.com,Newsletter,opted-in\n"), NOW);

            assertThat(campaigns.created()).isEqualTo(2);
            assertThat(campaigns.suggestions()).extracting(ImportReport.Suggestion::createdName)
                    .as("one of six John Smiths is anybody; the one Zora Quist may be her").containsExactly("Zora Quist");
        }
    }

    @Test
    void aCustomerChangedInTheMasterWhileABatchIsMatchedLeavesTheWholeBatchUnimported() throws Exception {
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            new Importer(master.directory()).run(mapping("policy_admin"), file("policies.csv", POLICIES
                    + "P-1,Ana,Ruiz,03/14/1985,(415) 555-0123,,,Home,IN FORCE,04/02/2021\n"), NOW);
            Customer ana = master.customersByPhone(PhoneNumber.of("+14155550123")).get(0);
            CustomerDirectory real = master.directory();
            CustomerDirectory changedMeanwhile = beforeEachSave(real,
                    (batch, now) -> master.saveCustomer(ana.withDoNotCall("Asked on the phone"), now));

            Path loans = file("loans.csv", LOANS
                    + "L-1,\"RUIZ, ANA\",1985-03-14,+1 415 555 0123,ana@example.com,Auto loan,OPEN,2025-06-03\n"
                    + "L-2,\"OKAFOR, SAM\",1990-01-01,+1 312 555 0134,,Auto loan,OPEN,2025-06-03\n");
            assertThatThrownBy(() -> new Importer(changedMeanwhile).run(mapping("loan_servicing"), loans, NOW))
                    .isInstanceOf(ImportException.class).hasMessageContaining("changed in the master")
                    .hasMessageContaining("Nothing was imported");

            Customer now = master.customer(ana.id()).orElseThrow();
            assertThat(now.doNotCall()).as("the change made meanwhile is kept").isTrue();
            assertThat(now.accounts()).extracting(a -> a.sourceKey()).containsExactly("P-1");
            assertThat(master.customersByPhone(PhoneNumber.of("+13125550134"))).as("nor half of the batch").isEmpty();
            assertThat(new Importer(master.directory()).run(mapping("loan_servicing"), loans, NOW).matched())
                    .as("run again, it goes in").isEqualTo(1);
        }
    }

    @Test
    void anImportThatStopsKeepsTheBatchesBeforeAndARerunImportsTheRestChangingNothingKept() throws Exception {
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            new Importer(master.directory()).run(mapping("policy_admin"), file("policies.csv", POLICIES
                    + "P-1,Ana,Ruiz,03/14/1985,(415) 555-0123,,,Home,IN FORCE,04/02/2021\n"), NOW);
            Customer ana = master.customersByPhone(PhoneNumber.of("+14155550123")).get(0);
            CustomerDirectory real = master.directory();
            List<Integer> batches = new java.util.ArrayList<>();
            CustomerDirectory changedBeforeTheSecondBatch = beforeEachSave(real, (batch, now) -> {
                batches.add(batch.customers().size());
                if (batches.size() == 2) {
                    master.saveCustomer(ana.withDoNotCall("Asked on the phone"), now);
                }
            });
            // Two rows a batch: Sam and Lee (line 3), then Ana (line 4) and Kim, then Noor.
            Path loans = file("loans.csv", LOANS
                    + "L-1,\"OKAFOR, SAM\",1990-01-01,+1 312 555 0134,,Auto loan,OPEN,2025-06-03\n"
                    + "L-2,\"PARK, LEE\",1991-02-02,+1 312 555 0135,,Auto loan,OPEN,2025-06-03\n"
                    + "L-3,\"RUIZ, ANA\",1985-03-14,+1 415 555 0123,ana@example.com,Auto loan,OPEN,2025-06-03\n"
                    + "L-4,\"LEE, KIM\",1992-03-03,+1 312 555 0136,,Auto loan,OPEN,2025-06-03\n"
                    + "L-5,\"HADDAD, NOOR\",1993-04-04,+1 312 555 0137,,Auto loan,OPEN,2025-06-03\n");
            assertThatThrownBy(() -> new Importer(changedBeforeTheSecondBatch, 2).run(mapping("loan_servicing"), loans, NOW))
                    .isInstanceOf(ImportException.class).hasMessageContaining("changed in the master")
                    .hasMessageContaining("rows up to line 3 were imported (2 rows")
                    .hasMessageContaining("nothing after them");
            assertThat(batches).as("no batch after the one refused").hasSize(2);
            assertThat(master.customersByPhone(PhoneNumber.of("+13125550134"))).as("the first batch is kept").hasSize(1);
            assertThat(master.customersByPhone(PhoneNumber.of("+13125550135"))).hasSize(1);
            assertThat(master.customersByPhone(PhoneNumber.of("+13125550136"))).as("none of the second").isEmpty();
            assertThat(master.customersByPhone(PhoneNumber.of("+13125550137"))).as("nor any after it").isEmpty();
            assertThat(master.customer(ana.id()).orElseThrow().doNotCall()).isTrue();
            long seq = master.latestSeq();
            Customer sam = master.customersByPhone(PhoneNumber.of("+13125550134")).get(0);

            ImportReport rest = new Importer(master.directory(), 2).run(mapping("loan_servicing"), loans, NOW);

            assertThat(rest.unchanged()).as("the kept rows are found by their keys").isEqualTo(2);
            assertThat(rest.matched()).as("and Ana by her phone").isEqualTo(3);
            assertThat(rest.created()).isEqualTo(2);
            assertThat(master.customer(sam.id()).orElseThrow()).as("a kept row is not written again").isEqualTo(sam);
            assertThat(master.customer(ana.id()).orElseThrow().accounts()).extracting(a -> a.sourceKey())
                    .containsExactlyInAnyOrder("P-1", "L-3");
            assertThat(master.customer(ana.id()).orElseThrow().doNotCall()).as("the change made meanwhile is kept").isTrue();
            assertThat(master.latestSeq()).isGreaterThan(seq);
            long after = master.latestSeq();
            assertThat(new Importer(master.directory(), 2).run(mapping("loan_servicing"), loans, NOW).unchanged())
                    .isEqualTo(5);
            assertThat(master.latestSeq()).as("and once all of it is in, again changes nothing").isEqualTo(after);
        }
    }

    @Test
    void customersOfAnEarlierBatchAreFoundByTheRowsOfALaterOne() throws Exception {
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            ImportReport report = new Importer(master.directory(), 1).run(mapping("policy_admin"), file("policies.csv",
                    POLICIES
                    + "P-1,Ana,Müller,03/14/1985,(415) 555-0123,,,Home,IN FORCE,04/02/2021\n"
                    + "P-2,Ben,Okafor,05/05/1970,(312) 555-0100,,,Home,IN FORCE,04/02/2021\n"
                    + "P-3,Ana,Muller,03/14/1985,(312) 555-0199,,,Auto,IN FORCE,04/02/2021\n"
                    + "P-4,Ana,Müller,03/14/1985,(312) 555-0199,,ana@example.com,Boat,IN FORCE,04/02/2021\n"), NOW);

            assertThat(report.created()).as("Ana, then Ben").isEqualTo(2);
            assertThat(report.merged()).as("Ana by name and birth date, in a batch after hers").isEqualTo(1);
            assertThat(report.matched()).as("and again by the phone her second row brought").isEqualTo(1);
            Customer ana = master.customersByPhone(PhoneNumber.of("+14155550123")).get(0);
            assertThat(ana.accounts()).extracting(a -> a.sourceKey()).containsExactlyInAnyOrder("P-1", "P-3", "P-4");
            assertThat(ana.version()).as("written once a batch").isEqualTo(3);
            assertThat(ana.emails()).containsExactly("ana@example.com");
            assertThat(master.customersByPhone(PhoneNumber.of("+13125550199"))).extracting(Customer::id)
                    .containsExactly(ana.id());
        }
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static SourceMapping mapping(String system) {
        return SourceMapping.read(Path.of("assets/ingest", system + ".mapping.json"));
    }

    /** The directory as it is, with {@code meanwhile} done just before each batch is saved. */
    private static CustomerDirectory beforeEachSave(CustomerDirectory real,
                                                    BiConsumer<CustomerDirectory.Batch, Instant> meanwhile) {
        return new CustomerDirectory() {
            @Override
            public Found find(SourceSystem system, Set<String> keys, Set<PhoneNumber> phones, Set<String> emails,
                              Set<String> blocks) {
                return real.find(system, keys, phones, emails, blocks);
            }

            @Override
            public void save(Batch batch, Instant now) {
                meanwhile.accept(batch, now);
                real.save(batch, now);
            }
        };
    }
}
