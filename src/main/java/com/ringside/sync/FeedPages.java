package com.ringside.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.ringside.cache.AgentStore.Agent;
import com.ringside.cache.SyncStore.Page;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.AgentJson;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.EventJson;
import com.ringside.wire.WireRecords.RuleJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a page of the master's change feed (GET /changes) as it streams in, into values the cache can apply. */
public final class FeedPages {
    /** Built once: a first sync reads millions of bodies, and each plain read looks its deserializer up again. */
    private static final ObjectReader CUSTOMERS = WireCodec.JSON.readerFor(CustomerJson.class);
    private static final ObjectReader EVENTS = WireCodec.JSON.readerFor(EventJson.class);

    private FeedPages() {
    }

    /** A page of the feed, with the master's id and the cursor after it. */
    public record Pulled(UUID masterId, Page page, long last, boolean more) {
    }

    public static Pulled read(InputStream body) throws IOException {
        List<Customer> customers = new ArrayList<>();
        List<ContactEvent> events = new ArrayList<>();
        List<ContactEvent> withdrawn = new ArrayList<>();
        List<ContactRule> rules = new ArrayList<>();
        List<ContactRule> retired = new ArrayList<>();
        List<Agent> agents = new ArrayList<>();
        UUID masterId = null;
        long last = 0;
        boolean more = false;
        try (JsonParser json = WireCodec.JSON.getFactory().createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "masterId" -> masterId = UUID.fromString(json.getText());
                    case "last" -> last = json.getLongValue();
                    case "more" -> more = json.getBooleanValue();
                    case "changes" -> {
                        expect(json.currentToken(), JsonToken.START_ARRAY);
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            readChange(json, customers, events, withdrawn, rules, retired, agents);
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }
        if (masterId == null) {
            throw new MasterUnreachableException("The master's page had no masterId", null);
        }
        return new Pulled(masterId, new Page(customers, events, withdrawn, rules, retired, agents), last, more);
    }

    private static void readChange(JsonParser json, List<Customer> customers, List<ContactEvent> events,
                                   List<ContactEvent> withdrawn, List<ContactRule> rules, List<ContactRule> retired,
                                   List<Agent> agents)
            throws IOException {
        String kind = null;
        String op = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "kind" -> kind = json.getText();
                case "op" -> op = json.getText();
                case "body" -> {
                    if (json.currentToken() == JsonToken.VALUE_NULL || kind == null) {
                        json.skipChildren();
                        continue;
                    }
                    switch (kind) {
                        case "customer" -> customers.add(WireCodec.customer(CUSTOMERS.readValue(json), "customer"));
                        case "event" -> ("DELETE".equals(op) ? withdrawn : events)
                                .add(WireCodec.event(EVENTS.readValue(json), "event"));
                        case "rule" -> ("DELETE".equals(op) ? retired : rules)
                                .add(WireCodec.rule(json.readValueAs(RuleJson.class), "rule"));
                        case "agent" -> {
                            AgentJson agent = json.readValueAs(AgentJson.class);
                            agents.add(new Agent(UUID.fromString(agent.id()), agent.displayName(), agent.team()));
                        }
                        default -> json.skipChildren();
                    }
                }
                default -> json.skipChildren();
            }
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new MasterUnreachableException("The master's page is not in the expected shape", null);
        }
    }
}
