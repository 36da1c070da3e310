package com.ringside.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Stored JSON bodies parsed once, found again by their text: a permit reads the same customer and the same recent
 * calls over and over, and parsing them costs far more than comparing the text. A body's text is all it depends on,
 * so nothing here can go stale; when full, the cache starts again empty.
 */
final class ParsedBodies<T> {
    private final Map<String, T> parsed = new ConcurrentHashMap<>();
    private final int capacity;
    private final Function<String, T> parser;

    ParsedBodies(int capacity, Function<String, T> parser) {
        this.capacity = capacity;
        this.parser = parser;
    }

    T parse(String body) {
        T known = parsed.get(body);
        if (known != null) {
            return known;
        }
        T fresh = parser.apply(body);
        if (parsed.size() >= capacity) {
            parsed.clear();
        }
        parsed.put(body, fresh);
        return fresh;
    }
}
