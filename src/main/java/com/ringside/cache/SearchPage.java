package com.ringside.cache;

import java.util.List;

/**
 * A page of search results. {@code total} counts matches up to the cap; {@code more} says the cap was reached.
 * {@code hint} explains an empty answer to a query that could not run.
 */
public record SearchPage(List<SearchHit> hits, int offset, int total, boolean more, String hint) {
    public SearchPage {
        hits = List.copyOf(hits);
    }

    static SearchPage none(String hint) {
        return new SearchPage(List.of(), 0, 0, false, hint);
    }
}
