package com.ringside.desktop;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.event;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.CacheDatabase;
import com.ringside.cache.ContactEventStore;
import com.ringside.cache.CustomerStore;
import com.ringside.cache.SearchHit;
import com.ringside.desktop.customer.CustomerCardViewModel;
import com.ringside.desktop.search.SearchViewModel;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.timeline.TimelineViewModel;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.testing.QueuedBackground;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's view models driven without a screen, over a real cache file. */
class ViewModelTest {
    @TempDir
    Path dir;
    CacheDatabase database;
    CustomerStore customers;
    ContactEventStore events;
    Customer ana;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void fill() {
        database = CacheDatabase.open(dir);
        customers = new CustomerStore(database);
        events = new ContactEventStore(database);
        ana = customer("Ana", "Ruiz").phone("+14155550123")
                .account(LineOfBusiness.INSURANCE, "POLICY_ADMIN", "P-100234", LocalDate.of(2021, 4, 12))
                .account(LineOfBusiness.FINANCING, "LOAN_SERVICING", "L-500017", LocalDate.of(2025, 6, 3)).build();
        Customer luis = customer("Luis", "Ruiz").phone("+14155550123").build();
        customers.saveAll(List.of(ana, luis));
        List<ContactEvent> history = new ArrayList<>();
        history.add(outboundCall(ana, NOW.minus(Duration.ofHours(50)), LineOfBusiness.INSURANCE, Outcome.VOICEMAIL));
        history.add(outboundCall(ana, NOW.minus(Duration.ofHours(20)), LineOfBusiness.FINANCING, Outcome.CONVERSATION));
        history.add(event(ana, NOW.minus(Duration.ofDays(3)), Channel.EMAIL, Direction.OUTBOUND, LineOfBusiness.FINANCING, null));
        for (int i = 0; i < 250; i++) {
            history.add(outboundCall(ana, NOW.minus(Duration.ofDays(40 + i)), LineOfBusiness.INSURANCE, Outcome.NO_ANSWER));
        }
        events.saveAll(history);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSlowAnswerToAnOlderQueryNeverReplacesANewerOne() {
        QueuedBackground background = new QueuedBackground();
        SearchViewModel search = new SearchViewModel(customers, background);
        search.queryProperty().set("ruiz");
        search.search();
        search.queryProperty().set("luis");
        search.search();

        background.finishNewest();
        background.finishOldest();

        assertThat(search.results()).extracting(SearchHit::displayName).containsExactly("Luis Ruiz");
        assertThat(search.statusProperty().get()).isEqualTo("1 customer");
    }

    @Test
    void askingForMoreWhileAPageIsOnItsWayLoadsItOnce() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(customer(String.format("Pat%03d", i), "Zed").build());
        }
        customers.saveAll(many);
        QueuedBackground background = new QueuedBackground();
        SearchViewModel search = new SearchViewModel(customers, background);
        search.queryProperty().set("zed");
        search.search();
        background.finishOldest();
        assertThat(search.results()).hasSize(SearchViewModel.PAGE_SIZE);

        search.loadMore();
        search.loadMore();
        assertThat(background.pending()).isEqualTo(1);
        background.finishOldest();
        search.loadMore();
        background.finishOldest();
        assertThat(search.results()).extracting(SearchHit::displayName).doesNotHaveDuplicates().hasSize(120);
        assertThat(search.moreAvailableProperty().get()).isFalse();
    }

    @Test
    void searchExplainsEmptyAnswers() {
        SearchViewModel search = new SearchViewModel(customers, Background.inline());
        search.queryProperty().set("zzzz");
        search.search();
        assertThat(search.statusProperty().get()).isEqualTo("No customer matches \"zzzz\".");
        search.queryProperty().set("r");
        search.search();
        assertThat(search.statusProperty().get()).contains("at least 2");
    }

    @Test
    void theCardSaysWhatTheCustomerHoldsAndHowOftenWeCalled() {
        CustomerCardViewModel card = new CustomerCardViewModel(customers, events, Background.inline(), clock);
        card.open(ana.id());

        assertThat(card.relationshipProperty().get())
                .isEqualTo("Customer of Insurance since Apr 2021, Financing since Jun 2025");
        assertThat(card.summaryProperty().get().outboundCalls7d()).isEqualTo(2);
        assertThat(card.callCountsProperty().get())
                .isEqualTo("Outbound calls in the last 7 days by line: Insurance 1, Financing 1");
        assertThat(card.summaryProperty().get().outboundCalls30d()).isEqualTo(2);
        assertThat(card.lastConversationProperty().get()).isEqualTo("Last conversation 20 h ago (Financing)");
        assertThat(card.localTimeProperty().get()).as("8 March 2026 is the first day of daylight time in the US")
                .isEqualTo("Local time Sun 11:00 PDT  ·  America/Los_Angeles");
    }

    @Test
    void aCustomerWithoutAZoneSaysSo() {
        Customer nowhere = customer("Kim", "Lee").zone(null).build();
        customers.saveAll(List.of(nowhere));
        CustomerCardViewModel card = new CustomerCardViewModel(customers, events, Background.inline(), clock);
        card.open(nowhere.id());
        assertThat(card.localTimeProperty().get()).contains("unknown");
        assertThat(card.lastConversationProperty().get()).isEqualTo("No conversation on record");
    }

    @Test
    void theTimelinePagesAndFilters() {
        TimelineViewModel timeline = new TimelineViewModel(events, Background.inline());
        timeline.show(ana.id());
        assertThat(timeline.entries()).hasSize(TimelineViewModel.PAGE_SIZE);
        assertThat(timeline.entries().get(0).event().lineOfBusiness()).isEqualTo(LineOfBusiness.FINANCING);
        assertThat(timeline.footerProperty().get()).isEqualTo("Showing 200 of 253 contacts");

        timeline.loadMore();
        assertThat(timeline.entries()).hasSize(253);
        assertThat(timeline.moreAvailableProperty().get()).isFalse();

        timeline.linesOfBusinessProperty().set(Set.of(LineOfBusiness.FINANCING));
        assertThat(timeline.entries()).extracting(e -> e.event().lineOfBusiness()).containsOnly(LineOfBusiness.FINANCING);
        assertThat(timeline.totalProperty().get()).isEqualTo(2);

        timeline.channelsProperty().set(Set.of(Channel.EMAIL));
        assertThat(timeline.entries()).singleElement().extracting(e -> e.event().channel()).isEqualTo(Channel.EMAIL);

        timeline.channelsProperty().set(Set.of());
        timeline.linesOfBusinessProperty().set(Set.of());
        timeline.directionProperty().set(Direction.INBOUND);
        assertThat(timeline.entries()).isEmpty();
        assertThat(timeline.footerProperty().get()).isEqualTo("Showing 0 of 0 contacts");
    }
}
