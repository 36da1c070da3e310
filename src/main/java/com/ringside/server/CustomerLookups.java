package com.ringside.server;

import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import com.ringside.identity.PersonNames;
import com.ringside.ingest.CustomerDirectory.Found;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.CustomerJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an import finds customers, for a chunk of rows at once: first the lookup rows (value and customer number, at
 * most so many a value, oldest first), then each customer they name once, however many of its rows were found.
 * Bodies are parsed for each chunk and not kept: kept for later chunks, they outlived young collections and were
 * copied into the old generation to die there (ADR 0020).
 */
final class CustomerLookups {
    /** Customers read for one phone number, e-mail address or name block: a household, a shared office line. */
    private static final int SHARED_LINK = 200;

    private final Dialect dialect;

    CustomerLookups(Dialect dialect) {
        this.dialect = dialect;
    }

    Found find(Connection connection, SourceSystem system, Set<String> sourceKeys, Set<PhoneNumber> phones,
               Set<String> emails, Set<String> nameBlocks) throws SQLException {
        Map<String, List<Long>> byKey = numbers(connection, "customer_source_key", "source_key", "source_system = ?",
                system.code(), sourceKeys, 1);
        Map<String, List<Long>> byPhone = numbers(connection, "customer_phone", "number", null, null,
                phones.stream().map(PhoneNumber::e164).collect(Collectors.toSet()), SHARED_LINK);
        Map<Boolean, Set<String>> wholeNames = nameBlocks.stream()
                .collect(Collectors.partitioningBy(PersonNames::isWholeName, Collectors.toSet()));
        Map<String, List<Long>> byBlock = numbers(connection, "customer_name_block", "block_key", null, null,
                wholeNames.get(false), SHARED_LINK);
        byBlock.putAll(numbers(connection, "customer_name_block", "block_key", null, null, wholeNames.get(true),
                PersonNames.COMMON_NAME + 1));
        Map<String, List<Long>> byEmail = numbers(connection, "customer_email", "email", null, null, emails, SHARED_LINK);
        Set<Long> named = new HashSet<>();
        for (Map<String, List<Long>> numbers : List.of(byKey, byPhone, byBlock, byEmail)) {
            numbers.values().forEach(named::addAll);
        }
        Map<Long, Customer> customers = customers(connection, named);

        Map<String, Customer> bySourceKey = new HashMap<>();
        found(byKey, customers).forEach((key, found) -> bySourceKey.put(key, found.get(0)));
        Map<PhoneNumber, List<Customer>> byNumber = new HashMap<>();
        found(byPhone, customers).forEach((number, found) -> byNumber.put(PhoneNumber.of(number), found));
        return new Found(bySourceKey, byNumber, found(byEmail, customers), found(byBlock, customers));
    }

    /**
     * The numbers of the customers with each of {@code values} in a lookup table's column (bound as one JSON array,
     * so the statement's text is the same whatever their number), at most {@code perValue} a value, oldest first.
     * {@code where} narrows with one more bound value.
     */
    private Map<String, List<Long>> numbers(Connection connection, String table, String column, String where,
                                            String whereValue, Set<String> values, int perValue) throws SQLException {
        Map<String, List<Long>> numbers = new HashMap<>();
        if (values.isEmpty()) {
            return numbers;
        }
        // Every row of a value is read, as a window numbering them would read them, but only from the index.
        String sql = "SELECT " + column + ", customer_num FROM " + table + " WHERE " + column + " IN ("
                + dialect.valuesOf + ")" + (where == null ? "" : " AND " + where)
                + " ORDER BY " + column + ", customer_num";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, WireCodec.write(values));
            if (where != null) {
                statement.setString(2, whereValue);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Long> valueNumbers = numbers.computeIfAbsent(rows.getString(1), v -> new ArrayList<>(1));
                    if (valueNumbers.size() < perValue) {
                        valueNumbers.add(rows.getLong(2));
                    }
                }
            }
        }
        return numbers;
    }

    /** The customers with {@code numbers} that are still there, by number. */
    private Map<Long, Customer> customers(Connection connection, Collection<Long> numbers) throws SQLException {
        Map<Long, Customer> customers = new HashMap<>();
        if (numbers.isEmpty()) {
            return customers;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT num, body FROM customer WHERE num IN (" + dialect.numbersOf + ")")) {
            statement.setString(1, WireCodec.write(numbers));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // not through a shared cache: an import reads far more customers than the permits' hot few
                    customers.put(rows.getLong(1),
                            WireCodec.customer(WireCodec.read(rows.getString(2), CustomerJson.class), "customer"));
                }
            }
        }
        return customers;
    }

    /** The customers of each value, oldest first; a value whose customers are all gone is left out. */
    private static Map<String, List<Customer>> found(Map<String, List<Long>> numbers, Map<Long, Customer> customers) {
        Map<String, List<Customer>> found = new HashMap<>();
        numbers.forEach((value, valueNumbers) -> {
            List<Customer> bearers = new ArrayList<>(valueNumbers.size());
            for (Long number : valueNumbers) {
                Customer customer = customers.get(number);
                if (customer != null) {
                    bearers.add(customer);
                }
            }
            if (!bearers.isEmpty()) {
                found.put(value, bearers);
            }
        });
        return found;
    }
}
