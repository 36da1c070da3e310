package com.ringside.cache;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static com.ringside.testing.Customers.event;
import static com.ringside.testing.Customers.outboundCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.CallOverride;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactEventStoreTest {
    @TempDir
    Path dir;
    CacheDatabase database;
    ContactEventStore events;
    Customer ana;

    @BeforeEach
    void open() {
        database = CacheDatabase.open(dir);
        events = new ContactEventStore(database);
        ana = customer("Ana", "Ruiz").phone("+14155550123").build();
        new CustomerStore(database).saveAll(List.of(ana));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEventSavedAgainTakesTheLaterVersionsProvisionalMarkAndOverrideInTheOrderGiven() {
        ContactEvent plain = outboundCall(ana, NOW.minus(Duration.ofHours(2)), LineOfBusiness.ORDERS, Outcome.NO_ANSWER);
        ContactEvent overridden = withMarks(plain, true, new CallOverride(UUID.randomUUID(), "Customer asked for a call"));
        ContactEvent other = outboundCall(ana, NOW.minus(Duration.ofHours(1)), LineOfBusiness.ORDERS, Outcome.BUSY);

        events.saveAll(List.of(plain, other, overridden));
        assertThat(events.history(ana.id(), Instant.EPOCH)).containsExactlyInAnyOrder(overridden, other);

        events.saveAll(List.of(overridden, withMarks(other, true, null), plain));
        assertThat(events.history(ana.id(), Instant.EPOCH))
                .containsExactlyInAnyOrder(plain, withMarks(other, true, null));
    }

    private static ContactEvent withMarks(ContactEvent event, boolean provisional, CallOverride override) {
        return new ContactEvent(event.id(), event.customerId(), event.occurredAt(), event.channel(), event.direction(),
                event.lineOfBusiness(), event.campaign(), event.agentId(), event.number(), event.outcome(),
                event.durationSeconds(), event.notes(), event.sourceSystem(), provisional, override);
    }

    @Test
    void countsOutboundCallsInRollingWindowsEndingNow() {
        events.saveAll(List.of(
                outboundCall(ana, NOW.minus(Duration.ofHours(2)), LineOfBusiness.INSURANCE, Outcome.VOICEMAIL),
                outboundCall(ana, NOW.minus(Duration.ofHours(30)), LineOfBusiness.FINANCING, Outcome.CONVERSATION),
                outboundCall(ana, NOW.minus(Duration.ofDays(7)), LineOfBusiness.FINANCING, Outcome.NO_ANSWER),
                outboundCall(ana, NOW.minus(Duration.ofDays(20)), LineOfBusiness.ORDERS, Outcome.NO_ANSWER),
                outboundCall(ana, NOW.minus(Duration.ofDays(30)), LineOfBusiness.ORDERS, Outcome.NO_ANSWER),
                outboundCall(ana, NOW.plusSeconds(60), LineOfBusiness.ORDERS, Outcome.PENDING),
                event(ana, NOW.minus(Duration.ofHours(1)), Channel.CALL, Direction.INBOUND, LineOfBusiness.ORDERS,
                        Outcome.CONVERSATION),
                event(ana, NOW.minus(Duration.ofHours(1)), Channel.EMAIL, Direction.OUTBOUND, LineOfBusiness.ORDERS, null)));

        ContactSummary summary = events.summary(ana.id(), NOW);

        assertThat(summary.outboundCalls24h()).isEqualTo(1);
        assertThat(summary.outboundCalls7d()).as("exactly 7 days ago has left the window").isEqualTo(2);
        assertThat(summary.outboundCalls30d()).isEqualTo(4);
        assertThat(summary.outboundCalls7dByLine())
                .isEqualTo(Map.of(LineOfBusiness.INSURANCE, 1, LineOfBusiness.FINANCING, 1));
        assertThat(summary.lastConversationAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(summary.lastConversationLine()).isEqualTo(LineOfBusiness.ORDERS);
    }

    @Test
    void timelineIsNewestFirstAndPagesWithoutGapsOrRepeats() {
        List<ContactEvent> stored = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            // pairs share an instant, so paging must break ties
            stored.add(outboundCall(ana, NOW.minus(Duration.ofMinutes(i / 2)), LineOfBusiness.INSURANCE, Outcome.NO_ANSWER));
        }
        events.saveAll(stored);

        List<TimelineEntry> seen = new ArrayList<>();
        TimelinePage page = events.timeline(ana.id(), TimelineFilter.ALL, null, 200);
        seen.addAll(page.entries());
        while (page.next() != null) {
            page = events.timeline(ana.id(), TimelineFilter.ALL, page.next(), 200);
            seen.addAll(page.entries());
        }

        assertThat(page.total()).isEqualTo(450);
        assertThat(seen).extracting(entry -> entry.event().id()).doesNotHaveDuplicates().hasSize(450);
        assertThat(seen).extracting(entry -> entry.event().occurredAt()).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void filtersByChannelLineAndDirection() {
        events.saveAll(List.of(
                outboundCall(ana, NOW.minusSeconds(10), LineOfBusiness.INSURANCE, Outcome.NO_ANSWER),
                outboundCall(ana, NOW.minusSeconds(20), LineOfBusiness.FINANCING, Outcome.SALE),
                event(ana, NOW.minusSeconds(30), Channel.CALL, Direction.INBOUND, LineOfBusiness.FINANCING, Outcome.CONVERSATION),
                event(ana, NOW.minusSeconds(40), Channel.EMAIL, Direction.OUTBOUND, LineOfBusiness.FINANCING, null)));

        TimelinePage financingCalls = events.timeline(ana.id(),
                new TimelineFilter(Set.of(Channel.CALL), Set.of(LineOfBusiness.FINANCING), null), null, 200);
        TimelinePage inbound = events.timeline(ana.id(), new TimelineFilter(Set.of(), Set.of(), Direction.INBOUND), null, 200);

        assertThat(financingCalls.entries()).extracting(e -> e.event().outcome())
                .containsExactly(Outcome.SALE, Outcome.CONVERSATION);
        assertThat(financingCalls.total()).isEqualTo(2);
        assertThat(inbound.entries()).hasSize(1);
    }

    @Test
    void storingTheSameEventTwiceKeepsOneWithTheLatestOutcome() {
        ContactEvent pending = outboundCall(ana, NOW, LineOfBusiness.INSURANCE, Outcome.PENDING);
        events.saveAll(List.of(pending));
        events.saveAll(List.of(pending.withOutcome(Outcome.CONVERSATION, 95, "Renewal agreed")));

        TimelinePage page = events.timeline(ana.id(), TimelineFilter.ALL, null, 200);
        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.event().outcome()).isEqualTo(Outcome.CONVERSATION);
            assertThat(entry.event().durationSeconds()).isEqualTo(95);
            assertThat(entry.event().notes()).isEqualTo("Renewal agreed");
        });
    }

    @Test
    void aBatchWithABadRowStoresNothing() {
        ContactEvent good = outboundCall(ana, NOW, LineOfBusiness.INSURANCE, Outcome.NO_ANSWER);
        assertThat(catchFailure(() -> database.write(connection -> {
            events.saveAll(connection, List.of(good));
            connection.createStatement().execute("INSERT INTO contact_event (id) VALUES (NULL)");
            return null;
        }))).isInstanceOf(CacheException.class);

        assertThat(events.timeline(ana.id(), TimelineFilter.ALL, null, 200).entries()).isEmpty();
    }

    private static Throwable catchFailure(Runnable work) {
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
