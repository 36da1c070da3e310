package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.server.CustomerMerge;
import com.ringside.server.JdbcMasterStore;
import com.ringside.server.MergeSuggestion;
import com.ringside.server.TestMasters;
import com.ringside.server.TestMasters.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A supervisor decides the possible duplicates an import found; a merge moves the timeline and can be undone. */
class MergeTest {
    private static final Path SHIPPED = Path.of("assets/ingest");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID SUPERVISOR = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAcceptedSuggestionMergesTheTimelineAndUndoingRestoresBothExactly(Backend backend) {
        try (JdbcMasterStore master = TestMasters.store(backend, dir)) {
            importAll(master);
            List<MergeSuggestion> waiting = master.mergeSuggestions(10);
            assertThat(waiting).hasSize(1);
            MergeSuggestion lan = waiting.get(0);
            assertThat(lan.source()).isEqualTo("CAMPAIGN_HUB campaign_hub.csv line 3");
            Customer newLan = lan.customer();
            Customer oldLan = lan.candidate();
            ContactEvent newsletter = new ContactEvent(Ids.newId(), newLan.id(), NOW.minusSeconds(3_600), Channel.EMAIL,
                    Direction.OUTBOUND, LineOfBusiness.MARKETING, "spring", null, null, null, 0, "", SourceSystem.of("CAMPAIGN_HUB"),
                    false, null);
            master.load(List.of(), List.of(newsletter), NOW);

            CustomerMerge merge = master.acceptSuggestion(lan.id(), SUPERVISOR, NOW.plusSeconds(60));
            assertThat(merge.movedEvents()).containsExactly(newsletter.id());
            Customer survivor = master.customer(oldLan.id()).orElseThrow();
            assertThat(survivor.accounts()).extracting(a -> a.sourceSystem().code())
                    .containsExactlyInAnyOrder("LOAN_SERVICING", "CAMPAIGN_HUB");
            assertThat(survivor.emails()).contains("lan.nguyen@example.com");
            assertThat(master.customer(newLan.id()).orElseThrow().mergedInto()).isEqualTo(oldLan.id());
            assertThat(master.directory().bySourceKey(SourceSystem.of("CAMPAIGN_HUB"), "M-100002").orElseThrow().id())
                    .as("the next import finds the survivor by the merged record's key").isEqualTo(oldLan.id());
            assertThat(master.mergeSuggestions(10)).isEmpty();
            assertThatThrownBy(() -> master.acceptSuggestion(lan.id(), SUPERVISOR, NOW))
                    .hasMessageContaining("was already accepted");
            assertThatThrownBy(() -> master.merge(oldLan.id(), newLan.id(), SUPERVISOR, NOW))
                    .hasMessageContaining("was already merged into");

            long seq = master.latestSeq();
            master.unmerge(merge.id(), SUPERVISOR, NOW.plusSeconds(120));
            assertThat(master.latestSeq()).as("the desks hear of it").isGreaterThan(seq);
            Customer restoredOld = master.customer(oldLan.id()).orElseThrow();
            Customer restoredNew = master.customer(newLan.id()).orElseThrow();
            assertThat(restoredOld.accounts()).isEqualTo(oldLan.accounts());
            assertThat(restoredOld.emails()).isEqualTo(oldLan.emails());
            assertThat(restoredNew.mergedInto()).isNull();
            assertThat(restoredNew.accounts()).isEqualTo(newLan.accounts());
            assertThat(restoredNew.version()).isGreaterThan(newLan.version());
            assertThat(master.directory().bySourceKey(SourceSystem.of("CAMPAIGN_HUB"), "M-100002").orElseThrow().id())
                    .isEqualTo(newLan.id());
            assertThatThrownBy(() -> master.unmerge(merge.id(), SUPERVISOR, NOW)).hasMessageContaining("already been undone");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRejectedSuggestionLeavesTwoCustomersAndIsNotAskedAgain(Backend backend) {
        try (JdbcMasterStore master = TestMasters.store(backend, dir)) {
            importAll(master);
            MergeSuggestion lan = master.mergeSuggestions(10).get(0);
            master.rejectSuggestion(lan.id(), SUPERVISOR, NOW);
            assertThat(master.mergeSuggestions(10)).isEmpty();
            assertThat(master.customer(lan.customer().id()).orElseThrow().mergedInto()).isNull();
            importAll(master);
            assertThat(master.mergeSuggestions(10)).as("importing again suggests nothing new").isEmpty();
            assertThatThrownBy(() -> master.merge(lan.candidate().id(), lan.candidate().id(), SUPERVISOR, NOW))
                    .hasMessageContaining("cannot be merged into itself");
            assertThat(master.customersByPhone(PhoneNumber.of("+14155550123"))).hasSize(2);
        }
    }

    private static void importAll(JdbcMasterStore master) {
        Importer importer = new Importer(master.directory());
        for (String[] file : new String[][] {{"policy_admin", "csv"}, {"loan_servicing", "csv"}, {"order_desk", "jsonl"},
                {"campaign_hub", "csv"}}) {
            importer.run(SourceMapping.read(SHIPPED.resolve(file[0] + ".mapping.json")),
                    SHIPPED.resolve(file[0] + "." + file[1]), NOW);
        }
    }
}
