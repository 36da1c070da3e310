package com.ringside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * North American numbers in the writings extracts use are read off their digits, to exactly what the numbering
 * tables' parser reads; every other writing, and every region whose numbers are not North American, is left to it.
 */
class NorthAmericanNumbersProperties {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Property(tries = 20_000)
    void aNumberReadOffItsDigitsIsTheOneTheTablesParserReads(@ForAll("writings") String written,
                                                              @ForAll("regions") String region) {
        Phonenumber.PhoneNumber read = new PhoneNormalizer(region).northAmerican(written);
        Statistics.label("read off its digits").collect(read != null);
        if (read != null) {
            assertThat(read.exactlySameAs(parsed(written, region))).as("%s in %s", written, region).isTrue();
        }
    }

    @Property(tries = 5_000)
    void readingGivesWhatNormalizingGives(@ForAll("writings") String written, @ForAll("regions") String region) {
        PhoneNormalizer normalizer = new PhoneNormalizer(region);
        assertThat(normalizer.read(written).map(PhoneNormalizer.Read::number)).as("%s in %s", written, region)
                .isEqualTo(normalizer.normalize(written));
    }

    @Example
    void theCommonWritingsAreReadOffTheirDigitsInNorthAmericaOnly() {
        for (String region : List.of("US", "CA")) {
            PhoneNormalizer normalizer = new PhoneNormalizer(region);
            for (String written : List.of("(415) 555-0123", "415-555-0123", "415.555.0123", "4155550123",
                    "+1 415 555 0123", "1 (415) 555-0123", "+14155550123")) {
                assertThat(normalizer.northAmerican(written)).as("%s in %s", written, region)
                        .isNotNull().matches(read -> read.exactlySameAs(parsed(written, region)));
            }
            for (String written : List.of("415-555-0123 ext. 12", "+44 20 7946 0958", "555-0123", "(415) 555-0123#",
                    "0114155550123", "415 555 0123 / 0124", "1 015 555 0123")) {
                assertThat(normalizer.northAmerican(written)).as("%s in %s", written, region).isNull();
            }
        }
        assertThat(new PhoneNormalizer("GB").northAmerican("4155550123")).isNull();
    }

    @Provide
    Arbitrary<String> regions() {
        List<String> regions = new ArrayList<>(UTIL.getRegionCodesForCountryCode(1));
        regions.addAll(List.of("GB", "FR", "DE", "MX", "IN"));
        return Arbitraries.of(regions);
    }

    /** Digits as numbers are written, with separators anywhere, sometimes a plus, sometimes something else. */
    @Provide
    Arbitrary<String> writings() {
        Arbitrary<String> digits = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(13),
                Arbitraries.strings().numeric().ofLength(10),
                Arbitraries.strings().numeric().ofLength(10).map(ten -> "1" + ten),
                Arbitraries.strings().withCharRange('2', '9').ofLength(1)
                        .flatMap(first -> Arbitraries.strings().numeric().ofLength(9).map(rest -> first + rest)));
        // '_' puts nothing before a digit
        Arbitrary<List<Character>> separators = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just('_')), Tuple.of(6, Arbitraries.of(' ', '-')),
                Tuple.of(3, Arbitraries.of('.', '(', ')')),
                Tuple.of(1, Arbitraries.of('+', 'x', '#', '/', ',', ';', 'e')))
                .list().ofMaxSize(14);
        Arbitrary<Boolean> plus = Arbitraries.of(true, false);
        return Combinators.combine(digits, separators, plus).as((number, between, leadingPlus) -> {
            StringBuilder written = new StringBuilder(leadingPlus ? "+" : "");
            for (int i = 0; i < number.length(); i++) {
                if (i < between.size() && between.get(i) != '_') {
                    written.append(between.get(i));
                }
                written.append(number.charAt(i));
            }
            if (between.size() > number.length() && between.get(number.length()) != '_') {
                written.append(between.get(number.length()));
            }
            return written.toString();
        });
    }

    private static Phonenumber.PhoneNumber parsed(String written, String region) {
        try {
            return UTIL.parse(written, region);
        } catch (NumberParseException notANumber) {
            return null;
        }
    }
}
