package com.ringside.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.testing.Customers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainModelTest {
    @Test
    void sourceSystemsAndTimeZonesReadAgainAreTheSameObjectsAndBadOnesAreStillRefused() {
        assertThat(SourceSystem.of(new String("POLICY_ADMIN"))).isSameAs(SourceSystem.of("POLICY_ADMIN"));
        assertThat(TimeZones.named(new String("America/Chicago"))).isSameAs(TimeZones.named("America/Chicago"))
                .isEqualTo(java.time.ZoneId.of("America/Chicago"));
        assertThatThrownBy(() -> SourceSystem.of("policy admin")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TimeZones.named("Mars/Olympus")).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void phoneNumberMustBeE164() {
        assertThat(PhoneNumber.of("+14155550123").digits()).isEqualTo("14155550123");
        for (String bad : List.of("4155550123", "+0155550123", "+1 415 555 0123", "+1415555012345678", "")) {
            assertThatThrownBy(() -> PhoneNumber.of(bad)).isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("number"));
        }
    }

    @Test
    void unknownOutcomeNamesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> Checks.parseEnum("outcome", Outcome.class, "HUNG_UP"))
                .hasMessageContaining("outcome").hasMessageContaining("HUNG_UP").hasMessageContaining("NO_ANSWER");
        assertThat(Checks.parseEnum("outcome", Outcome.class, " no_answer ")).isEqualTo(Outcome.NO_ANSWER);
    }

    @Test
    void eventWithoutCustomerIsRejected() {
        assertThatThrownBy(() -> new ContactEvent(Ids.newId(), null, Instant.now(), Channel.CALL, Direction.OUTBOUND,
                LineOfBusiness.INSURANCE, null, null, null, Outcome.NO_ANSWER, 0, null, null, false, null))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("event.customerId");
    }

    @Test
    void callWithoutOutcomeIsRejectedButAnEmailNeedsNone() {
        Customer ana = Customers.customer("Ana", "Ruiz").phone("+14155550123").build();
        assertThatThrownBy(() -> Customers.event(ana, Instant.now(), Channel.CALL, Direction.OUTBOUND,
                LineOfBusiness.INSURANCE, null)).hasMessageStartingWith("event.outcome");
        assertThat(Customers.event(ana, Instant.now(), Channel.EMAIL, Direction.OUTBOUND, LineOfBusiness.INSURANCE, null)
                .outcome()).isNull();
    }

    @Test
    void customerNeedsANameAndValidEmails() {
        assertThatThrownBy(() -> Customers.customer(null, " ").build()).hasMessageStartingWith("customer.displayName");
        assertThatThrownBy(() -> Customers.customer("Ana", "Ruiz").email("not-an-address").build())
                .hasMessageContaining("not-an-address");
        assertThat(Customers.customer("Ana", "Ruiz").email(" Ana@Example.COM ").build().emails())
                .containsExactly("ana@example.com");
    }

    @Test
    void sourceSystemCodesAreCapitalIdentifiers() {
        assertThat(SourceSystem.RINGSIDE.code()).isEqualTo("RINGSIDE");
        assertThatThrownBy(() -> SourceSystem.of("policy admin")).hasMessageStartingWith("sourceSystem");
        assertThat(SourceSystem.of("P1_ADMIN").code()).isEqualTo("P1_ADMIN");
        assertThat(SourceSystem.of("A" + "B".repeat(39)).code()).hasSize(40);
        for (String bad : new String[] {"A", "1ABC", "_ABC", "ABC-D", "ABCÉ", "A" + "B".repeat(40)}) {
            assertThatThrownBy(() -> SourceSystem.of(bad)).as(bad).hasMessageContaining("capital letters");
        }
    }

    @Test
    void idsAreTimeOrderedVersion7() {
        var first = Ids.v7(1_000, new java.util.Random(1));
        var second = Ids.v7(2_000, new java.util.Random(1));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.toString()).isLessThan(second.toString());
    }
}
