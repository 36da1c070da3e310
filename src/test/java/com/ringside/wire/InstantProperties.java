package com.ringside.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.domain.InvalidValueException;
import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Instants read through the quick path for the canonical form agree with the general parser, and bad ones fail. */
class InstantProperties {
    @Property
    void everyInstantWrittenIsReadBackExactly(@ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long millis) {
        Instant written = Instant.ofEpochMilli(millis);
        assertThat(WireCodec.instant("at", written.toString())).isEqualTo(written).isEqualTo(Instant.parse(written.toString()));
    }

    @Property
    void instantsWithMicrosOrNanosAreReadBackExactly(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
                                                     @ForAll @LongRange(min = 0, max = 999_999_999L) long nanos) {
        Instant written = Instant.ofEpochSecond(seconds, nanos);
        assertThat(WireCodec.instant("at", written.toString())).isEqualTo(written);
    }

    @Example
    void otherFormsTheGeneralParserAcceptsStillWork() {
        assertThat(WireCodec.instant("at", "2026-03-02T15:04:05.5Z")).isEqualTo(Instant.parse("2026-03-02T15:04:05.500Z"));
        assertThat(WireCodec.instant("at", " 2026-03-02T15:04:05.123456Z ")).isEqualTo(Instant.parse("2026-03-02T15:04:05.123456Z"));
        assertThat(WireCodec.instant("at", "2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(WireCodec.instant("at", "2026-03-02T15:04:05+01:00")).isEqualTo(Instant.parse("2026-03-02T14:04:05Z"));
        assertThat(WireCodec.instant("at", "2026-03-02T24:00:00Z")).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Example
    void impossibleDatesAndTimesAreRefusedWithTheField() {
        for (String bad : new String[] {"2026-02-30T10:00:00Z", "2025-02-29T10:00:00.000Z", "2026-13-01T10:00:00Z",
                "2026-03-02T15:60:00Z", "2026-0a-02T15:04:05Z", "yesterday"}) {
            assertThatThrownBy(() -> WireCodec.instant("event.occurredAt", bad))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("event.occurredAt");
        }
    }
}
