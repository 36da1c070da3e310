package com.ringside.cache;

import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.PhoneNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs a search against the index. Matches are capped at {@link #MAX_MATCHES} before they are sorted by name,
 * so a query that matches half the company costs the same as one that matches a household; the page then
 * says there are more and the agent types on.
 */
final class CustomerSearch {
    static final int MAX_MATCHES = 1_000;

    /**
     * One pass over the index: the matches are materialised once, counted, and the page is cut before the
     * per-row phone and line look-ups, so those run for 50 rows, not 1,000.
     */
    private static final String PAGE = """
            WITH matched AS MATERIALIZED (SELECT rowid AS seq FROM customer_search WHERE customer_search MATCH ? LIMIT ?),
                 page AS (SELECT c.id, c.display_name, c.do_not_call, c.accounts, c.seq
                          FROM matched JOIN customer c ON c.seq = matched.seq
                          ORDER BY c.display_name COLLATE NOCASE, c.seq LIMIT ? OFFSET ?)
            SELECT page.id, page.display_name, page.do_not_call,
                   (SELECT group_concat(number, ' ') FROM (SELECT number FROM phone p WHERE p.customer_id = page.id
                                                            ORDER BY position)) AS numbers,
                   (SELECT group_concat(DISTINCT a.value ->> 'lineOfBusiness') FROM json_each(page.accounts) a) AS lines,
                   (SELECT count(*) FROM matched) AS total
            FROM page
            ORDER BY page.display_name COLLATE NOCASE, page.seq""";

    private CustomerSearch() {
    }

    static SearchPage run(Connection connection, SearchQuery query, int offset, int limit) throws SQLException {
        int total = -1;
        List<SearchHit> hits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setString(1, query.matchExpression());
            statement.setInt(2, MAX_MATCHES + 1);
            statement.setInt(3, limit);
            statement.setInt(4, offset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    total = rows.getInt("total");
                    hits.add(new SearchHit(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getBoolean(3),
                            split(rows.getString(4), " ").stream().map(PhoneNumber::of).toList(),
                            split(rows.getString(5), ",").stream().map(LineOfBusiness::valueOf).sorted().toList()));
                }
            }
        }
        if (total < 0) {
            total = offset == 0 ? 0 : countMatches(connection, query);
        }
        return new SearchPage(hits, offset, Math.min(total, MAX_MATCHES), total > MAX_MATCHES, "");
    }

    private static int countMatches(Connection connection, SearchQuery query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM customer_search WHERE customer_search MATCH ? LIMIT ?)")) {
            statement.setString(1, query.matchExpression());
            statement.setInt(2, MAX_MATCHES + 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
    }
}
