package com.ringside.cache;

import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.domain.LineOfBusiness;
import java.time.LocalDate;
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

    /**
     * Every query word is matched as a prefix, so the index may leave out a word that starts another: a customer must
     * still be found by every prefix of every one of its words, and by nothing its words would not find.
     */
    @Property
    void theIndexFindsACustomerByExactlyWhatItsWordsFindItBy(
            @ForAll @StringLength(min = 1, max = 24) @CharRange(from = 'a', to = 'e') @Chars({' ', '-', '.', 'é', '7'})
            String given,
            @ForAll @StringLength(min = 1, max = 24) @CharRange(from = 'a', to = 'e') @Chars({' ', '-', '\'', '8'})
            String family,
            @ForAll @StringLength(min = 1, max = 12) @CharRange(from = 'a', to = 'e') @Chars({'.', '-', '9'})
            String mailbox) {
        Customer customer = customer("Ana" + given, family).email(mailbox + "@example.com").phone("+14155550123")
                .account(LineOfBusiness.ORDERS, "WEB_SHOP", family + "-1", LocalDate.of(2024, 1, 2)).build();
        Set<String> words = Set.of(SearchTerms.indexText(customer).split(" "));
        List<String> indexed = List.of(SearchTerms.indexTerms(customer).split(" "));

        assertThat(words).containsAll(indexed);
        for (String word : words) {
            for (int length = 1; length <= word.length(); length++) {
                String prefix = word.substring(0, length);
                assertThat(indexed).as("a word starting with '%s'", prefix).anyMatch(term -> term.startsWith(prefix));
            }
        }
    }

    @Example
    void accentsAndPunctuationFoldAwayInBothPaths() {
        String terms = SearchTerms.indexText(customer("José", "O'Brien-Núñez").email("j.obrien@example.com")
                .phone("+442079460958").build());
        assertThat(terms.split(" ")).contains("jose", "obriennunez", "obrien", "nunez", "o", "brien", "jobrien",
                "442079460958", "2079460958", "02079460958");
    }
}
