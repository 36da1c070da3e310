package com.ringside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.ringside.domain.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneZonesTest {
    private final PhoneZones zones = new PhoneZones();

    @Test
    void aNumbersCountryIsTheOneItRingsInEvenWhereCountriesShareACallingCode() {
        assertThat(zones.countryOf(PhoneNumber.of("+14155550123"))).isEqualTo("US");
        assertThat(zones.countryOf(PhoneNumber.of("+14165550123"))).as("Toronto shares +1 with the US").isEqualTo("CA");
        assertThat(zones.countryOf(PhoneNumber.of("+18765550123"))).isEqualTo("JM");
        assertThat(zones.countryOf(PhoneNumber.of("+14155550199"))).as("asked again, from what is remembered").isEqualTo("US");
        assertThat(zones.countryOf(PhoneNumber.of("+442079460123"))).isEqualTo("GB");
        assertThat(zones.countryOf(PhoneNumber.of("+441481256789"))).as("Guernsey inside +44").isEqualTo("GG");
        assertThat(zones.countryOf(PhoneNumber.of("+442079460124"))).isEqualTo("GB");
        assertThat(zones.countryOf(PhoneNumber.of("+33142685300"))).isEqualTo("FR");
        assertThat(zones.countryOf(PhoneNumber.of("+33612345678"))).isEqualTo("FR");
    }

    @Test
    void anInvalidNumberHasNoCountryAndDoesNotDecideForItsNeighbours() {
        assertThat(zones.countryOf(PhoneNumber.of("+14150000000"))).isEqualTo("ZZ");
        assertThat(zones.countryOf(PhoneNumber.of("+14155550123"))).isEqualTo("US");
        assertThat(zones.countryOf(PhoneNumber.of("+999123456789"))).isEqualTo("ZZ");
    }

    @Test
    void zonesComeFromTheNumbersPrefix() {
        assertThat(zones.zonesFor(PhoneNumber.of("+14155550123"))).containsExactly(ZoneId.of("America/Los_Angeles"));
        assertThat(zones.zonesFor(PhoneNumber.of("+33142685300"))).containsExactly(ZoneId.of("Europe/Paris"));
    }

    @Test
    void zonesAreWhatParsingEveryRegionsExampleNumbersGives() throws NumberParseException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String e164 : ExampleNumbers.all()) {
            List<ZoneId> expected = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(util.parse(e164, "ZZ"))
                    .stream().filter(id -> ZoneId.getAvailableZoneIds().contains(id)).map(ZoneId::of).toList();
            assertThat(zones.zonesFor(PhoneNumber.of(e164))).as(e164).isEqualTo(expected);
        }
    }
}
