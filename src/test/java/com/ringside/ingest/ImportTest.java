package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.TestMasters;
import com.ringside.server.TestMasters.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped extracts of the four demo systems, imported into a real master, and nasty extracts. */
class ImportTest {
    private static final Path SHIPPED = Path.of("assets/ingest");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theFourSystemsBecomeOneCustomerPerPersonAndAgainChangesNothing(Backend backend) {
        try (JdbcMasterStore master = TestMasters.store(backend, dir)) {
            Importer importer = new Importer(master.directory());
            ImportReport insurance = importer.run(mapping("policy_admin"), SHIPPED.resolve("policy_admin.csv"), NOW);
            ImportReport loans = importer.run(mapping("loan_servicing"), SHIPPED.resolve("loan_servicing.csv"), NOW);
            importer.run(mapping("order_desk"), SHIPPED.resolve("order_desk.jsonl"), NOW);
            ImportReport campaigns = importer.run(mapping("campaign_hub"), SHIPPED.resolve("campaign_hub.csv"), NOW);

            assertThat(insurance.created()).isEqualTo(4);
            assertThat(insurance.rejected()).containsExactly(new Rejection(6, "no name"));
            // The mission's case: Ana Ruiz of Insurance and "RUIZ, ANA" of Financing, one phone in two formats.
            List<Customer> ana = master.customersByPhone(PhoneNumber.of("+14155550123"));
            assertThat(ana).extracting(Customer::displayName).containsExactlyInAnyOrder("Ana Ruiz", "Ben Ruiz");
            Customer anaRuiz = ana.stream().filter(c -> c.givenName().equals("Ana")).findFirst().orElseThrow();
            assertThat(anaRuiz.accounts()).extracting(a -> a.lineOfBusiness(), a -> a.openedOn())
                    .as("each with the date its system says it was opened")
                    .containsExactlyInAnyOrder(tuple(LineOfBusiness.INSURANCE, java.time.LocalDate.of(2021, 4, 2)),
                            tuple(LineOfBusiness.FINANCING, java.time.LocalDate.of(2025, 6, 3)));
            assertThat(anaRuiz.emails()).containsExactly("ana.ruiz@example.com");
            assertThat(master.events(anaRuiz.id())).extracting(ContactEvent::campaign, ContactEvent::channel,
                    ContactEvent::occurredAt).as("the policy the extract says was issued is on her timeline")
                    .contains(tuple("policy-issued", Channel.LETTER, Instant.parse("2021-04-02T12:00:00Z")));
            Customer ben = ana.stream().filter(c -> c.givenName().equals("Ben")).findFirst().orElseThrow();
            assertThat(ben.accounts()).as("a household shares the phone, not the person").hasSize(1);

            assertThat(loans.matched()).isEqualTo(1);
            assertThat(loans.merged()).as("Devendra Patel, same birth date and phone as Dev Patel").isEqualTo(1);
            assertThat(master.directory().bySourceKey(SourceSystem.of("LOAN_SERVICING"), "L-700002").orElseThrow().id())
                    .isEqualTo(master.directory().bySourceKey(SourceSystem.of("POLICY_ADMIN"), "P-900004").orElseThrow().id());
            assertThat(loans.notes()).extracting(Rejection::reason).anyMatch(r -> r.contains("'not known'"));

            assertThat(campaigns.rejected()).containsExactly(new Rejection(6, "key 'M-100003' is already on line 5"));
            assertThat(campaigns.suggestions()).extracting(ImportReport.Suggestion::createdName).containsExactly("Lan Nguyen");
            Customer grace = master.customersByPhone(PhoneNumber.of("+16175550182")).get(0);
            assertThat(master.events(grace.id())).extracting(ContactEvent::campaign, ContactEvent::lineOfBusiness)
                    .containsExactly(tuple("order-placed", LineOfBusiness.ORDERS));
            assertThat(grace.accounts()).extracting(a -> a.sourceSystem().code())
                    .containsExactlyInAnyOrder("LOAN_SERVICING", "ORDER_DESK", "CAMPAIGN_HUB");

            long seq = master.latestSeq();
            ImportReport again = importer.run(mapping("campaign_hub"), SHIPPED.resolve("campaign_hub.csv"), NOW.plusSeconds(60));
            assertThat(again.created() + again.merged()).isZero();
            assertThat(again.unchanged()).isEqualTo(again.matched()).isEqualTo(3);
            assertThat(master.latestSeq()).as("importing the same file again writes nothing").isEqualTo(seq);
            ImportReport policiesAgain = importer.run(mapping("policy_admin"), SHIPPED.resolve("policy_admin.csv"),
                    NOW.plusSeconds(120));
            assertThat(policiesAgain.events()).as("Ana, Ben and Dev; the row with no name is rejected").isEqualTo(3);
            assertThat(master.latestSeq()).as("nor do the contacts it records, already stored").isEqualTo(seq);
            assertThat(master.events(anaRuiz.id())).filteredOn(e -> "policy-issued".equals(e.campaign())).hasSize(1);
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLineAndNothingIsStored() throws Exception {
        Path extract = dir.resolve("latin1.csv");
        Files.write(extract, "contact_id,given,family,tel,mail,list,consent\nM-1,Zoë,Brandt,,,,\nM-2,Ren\u00e9e,Roy,,,,\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            long seq = master.latestSeq();
            assertThatThrownBy(() -> new Importer(master.directory()).run(mapping("campaign_hub"), extract, NOW))
                    .isInstanceOf(ImportException.class).hasMessageContaining("is not UTF-8 (line 2");
            assertThat(master.latestSeq()).isEqualTo(seq);
        }
    }

    @Test
    void aFatherAndSonOfOneNameAtOneHomeNumberStayTwoPeopleWhileTheSamePersonFromAnotherSystemIsOne() throws Exception {
        Path policies = dir.resolve("policies.csv");
        Files.writeString(policies, "policy_no,first_name,last_name,dob,home_phone,mobile_phone,email,product,"
                + "policy_status,issued_on\n"
                + "P-1,Charlie,Evans,03/14/1958,0131 777 5613,,,Home,IN FORCE,\n"
                + "P-2,Charlie,Evans,09/02/1989,0131 777 5613,,,Auto,IN FORCE,\n");
        Path loans = dir.resolve("loans.csv");
        Files.writeString(loans, "loan_id,borrower,birth_date,phone,email_address,loan_type,state,opened_on\n"
                + "L-1,\"EVANS, CHARLIE\",1989-09-02,+44 131 777 5613,,Auto loan,OPEN,2024-05-01\n");
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            SourceMapping policyMapping = mapping("policy_admin");
            SourceMapping uk = new SourceMapping(policyMapping.system(), policyMapping.lineOfBusiness(), "GB",
                    policyMapping.key(), policyMapping.givenName(), policyMapping.familyName(), policyMapping.fullName(),
                    policyMapping.phones(), policyMapping.emails(), policyMapping.birthDate(),
                    policyMapping.birthDateFormat(), policyMapping.product(), policyMapping.status(),
                    policyMapping.statusValues(), policyMapping.events(), policyMapping.openedOn(),
                    policyMapping.openedOnFormat());
            assertThat(new Importer(master.directory()).run(uk, policies, NOW).created()).isEqualTo(2);
            assertThat(new Importer(master.directory()).run(mapping("loan_servicing"), loans, NOW).matched()).isEqualTo(1);
            assertThat(master.customersByPhone(PhoneNumber.of("+441317775613")))
                    .extracting(c -> c.birthDate().getYear(), c -> c.accounts().size())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1958, 1),
                            org.assertj.core.groups.Tuple.tuple(1989, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theCustomersSharingAPhoneOrANameBlockAreFoundInTheOrderStoredAndAWholeNameOnlyUpToACommonOnesCount(
            Backend backend) {
        try (JdbcMasterStore master = TestMasters.store(backend, dir.resolve("master"))) {
            java.time.LocalDate born = java.time.LocalDate.of(1985, 3, 14);
            List<java.util.UUID> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) { // saved newest id first: it is the order stored that counts
                Customer c = com.ringside.testing.Customers.customer("Ana", "Ruiz").phone("+14155550123").born(born)
                        .build();
                java.util.UUID id = java.util.UUID.fromString("00000000-0000-7000-8000-00000000000" + (9 - i));
                ids.add(master.saveCustomer(new Customer(id, 0, c.givenName(), c.familyName(), c.displayName(),
                        c.birthDate(), c.timeZone(), false, null, null, c.phones(), c.emails(), c.accounts(),
                        c.createdAt(), c.updatedAt()), NOW).id());
            }
            List<String> blocks = com.ringside.identity.PersonNames.nameBlocks("Ana", "Ruiz", born);
            String sameBirth = blocks.stream().filter(b -> !com.ringside.identity.PersonNames.isWholeName(b))
                    .findFirst().orElseThrow();
            String wholeName = blocks.stream().filter(com.ringside.identity.PersonNames::isWholeName).findFirst()
                    .orElseThrow();
            PhoneNumber number = PhoneNumber.of("+14155550123");
            CustomerDirectory.Found found = master.directory().find(SourceSystem.of("POLICY_ADMIN"), java.util.Set.of(),
                    java.util.Set.of(number), java.util.Set.of(), java.util.Set.of(sameBirth, wholeName));

            List<java.util.UUID> oldestFirst = List.copyOf(ids);
            assertThat(found.byPhone().get(number)).extracting(Customer::id).containsExactlyElementsOf(oldestFirst);
            assertThat(found.byNameBlock().get(sameBirth)).extracting(Customer::id)
                    .containsExactlyElementsOf(oldestFirst);
            assertThat(found.byNameBlock().get(wholeName)).extracting(Customer::id).as("enough to tell it is common")
                    .containsExactlyElementsOf(
                            oldestFirst.subList(0, com.ringside.identity.PersonNames.COMMON_NAME + 1));
        }
    }

    @Test
    void anImportReadsACustomerAgainOnceSomebodyElseChangedThem() {
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            Customer ana = master.saveCustomer(com.ringside.testing.Customers.customer("Ana", "Ruiz")
                    .phone("+14155550123").build(), NOW);
            CustomerDirectory directory = master.directory();
            PhoneNumber number = PhoneNumber.of("+14155550123");
            assertThat(directory.find(SourceSystem.of("POLICY_ADMIN"), java.util.Set.of(), java.util.Set.of(number),
                    java.util.Set.of(), java.util.Set.of()).byPhone().get(number)).singleElement()
                    .satisfies(found -> assertThat(found.emails()).isEmpty());
            master.saveCustomer(new Customer(ana.id(), ana.version(), ana.givenName(), ana.familyName(),
                    ana.displayName(), ana.birthDate(), ana.timeZone(), false, null, null, ana.phones(),
                    List.of("ana.ruiz@example.com"), ana.accounts(), ana.createdAt(), NOW), NOW);
            assertThat(directory.find(SourceSystem.of("POLICY_ADMIN"), java.util.Set.of(), java.util.Set.of(number),
                    java.util.Set.of(), java.util.Set.of()).byPhone().get(number)).singleElement()
                    .satisfies(found -> assertThat(found.emails()).containsExactly("ana.ruiz@example.com"));
        }
    }

    @Test
    void nastyRowsAreRejectedOneByOneAndTheRestIsImported() throws Exception {
        String huge = "x".repeat(100_000);
        Path extract = dir.resolve("nasty.csv");
        Files.writeString(extract, "\uFEFFcontact_id,given,family,tel,mail,list,consent\n"
                + "M-1,\"Ada\nMarie\",Lovelace,+44 20 7946 0123,ada@example.org,\"a, b\",opted-in\n"
                + "M-2,Too,Many,,,,,,\n"
                + "M-3," + huge + ",Long,,,,\n"
                + ",No,Key,,,,\n"
                + "M-5,Jo,Mixed,(415)555-0199 ,JO@Example.org ,,\n");
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            ImportReport report = new Importer(master.directory()).run(mapping("campaign_hub"), extract, NOW);
            assertThat(report.rowsRead()).isEqualTo(5);
            assertThat(report.created()).isEqualTo(2);
            assertThat(report.rejected()).extracting(Rejection::line).containsExactly(4L, 5L, 6L);
            assertThat(report.rejected()).extracting(Rejection::reason).containsExactly(
                    "the row has 9 fields, the header 7", "a name is longer than 1000 characters",
                    "no key in column 'contact_id'");
            assertThat(master.directory().bySourceKey(SourceSystem.of("CAMPAIGN_HUB"), "M-1").orElseThrow().givenName())
                    .as("a quoted newline stays inside its field").isEqualTo("Ada\nMarie");
            assertThat(master.customersByPhone(PhoneNumber.of("+14155550199"))).extracting(Customer::emails)
                    .containsExactly(List.of("jo@example.org"));
            assertThat(report.text()).contains("line 4: the row has 9 fields");
        }
    }

    @Test
    void aHeaderRowWithAnUnclosedQuoteIsRefusedInWords() throws Exception {
        Path extract = dir.resolve("broken.csv");
        Files.writeString(extract, "contact_id,\"given,family\nM-1,Zoë,Brandt\n");
        try (JdbcMasterStore master = TestMasters.store(Backend.SQLITE, dir.resolve("master"))) {
            long seq = master.latestSeq();
            assertThatThrownBy(() -> new Importer(master.directory()).run(mapping("campaign_hub"), extract, NOW))
                    .isInstanceOf(ImportException.class).hasMessageContaining("cannot be read as CSV");
            assertThat(master.latestSeq()).isEqualTo(seq);
        }
    }

    @Test
    void aMappingWithAMistakeNamesTheField() throws Exception {
        Path bad = dir.resolve("bad.mapping.json");
        Files.writeString(bad, "{\"system\":\"ORDER_DESK\",\"lineOfBusiness\":\"SHOES\",\"key\":\"id\",\"familyName\":\"n\"}");
        assertThatThrownBy(() -> SourceMapping.read(bad)).isInstanceOf(ImportException.class)
                .hasMessageContaining("'lineOfBusiness' must be one of");
        Files.writeString(bad, "{\"system\":\"ORDER_DESK\",\"lineOfBusiness\":\"ORDERS\",\"key\":\"id\",\"familyName\":\"n\","
                + "\"phone\":\"p\"}");
        assertThatThrownBy(() -> SourceMapping.read(bad)).isInstanceOf(ImportException.class)
                .hasMessageContaining("field 'phone'");
    }

    private static SourceMapping mapping(String system) {
        return SourceMapping.read(SHIPPED.resolve(system + ".mapping.json"));
    }
}
