package com.ringside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Names in plain ASCII take a quicker path to their normal form, and it is the same form. */
class PersonNamesProperties {
    @Property
    void anAsciiNameIsNormalisedAsAnyOtherWouldBe(@ForAll @CharRange(from = 0, to = 127) @StringLength(max = 40) String name) {
        assertThat(PersonNames.normalize(name)).isEqualTo(PersonNames.normalizeAnyScript(name));
    }

    @Example
    void accentsCapitalsAndPunctuationAreGone() {
        assertThat(PersonNames.normalize("  RUIZ,  Ána ")).isEqualTo("ruiz ana");
        assertThat(PersonNames.normalize("O'Neil-Smith")).isEqualTo("o neil smith");
        assertThat(PersonNames.normalize("Müller")).isEqualTo(PersonNames.normalize("MULLER"));
    }
}
