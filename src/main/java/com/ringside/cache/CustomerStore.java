package com.ringside.cache;

import com.ringside.domain.Customer;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.domain.TimeZones;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.AccountJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Customers with their phones, e-mails and accounts, and the search index over them. */
public final class CustomerStore {
    private static final String INSERT = """
            INSERT INTO customer (id, version, given_name, family_name, display_name, birth_date, time_zone,
                                  do_not_call, do_not_call_reason, merged_into, created_at, updated_at, emails, accounts,
                                  seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE customer SET id = ?, version = ?, given_name = ?, family_name = ?, display_name = ?, birth_date = ?,
                time_zone = ?, do_not_call = ?, do_not_call_reason = ?, merged_into = ?, created_at = ?, updated_at = ?,
                emails = ?, accounts = ?
            WHERE seq = ?""";
    private static final int SEQ = 15;

    private final CacheDatabase database;

    public CustomerStore(CacheDatabase database) {
        this.database = database;
    }

    /** Stores the customers as given, replacing earlier versions, in one transaction. */
    public void saveAll(Collection<Customer> customers) {
        database.write(connection -> {
            saveAll(connection, customers);
            return null;
        });
    }

    /**
     * What a customer's row holds besides its plain columns: its search terms, and its e-mail addresses and accounts
     * as JSON. A sync works these out where it parses a page, so the thread that writes the cache does not have to.
     */
    public record Encoded(String searchTerms, String emails, String accounts) {
        public static Encoded of(Customer customer) {
            return new Encoded(SearchTerms.indexTerms(customer), WireCodec.write(customer.emails()),
                    WireCodec.write(WireCodec.accounts(customer.accounts())));
        }
    }

    /** Stores the customers within the caller's transaction; of two versions of one customer, the later wins. */
    public void saveAll(Connection connection, Collection<Customer> given) throws SQLException {
        saveAll(connection, given, Encoded::of);
    }

    /** As {@link #saveAll(Connection, Collection)}, with each customer's {@link Encoded} parts from {@code encoded}. */
    public void saveAll(Connection connection, Collection<Customer> given, Function<Customer, Encoded> encoded)
            throws SQLException {
        Map<UUID, Customer> customers = new LinkedHashMap<>();
        given.forEach(customer -> customers.put(customer.id(), customer));
        // Inside this write transaction no one else inserts, so new customers can be numbered here and inserted
        // in one batch instead of a round trip each.
        long nextSeq = lastSeq(connection) + 1;
        Map<String, Long> stored = storedSeqs(connection, customers.keySet());
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement update = connection.prepareStatement(UPDATE);
             PreparedStatement deletePhones = connection.prepareStatement("DELETE FROM phone WHERE customer_id = ?");
             PreparedStatement insertPhone = connection.prepareStatement(
                     "INSERT INTO phone (customer_id, number, type, opted_out, position) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement unindex = connection.prepareStatement("DELETE FROM customer_search WHERE rowid = ?");
             PreparedStatement index = connection.prepareStatement("INSERT INTO customer_search (rowid, terms) VALUES (?, ?)")) {
            for (Customer customer : customers.values()) {
                String id = customer.id().toString();
                Encoded parts = encoded.apply(customer);
                Long storedSeq = stored.get(id);
                long seq;
                if (storedSeq == null) {
                    seq = nextSeq++;
                    bind(insert, customer, parts);
                    insert.setLong(SEQ, seq);
                    insert.addBatch();
                } else {
                    // Only a customer stored before has rows and index terms to replace.
                    seq = storedSeq;
                    bind(update, customer, parts);
                    update.setLong(SEQ, seq);
                    update.executeUpdate();
                    deletePhones.setString(1, id);
                    deletePhones.executeUpdate();
                    unindex.setLong(1, seq);
                    unindex.executeUpdate();
                }
                int position = 0;
                for (Phone phone : customer.phones()) {
                    insertPhone.setString(1, id);
                    insertPhone.setString(2, phone.number().e164());
                    insertPhone.setString(3, phone.type().name());
                    insertPhone.setBoolean(4, phone.optedOut());
                    insertPhone.setInt(5, position++);
                    insertPhone.addBatch();
                }
                if (customer.mergedInto() == null) { // a record merged into another is found as that one
                    index.setLong(1, seq);
                    index.setString(2, parts.searchTerms());
                    index.addBatch();
                }
            }
            insert.executeBatch();
            insertPhone.executeBatch();
            index.executeBatch();
        }
    }

    /** Merges the search index into one segment; worth it after a bulk load, when queries would read many. */
    public void optimizeSearchIndex() {
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO customer_search (customer_search) VALUES ('optimize')")) {
                return statement.executeUpdate();
            }
        });
    }

    public Optional<Customer> find(UUID id) {
        return database.read(connection -> find(connection, id));
    }

    public boolean isEmpty() {
        return database.singleLong("SELECT EXISTS (SELECT 1 FROM customer)") == 0;
    }

    public long count() {
        return database.singleLong("SELECT count(*) FROM customer");
    }

    /** One page of the customers matching what the agent typed, ordered by name. */
    public SearchPage search(String typed, int offset, int limit) {
        SearchQuery query = SearchTerms.parse(typed);
        if (!query.runnable()) {
            return SearchPage.none(query.hint());
        }
        return database.read(connection -> CustomerSearch.run(connection, query, offset, limit));
    }

    /** Everyone this number belongs to (a household can share one), leaving out records merged into another. */
    public List<Customer> withNumber(PhoneNumber number) {
        return database.read(connection -> {
            List<Customer> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT DISTINCT p.customer_id FROM phone p JOIN customer c ON c.id = p.customer_id
                    WHERE p.number = ? AND c.merged_into IS NULL ORDER BY c.display_name LIMIT 50""")) {
                statement.setString(1, number.e164());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        find(connection, UUID.fromString(rows.getString(1))).ifPresent(found::add);
                    }
                }
            }
            return found;
        });
    }

    static Optional<Customer> find(Connection connection, UUID id) throws SQLException {
        String key = id.toString();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM customer WHERE id = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Customer(id, row.getLong("version"), row.getString("given_name"),
                        row.getString("family_name"), row.getString("display_name"),
                        parseDate(row.getString("birth_date")), parseZone(row.getString("time_zone")),
                        row.getBoolean("do_not_call"), row.getString("do_not_call_reason"),
                        parseUuid(row.getString("merged_into")), phones(connection, key),
                        List.of(WireCodec.read(row.getString("emails"), String[].class)),
                        WireCodec.accounts(List.of(WireCodec.read(row.getString("accounts"), AccountJson[].class)),
                                "accounts"),
                        Instant.ofEpochMilli(row.getLong("created_at")),
                        Instant.ofEpochMilli(row.getLong("updated_at"))));
            }
        }
    }

    /** The seq of each of {@code ids} stored before, by id: one query for a page rather than one per customer. */
    private static Map<String, Long> storedSeqs(Connection connection, Collection<UUID> ids) throws SQLException {
        StringBuilder list = new StringBuilder("[");
        for (UUID id : ids) {
            list.append(list.length() == 1 ? "\"" : ",\"").append(id).append('"');
        }
        list.append(']');
        Map<String, Long> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, seq FROM customer WHERE id IN (SELECT value FROM json_each(?))")) {
            statement.setString(1, list.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return stored;
    }

    private static long lastSeq(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM customer");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void bind(PreparedStatement statement, Customer customer, Encoded parts) throws SQLException {
        statement.setString(1, customer.id().toString());
        statement.setLong(2, customer.version());
        statement.setString(3, customer.givenName());
        statement.setString(4, customer.familyName());
        statement.setString(5, customer.displayName());
        statement.setString(6, customer.birthDate() == null ? null : customer.birthDate().toString());
        statement.setString(7, customer.timeZone() == null ? null : customer.timeZone().getId());
        statement.setBoolean(8, customer.doNotCall());
        statement.setString(9, customer.doNotCallReason());
        statement.setString(10, customer.mergedInto() == null ? null : customer.mergedInto().toString());
        statement.setLong(11, customer.createdAt().toEpochMilli());
        statement.setLong(12, customer.updatedAt().toEpochMilli());
        statement.setString(13, parts.emails());
        statement.setString(14, parts.accounts());
    }

    private static List<Phone> phones(Connection connection, String customerId) throws SQLException {
        return rows(connection, "SELECT number, type, opted_out FROM phone WHERE customer_id = ? ORDER BY position",
                customerId, row -> new Phone(PhoneNumber.of(row.getString(1)), PhoneType.valueOf(row.getString(2)),
                        row.getBoolean(3)));
    }

    /** The rows one customer owns in a child table, each made into a {@code T}. */
    private static <T> List<T> rows(Connection connection, String sql, String customerId, Row<T> row) throws SQLException {
        List<T> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(row.read(rows));
                }
            }
        }
        return items;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static LocalDate parseDate(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static ZoneId parseZone(String value) {
        return value == null ? null : TimeZones.named(value);
    }

    private static UUID parseUuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
