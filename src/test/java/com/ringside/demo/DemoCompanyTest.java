package com.ringside.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactSummary;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.domain.Account;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Phone;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCompanyTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 8);
    final DemoCompany company = new DemoCompany(7, AS_OF, 10);
    final List<DemoCompany.Household> households = IntStream.range(0, 3_000).mapToObj(company::customer).toList();

    @Test
    void sameSeedAndDateGiveTheSameCompany() {
        DemoCompany again = new DemoCompany(7, AS_OF, 10);
        for (int index : List.of(0, 1, 17, 2_999)) {
            assertThat(again.customer(index)).isEqualTo(company.customer(index));
        }
        assertThat(new DemoCompany(8, AS_OF, 10).customer(5)).isNotEqualTo(company.customer(5));
    }

    @Test
    void everyDemoNumberIsAValidNumberThatTheDeskCanPop() {
        com.ringside.identity.PhoneNormalizer anywhere = new com.ringside.identity.PhoneNormalizer("US");
        households.stream().flatMap(h -> h.customer().phones().stream()).forEach(phone ->
                assertThat(anywhere.normalize(phone.number().e164())).as(phone.number().e164()).contains(phone.number()));
    }

    @Test
    void theMissionCaseIsThere() {
        DemoCompany.Household ana = households.get(0);
        assertThat(ana.customer().displayName()).isEqualTo("Ana Ruiz");
        assertThat(ana.customer().accounts()).extracting(Account::lineOfBusiness)
                .containsExactly(LineOfBusiness.INSURANCE, LineOfBusiness.FINANCING);
        List<ContactEvent> thisWeek = ana.events().stream()
                .filter(ContactEvent::isOutboundCall)
                .filter(event -> event.occurredAt().isAfter(company.now().minusSeconds(7 * 86_400)))
                .toList();
        assertThat(thisWeek).extracting(ContactEvent::lineOfBusiness)
                .containsExactlyInAnyOrder(LineOfBusiness.INSURANCE, LineOfBusiness.FINANCING);
    }

    @Test
    void customersLiveInSixZonesAndSomeHaveNone() {
        Set<ZoneId> zones = new HashSet<>();
        households.forEach(h -> zones.add(h.customer().timeZone()));
        assertThat(zones).contains(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
                ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Toronto"), ZoneId.of("Europe/London"),
                ZoneId.of("Europe/Paris"), null);
    }

    @Test
    void householdsShareAPhoneAndManyHoldSeveralLines() {
        Map<String, Set<String>> familiesByNumber = new HashMap<>();
        for (DemoCompany.Household household : households) {
            for (Phone phone : household.customer().phones()) {
                familiesByNumber.computeIfAbsent(phone.number().e164(), n -> new HashSet<>())
                        .add(household.customer().familyName());
            }
        }
        long sharedNumbers = households.stream().flatMap(h -> h.customer().phones().stream())
                .map(p -> p.number().e164()).distinct()
                .filter(number -> households.stream().filter(h -> h.customer().phones().stream()
                        .anyMatch(p -> p.number().e164().equals(number))).count() > 1)
                .count();
        assertThat(sharedNumbers).isGreaterThan(100);
        long multiLine = households.stream()
                .filter(h -> h.customer().accounts().stream().map(Account::lineOfBusiness).distinct().count() >= 2)
                .count();
        long threeLines = households.stream()
                .filter(h -> h.customer().accounts().stream().map(Account::lineOfBusiness).distinct().count() >= 3)
                .count();
        assertThat(multiLine).isGreaterThan(300);
        assertThat(threeLines).isGreaterThan(50);
    }

    @Test
    void historySpansEighteenMonthsOverEveryChannelAndOutcome() {
        List<ContactEvent> events = new ArrayList<>();
        households.forEach(h -> events.addAll(h.events()));
        assertThat(events).extracting(ContactEvent::channel).contains(Channel.values());
        assertThat(events).extracting(ContactEvent::outcome).contains(Outcome.NO_ANSWER, Outcome.BUSY,
                Outcome.VOICEMAIL, Outcome.ABANDONED, Outcome.CONVERSATION, Outcome.REFUSED, Outcome.WRONG_NUMBER,
                Outcome.SALE);
        assertThat(events).allSatisfy(event -> assertThat(event.occurredAt())
                .isBetween(company.now().minusSeconds(549L * 86_400), company.now()));
        assertThat(events.stream().mapToLong(e -> e.occurredAt().getEpochSecond()).min().getAsLong())
                .isLessThan(company.now().minusSeconds(450L * 86_400).getEpochSecond());
    }

    @Test
    void loadedIntoACacheTheMissionCaseShowsTwoCallsThisWeek(@TempDir Path dir) {
        try (CacheDatabase database = CacheDatabase.open(dir)) {
            DemoDataLoader.Result result = new DemoDataLoader(database).load(company, 500, done -> { });
            CustomerStore customers = new CustomerStore(database);

            assertThat(customers.count()).isEqualTo(500);
            assertThat(result.rows()).isGreaterThan(500 * 5);
            Customer ana = customers.search("(415) 555-0123", 0, 10).hits().stream()
                    .filter(hit -> hit.displayName().equals("Ana Ruiz")).findFirst()
                    .flatMap(hit -> customers.find(hit.customerId())).orElseThrow();
            ContactSummary summary = new ContactEventStore(database).summary(ana.id(), company.now());
            assertThat(summary.outboundCalls7d()).isEqualTo(2);
            assertThat(summary.outboundCalls7dByLine()).containsOnlyKeys(LineOfBusiness.INSURANCE, LineOfBusiness.FINANCING);
            assertThat(customers.search("415 555 0188", 0, 10).hits()).extracting(hit -> hit.displayName())
                    .as("the Ruiz household shares a home number").containsExactly("Ana Ruiz", "Luis Ruiz");
        }
    }
}
