package com.ringside.cache;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The quick path for plain ASCII text folds exactly as the Unicode path does, so no customer becomes unfindable. */
class SearchTermsProperties {
    @Property
    void asciiTextFoldsAsTheUnicodePathFoldsIt(
            @ForAll @StringLength(max = 30) @CharRange(from = 0, to = 127) String text) {
        assertThat(SearchTerms.fold(text)).isEqualTo(SearchTerms.foldUnicode(text));
    }

    @Property
    void namesAreIndexedByEveryWordAndPart(
            @ForAll @StringLength(min = 1, max = 24) @CharRange(from = 'a', to = 'z') @Chars({' ', '-', '\'', '\t', '.'})
            String family) {
        String terms = SearchTerms.indexText(customer("Ana", family).phone("+14155550123").build());
        Set<String> expected = new LinkedHashSet<>();
        for (String word : family.split("\\s+")) {
            expected.add(SearchTerms.foldUnicode(word));
            Arrays.stream(word.split("[^\\p{L}\\p{N}]+")).map(SearchTerms::foldUnicode).forEach(expected::add);
        }
        expected.remove("");
        assertThat(List.of(terms.split(" "))).containsAll(expected);
    }

    @Example
    void accentsAndPunctuationFoldAwayInBothPaths() {
        String terms = SearchTerms.indexText(customer("José", "O'Brien-Núñez").email("j.obrien@example.com")
                .phone("+442079460958").build());
        assertThat(terms.split(" ")).contains("jose", "obriennunez", "obrien", "nunez", "o", "brien", "jobrien",
                "442079460958", "2079460958", "02079460958");
    }
}
