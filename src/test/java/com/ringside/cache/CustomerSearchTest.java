package com.ringside.cache;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerSearchTest {
    @TempDir
    Path dir;
    CacheDatabase database;
    CustomerStore store;
    Customer ana;
    Customer luis;
    Customer claire;
    Customer oliver;

    @BeforeEach
    void fill() {
        database = CacheDatabase.open(dir);
        store = new CustomerStore(database);
        ana = customer("Ana", "Ruiz").phone("+14155550123").email("ana.ruiz@example.com")
                .account(LineOfBusiness.INSURANCE, "POLICY_ADMIN", "P-100234", LocalDate.of(2021, 4, 12))
                .account(LineOfBusiness.FINANCING, "LOAN_SERVICING", "L-500017", LocalDate.of(2025, 6, 3)).build();
        luis = customer("Luis", "Ruiz").phone("+14155550188").phone("+14155550123").build();
        claire = customer("Claire", "Lefèvre").phone("+33142685300").zone("Europe/Paris").build();
        oliver = customer("Oliver", "O'Brien").phone("+442079460958").zone("Europe/London").build();
        store.saveAll(List.of(ana, luis, claire, oliver));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(415) 555-0123", "+1 415 555 0123", "4155550123", "1-415-555-0123", "415.555.0123",
            "+14155550123", "001 415 555 0123"})
    void aPhoneNumberInAnyFormatFindsTheHousehold(String typed) {
        assertThat(names(store.search(typed, 0, 50))).containsExactly("Ana Ruiz", "Luis Ruiz");
    }

    @Test
    void aRecordMergedIntoAnotherIsNoLongerFoundAndUndoingTheMergeFindsItAgain() {
        Customer twin = customer("Ana", "Ruiz").email("a.ruiz@example.org").build();
        store.saveAll(List.of(twin));
        assertThat(names(store.search("ana ruiz", 0, 50))).containsExactly("Ana Ruiz", "Ana Ruiz");
        Customer pointer = new Customer(twin.id(), twin.version() + 1, twin.givenName(), twin.familyName(), null, null,
                null, false, null, ana.id(), List.of(), List.of(), List.of(), twin.createdAt(), twin.updatedAt());
        store.saveAll(List.of(pointer));
        assertThat(store.search("ana ruiz", 0, 50).hits()).extracting(SearchHit::customerId).containsExactly(ana.id());
        store.saveAll(List.of(new Customer(twin.id(), twin.version() + 2, twin.givenName(), twin.familyName(), null, null,
                null, false, null, null, List.of(), twin.emails(), List.of(), twin.createdAt(), twin.updatedAt())));
        assertThat(names(store.search("a.ruiz@example.org", 0, 50))).containsExactly("Ana Ruiz");
    }

    @Test
    void partOfANumberFindsByPrefix() {
        assertThat(names(store.search("415 555 01", 0, 50))).containsExactly("Ana Ruiz", "Luis Ruiz");
        assertThat(names(store.search("4155550188", 0, 50))).containsExactly("Luis Ruiz");
    }

    @Test
    void nationalFormatsWithTrunkPrefixFindEuropeanNumbers() {
        assertThat(names(store.search("020 7946 0958", 0, 50))).containsExactly("Oliver O'Brien");
        assertThat(names(store.search("01 42 68 53 00", 0, 50))).containsExactly("Claire Lefèvre");
        assertThat(names(store.search("+33 1 42 68 53 00", 0, 50))).containsExactly("Claire Lefèvre");
    }

    @Test
    void namesMatchByPrefixIgnoringCaseAccentsAndApostrophes() {
        assertThat(names(store.search("ruiz", 0, 50))).containsExactly("Ana Ruiz", "Luis Ruiz");
        assertThat(names(store.search("an ru", 0, 50))).containsExactly("Ana Ruiz");
        assertThat(names(store.search("lefevre", 0, 50))).containsExactly("Claire Lefèvre");
        assertThat(names(store.search("obrien", 0, 50))).containsExactly("Oliver O'Brien");
        assertThat(names(store.search("O'Bri", 0, 50))).containsExactly("Oliver O'Brien");
    }

    @Test
    void emailsAndAccountKeysFindTheCustomer() {
        assertThat(names(store.search("ana.ruiz@", 0, 50))).containsExactly("Ana Ruiz");
        assertThat(names(store.search("ana.ruiz@example.com", 0, 50))).containsExactly("Ana Ruiz");
        assertThat(names(store.search("P-100234", 0, 50))).containsExactly("Ana Ruiz");
        assertThat(names(store.search("l-5000", 0, 50))).containsExactly("Ana Ruiz");
    }

    @Test
    void wordsTheIndexKeepsOnlyAsTheStartOfLongerOnesStillFindTheCustomer() {
        Customer jo = customer("Jo", "Ruiz-Moreno").email("jo.ruiz@example.com")
                .account(LineOfBusiness.ORDERS, "WEB_SHOP", "W-7", LocalDate.of(2024, 1, 2)).build();
        store.saveAll(List.of(jo));
        assertThat(SearchTerms.indexTerms(jo).split(" ")).doesNotContain("jo", "ruiz", "w", "joruiz");

        for (String typed : List.of("jo", "Ruiz-Moreno", "ruiz moreno", "jo.ruiz", "jo.ruiz@example.com", "W-7", "w 7")) {
            assertThat(names(store.search(typed, 0, 50))).as(typed).contains("Jo Ruiz-Moreno");
        }
        assertThat(names(store.search("ruiz", 0, 50))).containsExactly("Ana Ruiz", "Jo Ruiz-Moreno", "Luis Ruiz");
    }

    @Test
    void resultsTellAHouseholdApart() {
        SearchHit luisHit = store.search("luis", 0, 50).hits().get(0);
        assertThat(luisHit.numbers()).extracting(Object::toString).containsExactly("+14155550188", "+14155550123");
        SearchHit anaHit = store.search("ana ruiz", 0, 50).hits().get(0);
        assertThat(anaHit.linesOfBusiness()).containsExactlyInAnyOrder(LineOfBusiness.INSURANCE, LineOfBusiness.FINANCING);
    }

    @Test
    void savingAgainReplacesTheIndexedTerms() {
        Customer renamed = new Customer(ana.id(), 2, "Ana", "Ruiz-Moreno", null, ana.birthDate(), ana.timeZone(), false,
                null, null, List.of(), List.of(), List.of(), ana.createdAt(), ana.updatedAt());
        store.saveAll(List.of(renamed));

        assertThat(names(store.search("moreno", 0, 50))).containsExactly("Ana Ruiz-Moreno");
        assertThat(names(store.search("P-100234", 0, 50))).isEmpty();
        assertThat(names(store.search("4155550123", 0, 50))).containsExactly("Luis Ruiz");
        assertThat(store.find(ana.id())).get().extracting(Customer::accounts).asList().isEmpty();
    }

    @Test
    void twoVersionsOfOneCustomerInOneBatchKeepTheLater() {
        Customer older = customer("Maya", "Stone").phone("+14155550999").build();
        Customer newer = new Customer(older.id(), 2, "Maya", "Stone-Hill", null, older.birthDate(), older.timeZone(),
                false, null, null, older.phones(), List.of(), List.of(), older.createdAt(), older.updatedAt());
        store.saveAll(List.of(older, newer));

        assertThat(store.find(older.id())).get().satisfies(saved -> {
            assertThat(saved.displayName()).isEqualTo("Maya Stone-Hill");
            assertThat(saved.phones()).hasSize(1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE customer; --", "ruiz\" OR \"1", "NEAR(ana ruiz)", "ana AND NOT ruiz",
            "*", "\"", "ru*iz", "^ana", "col:ana", "%_%", "\\", "ana)"})
    void sqlAndIndexSyntaxIsJustText(String typed) {
        SearchPage page = store.search(typed, 0, 50);
        assertThat(page.hits()).allSatisfy(hit -> assertThat(hit.displayName()).isNotBlank());
        assertThat(store.count()).isEqualTo(4);
    }

    @Test
    void tooShortOrTooLongQueriesExplainThemselves() {
        assertThat(store.search("a", 0, 50).hint()).contains("at least 2");
        assertThat(store.search("", 0, 50).hint()).isEmpty();
        SearchPage huge = store.search("x".repeat(10_000), 0, 50);
        assertThat(huge.hits()).isEmpty();
        assertThat(huge.hint()).contains("too long").contains("10000");
    }

    @Test
    void resultsArePagedInNameOrder() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(customer(String.format("Pat%03d", i), "Zed").build());
        }
        store.saveAll(many);

        SearchPage first = store.search("zed", 0, 50);
        SearchPage third = store.search("zed", 100, 50);
        assertThat(first.total()).isEqualTo(120);
        assertThat(first.hits()).hasSize(50);
        assertThat(names(first).get(0)).isEqualTo("Pat000 Zed");
        assertThat(names(third)).hasSize(20).startsWith("Pat100 Zed").endsWith("Pat119 Zed");
        assertThat(first.more()).isFalse();
    }

    @Test
    void aQueryMatchingMoreThanTheCapSaysSo() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < CustomerSearch.MAX_MATCHES + 5; i++) {
            many.add(customer("Sam" + i, "Smith").build());
        }
        store.saveAll(many);

        SearchPage page = store.search("smith", 0, 50);
        assertThat(page.more()).isTrue();
        assertThat(page.total()).isEqualTo(CustomerSearch.MAX_MATCHES);
    }

    private static List<String> names(SearchPage page) {
        return page.hits().stream().map(SearchHit::displayName).toList();
    }
}
