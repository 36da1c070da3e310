package com.ringside.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.ringside.domain.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {
    @Test
    void numbersAsPeopleWriteThemBecomeE164InTheDefaultRegion() {
        PhoneNormalizer us = new PhoneNormalizer("us");
        assertThat(us.normalize("(415) 555-0123")).contains(PhoneNumber.of("+14155550123"));
        assertThat(us.normalize("+44 20 7946 0958")).contains(PhoneNumber.of("+442079460958"));
        assertThat(new PhoneNormalizer("GB").normalize("020 7946 0958")).contains(PhoneNumber.of("+442079460958"));
    }

    @Test
    void aLookupAlsoTakesANumberOfPossibleLengthThatTheTablesDoNotKnow() {
        PhoneNormalizer us = new PhoneNormalizer("US");
        assertThat(us.normalize("+33 4 00 00 02 78")).as("not assigned in the tables").isEmpty();
        assertThat(us.forLookup("+33 4 00 00 02 78")).contains(PhoneNumber.of("+33400000278"));
        assertThat(us.forLookup("(415) 555-0123")).contains(PhoneNumber.of("+14155550123"));
        assertThat(us.forLookup("+33 4 00")).as("too short to be anyone's").isEmpty();
        assertThat(us.forLookup("reception")).isEmpty();
    }

    @Test
    void aNationalNumberLongerThanE164AllowsGivesNothingRatherThanFailing() {
        PhoneNormalizer us = new PhoneNormalizer("US");
        assertThat(us.normalize("+49609584209460958")).isEmpty();
        assertThat(us.forLookup("+49609584209460958")).isEmpty();
    }

    @Test
    void whatIsNotANumberGivesNothing() {
        PhoneNormalizer us = new PhoneNormalizer("US");
        assertThat(us.normalize("call me maybe")).isEmpty();
        assertThat(us.normalize("")).isEmpty();
        assertThat(us.normalize("4".repeat(10_000))).isEmpty();
        assertThatThrownBy(() -> new PhoneNormalizer("XX")).hasMessageContaining("Unknown phone region");
    }

    @Test
    void digitFormsAndRegionComeFromTheNumber() {
        assertThat(PhoneNormalizer.searchDigits(PhoneNumber.of("+442079460958")))
                .containsExactly("442079460958", "2079460958", "02079460958");
        assertThat(PhoneNormalizer.regionOf(PhoneNumber.of("+33142685300"))).isEqualTo("FR");
        assertThat(PhoneNormalizer.display(PhoneNumber.of("+14155550123"))).isEqualTo("+1 415-555-0123");
    }

    @Test
    void searchDigitsAndRegionsAreWhatParsingEveryRegionsExampleNumbersGives() throws NumberParseException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<String> examples = ExampleNumbers.all();
        for (String e164 : examples) {
            Phonenumber.PhoneNumber parsed = util.parse(e164, "ZZ");
            Set<String> expected = new LinkedHashSet<>();
            expected.add(e164.substring(1));
            expected.add(util.getNationalSignificantNumber(parsed));
            expected.add(util.format(parsed, PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", ""));
            expected.remove("");
            assertThat(PhoneNormalizer.searchDigits(PhoneNumber.of(e164))).as(e164).containsExactlyElementsOf(expected);
            String region = util.getRegionCodeForNumber(parsed);
            assertThat(PhoneNormalizer.regionOf(PhoneNumber.of(e164))).as(e164).isEqualTo(region == null ? "ZZ" : region);
        }
        assertThat(examples).hasSizeGreaterThan(1_000);
    }

    @Test
    void readingANumberGivesWhatNormalizingItAndItsZonesGiveForEveryRegionsExampleNumbers() throws NumberParseException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneZones zones = new PhoneZones();
        int read = 0;
        for (String region : List.of("US", "GB", "FR", "DE", "IN", "BR", "MX", "AU")) {
            PhoneNormalizer normalizer = new PhoneNormalizer(region);
            for (String e164 : ExampleNumbers.all()) {
                Phonenumber.PhoneNumber parsed = util.parse(e164, "ZZ");
                for (String written : List.of(e164, util.format(parsed, PhoneNumberFormat.INTERNATIONAL),
                        util.format(parsed, PhoneNumberFormat.NATIONAL), "not a number")) {
                    Optional<PhoneNumber> expected = normalizer.normalize(written);
                    assertThat(normalizer.read(written).map(PhoneNormalizer.Read::number)).as(written).isEqualTo(expected);
                    if (expected.isPresent()) {
                        read++;
                        assertThat(normalizer.read(written).orElseThrow().zones()).as(written)
                                .isEqualTo(zones.zonesFor(expected.get()));
                    }
                }
            }
        }
        assertThat(read).isGreaterThan(8_000);
    }
}
