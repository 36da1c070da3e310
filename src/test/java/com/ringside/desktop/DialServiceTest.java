package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.cti.DialException;
import com.ringside.desktop.dial.CallRefusedException;
import com.ringside.desktop.dial.DialService;
import com.ringside.desktop.dial.DialViewModel;
import com.ringside.desktop.support.Background;
import com.ringside.domain.Outcome;
import com.ringside.desktop.dial.NumberGuard;
import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialServiceTest {
    static final Clock NOON_IN_CALIFORNIA = Clock.fixed(Instant.parse("2026-03-08T20:00:00Z"), ZoneOffset.UTC);
    static final PhoneNumber ANA = PhoneNumber.of("+14155550123");

    @TempDir
    Path dir;

    @Test
    void anAgentCannotOverrideAndABlockedCallIsNeitherDialledNorRecorded() {
        List<PhoneNumber> dialled = new ArrayList<>();
        try (DeskSession session = DeskSession.open(dir, NOON_IN_CALIFORNIA,
                new DeskUser(UUID.randomUUID(), "Sam", UserRole.AGENT), dialled::add)) {
            DialService service = new DialService(session);
            UUID ana = anaId(session);
            service.place(ana, ANA, LineOfBusiness.INSURANCE, "renewals", null);
            NumberGuard guard = service.guard(ana, LineOfBusiness.INSURANCE, "renewals").get(0);
            assertThat(guard.decision().verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(guard.decision().mayOverride(UserRole.AGENT)).isFalse();

            assertThatThrownBy(() -> service.place(ana, ANA, LineOfBusiness.INSURANCE, "renewals", "please"))
                    .isInstanceOf(CallRefusedException.class).hasMessageContaining("cannot override");
            assertThat(dialled).hasSize(1);
            assertThat(session.events().outboxSize()).isEqualTo(1);
        }
    }

    @Test
    void aSupervisorsOverrideNeedsAReasonAndAFailedDialRecordsNothing() {
        List<PhoneNumber> dialled = new ArrayList<>();
        try (DeskSession session = DeskSession.open(dir, NOON_IN_CALIFORNIA,
                new DeskUser(UUID.randomUUID(), "Sky", UserRole.SUPERVISOR), dialled::add)) {
            DialService service = new DialService(session);
            UUID ana = anaId(session);
            service.place(ana, ANA, LineOfBusiness.INSURANCE, "renewals", null);
            assertThatThrownBy(() -> service.place(ana, ANA, LineOfBusiness.INSURANCE, "renewals", "  "))
                    .isInstanceOf(CallRefusedException.class).hasMessageContaining("reason");
            assertThat(dialled).hasSize(1);
        }
        try (DeskSession broken = DeskSession.open(dir, NOON_IN_CALIFORNIA,
                new DeskUser(UUID.randomUUID(), "Sky", UserRole.SUPERVISOR), number -> {
                    throw new DialException("No softphone answers tel: links.", null);
                })) {
            int before = broken.events().outboxSize();
            assertThatThrownBy(() -> new DialService(broken).place(anaId(broken), ANA, LineOfBusiness.INSURANCE,
                    "renewals", "asked for a call back")).isInstanceOf(DialException.class);
            assertThat(broken.events().outboxSize()).isEqualTo(before);
        }
    }

    @Test
    void aCallLeftWithoutWrapUpComesBackAsTheWrapUpAfterARestart() {
        DeskUser sam = new DeskUser(UUID.randomUUID(), "Sam", UserRole.AGENT);
        UUID ana;
        try (DeskSession before = DeskSession.open(dir, NOON_IN_CALIFORNIA, sam, number -> { })) {
            ana = anaId(before);
            new DialService(before).place(ana, ANA, LineOfBusiness.INSURANCE, "renewals", null);
        }
        try (DeskSession after = DeskSession.open(dir, NOON_IN_CALIFORNIA, sam, number -> { })) {
            DialViewModel dial = new DialViewModel(new DialService(after), Background.inline(), NOON_IN_CALIFORNIA,
                    sam.role(), () -> { });
            dial.show(after.customers().find(ana).orElseThrow());
            assertThat(dial.inCallProperty().get()).isNotNull();
            assertThat(dial.inCallProperty().get().outcome()).isEqualTo(Outcome.PENDING);
            assertThat(dial.messageProperty().get()).contains("has no wrap-up yet");

            dial.wrapUp(Outcome.NO_ANSWER, "");
            assertThat(dial.inCallProperty().get()).isNull();
            assertThat(new DialService(after).openCall(ana)).isEmpty();
        }
    }

    private static UUID anaId(DeskSession session) {
        return session.customers().search("ana ruiz", 0, 5).hits().stream().map(hit -> hit.customerId())
                .map(id -> session.customers().find(id).orElseThrow()).filter(c -> c.displayName().equals("Ana Ruiz"))
                .map(Customer::id).findFirst().orElseThrow();
    }
}
