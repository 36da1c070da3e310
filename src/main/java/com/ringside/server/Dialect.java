package com.ringside.server;

/** What differs between the two master back ends; everything else is the same SQL. */
enum Dialect {
    /** Writers are serialised by the database, so commit order is seq order and txid can stay 0. */
    SQLITE("0", "9223372036854775807", "", "SELECT value FROM json_each(?)", "SELECT value FROM json_each(?)",
            "WITH RECURSIVE n (num) AS (SELECT coalesce(max(num), 0) + 1 FROM customer"
                    + " UNION ALL SELECT num + 1 FROM n LIMIT ?) SELECT num FROM n"),
    /**
     * Writers run concurrently: a change is ordered by its transaction id and offered only once every
     * transaction that could still commit before it has finished.
     */
    POSTGRESQL("pg_current_xact_id()::text::bigint", "pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
            " FOR UPDATE", "SELECT json_array_elements_text(CAST(? AS json))",
            "SELECT CAST(json_array_elements_text(CAST(? AS json)) AS bigint)",
            "SELECT nextval('customer_num') FROM generate_series(1, ?)");

    final String currentTxid;
    final String feedHorizon;
    final String lockClause;
    /** The strings of one bound JSON array as rows of one column: any number of values in one parameter. */
    final String valuesOf;
    /** The same for the numbers of one bound JSON array. */
    final String numbersOf;
    /**
     * So many numbers for new customers, none given before. SQLite's writers are serialised, so the highest is
     * read; PostgreSQL's run side by side and draw from a sequence.
     */
    final String newCustomerNumbers;

    Dialect(String currentTxid, String feedHorizon, String lockClause, String valuesOf, String numbersOf,
            String newCustomerNumbers) {
        this.currentTxid = currentTxid;
        this.feedHorizon = feedHorizon;
        this.lockClause = lockClause;
        this.valuesOf = valuesOf;
        this.numbersOf = numbersOf;
        this.newCustomerNumbers = newCustomerNumbers;
    }

    /** This back end's SQL migrations, and the Java ones both share. */
    String[] migrations() {
        return new String[] {"classpath:db/master/" + name().toLowerCase(java.util.Locale.ROOT),
            "classpath:com/ringside/server/migration"};
    }
}
