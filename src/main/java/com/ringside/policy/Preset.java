package com.ringside.policy;

import com.ringside.domain.ContactRule;
import com.ringside.domain.Ids;
import java.util.UUID;
import java.util.function.Function;

/** A rule a supervisor applies in one click: its name, the text it encodes, and the rule it makes. */
public record Preset(String key, String title, String source, Function<UUID, ContactRule> maker) {
    public ContactRule newRule() {
        return maker.apply(Ids.newId());
    }
}
