package com.ringside.server;

import com.ringside.domain.Customer;
import com.ringside.wire.WireCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The numbers that the rows customers are found by name them by (ADR 0027), for customers about to be written: a
 * stored customer keeps theirs, a new one is given one no customer had before. Read in one query with the versions
 * the master holds.
 */
final class CustomerNumbers {
    private final Map<UUID, Long> numbers;
    private final Map<UUID, Long> storedVersions;

    private CustomerNumbers(Map<UUID, Long> numbers, Map<UUID, Long> storedVersions) {
        this.numbers = numbers;
        this.storedVersions = storedVersions;
    }

    /** For customers each of whom may be stored or new. */
    static CustomerNumbers of(Connection connection, Dialect dialect, Collection<Customer> customers)
            throws SQLException {
        return of(connection, dialect, customers, customers.stream().map(Customer::id).toList());
    }

    /**
     * For customers of whom only those in {@code stored} can be stored: the others are new, as in an import's
     * batch, and are not looked for.
     */
    static CustomerNumbers of(Connection connection, Dialect dialect, Collection<Customer> customers,
                              Collection<UUID> stored) throws SQLException {
        Map<UUID, Long> numbers = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        stored.forEach(id -> ids.add(id.toString()));
        if (!ids.isEmpty()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, num, version FROM customer WHERE id IN (" + dialect.valuesOf + ")")) {
                query.setString(1, WireCodec.write(ids));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = UUID.fromString(rows.getString(1));
                        numbers.put(id, rows.getLong(2));
                        versions.put(id, rows.getLong(3));
                    }
                }
            }
        }
        Set<UUID> fresh = new LinkedHashSet<>();
        for (Customer customer : customers) {
            if (!numbers.containsKey(customer.id())) {
                fresh.add(customer.id());
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement next = connection.prepareStatement(dialect.newCustomerNumbers)) {
                next.setInt(1, fresh.size());
                try (ResultSet rows = next.executeQuery()) {
                    for (UUID id : fresh) {
                        if (!rows.next()) {
                            throw new SQLException("the master gave fewer new customer numbers than asked for");
                        }
                        numbers.put(id, rows.getLong(1));
                    }
                }
            }
        }
        return new CustomerNumbers(numbers, versions);
    }

    long of(UUID customer) {
        return numbers.get(customer);
    }

    /** The version the master holds of the customer; none for a new one. */
    OptionalLong storedVersion(UUID customer) {
        Long version = storedVersions.get(customer);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }
}
