package com.ringside.cache;

/**
 * What an agent typed, ready for the index: either a match expression, or no search with an optional hint
 * saying why ("Type at least 2 letters or digits.").
 */
public record SearchQuery(String matchExpression, String hint) {
    static SearchQuery of(String matchExpression) {
        return new SearchQuery(matchExpression, "");
    }

    static SearchQuery none(String hint) {
        return new SearchQuery(null, hint);
    }

    public boolean runnable() {
        return matchExpression != null;
    }
}
