package com.ringside.cti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What telephony reports as the other party, reduced to a number the desk can look up, or nothing. */
class CallerIdTest {
    @Test
    void theNumberIsTakenFromSipAndTelUrisAndDisplayForms() {
        assertThat(CallerId.numberIn("sip:+14155550123@127.0.0.1:5170")).contains("+14155550123");
        assertThat(CallerId.numberIn("\"Ana Ruiz\" <sip:+14155550123@pbx.example.com;user=phone>")).contains("+14155550123");
        assertThat(CallerId.numberIn("tel:+44-20-7946-0958")).contains("+44-20-7946-0958");
        assertThat(CallerId.numberIn("callto://+14155550123")).contains("+14155550123");
        assertThat(CallerId.numberIn("  (415) 555-0123 ")).contains("(415) 555-0123");
    }

    @Test
    void withheldEmptyAndNonsenseCallerIdsGiveNoNumber() {
        assertThat(CallerId.numberIn(null)).isEmpty();
        assertThat(CallerId.numberIn("")).isEmpty();
        assertThat(CallerId.numberIn("sip:anonymous@anonymous.invalid")).isEmpty();
        assertThat(CallerId.numberIn("Restricted")).isEmpty();
        assertThat(CallerId.numberIn("sip:reception@pbx.example.com")).isEmpty();
        assertThat(CallerId.numberIn("1".repeat(10_000))).isEmpty();
    }

    @Test
    void aWithheldNumberIsToldApartFromACallerIdThatIsNoNumber() {
        assertThat(CallerId.withheld("sip:anonymous@anonymous.invalid")).isTrue();
        assertThat(CallerId.withheld("\"Private\" <sip:private@pbx>")).isTrue();
        assertThat(CallerId.withheld("")).isTrue();
        assertThat(CallerId.withheld("ACME SALES")).isFalse();
        assertThat(CallerId.withheld("sip:reception@pbx.example.com")).isFalse();
        assertThat(CallerId.asShown("1".repeat(10_000))).hasSize(CallerId.MAX_LENGTH + 1).endsWith("…");
        assertThat(CallerId.asShown("ACME\nSALES")).isEqualTo("ACME SALES");
        assertThat(CallerId.asShown("\"ACME SALES\" <sip:sales@acme.example>")).isEqualTo("ACME SALES");
        assertThat(CallerId.asShown("<sip:reception@pbx.example.com>")).isEqualTo("reception");
        assertThat(CallerId.displayName("\"Ana Ruiz\" <sip:+14155550123@pbx>")).contains("Ana Ruiz");
        assertThat(CallerId.displayName("\"Anonymous\" <sip:anonymous@anonymous.invalid>")).isEmpty();
        assertThat(CallerId.displayName("+14155550123")).isEmpty();
    }
}
