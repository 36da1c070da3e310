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

    static CustomerNumbers of(Connection connection, Dialect dialect, Collection<Customer> customers)
            throws SQLException {
        Map<UUID, Long> numbers = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        customers.forEach(customer -> ids.add(customer.id().toString()));
        if (!ids.isEmpty()) {
            try (PreparedStatement stored = connection.prepareStatement(
                    "SELECT id, num, version FROM customer WHERE id IN (" + dialect.valuesOf + ")")) {
                stored.setString(1, WireCodec.write(ids));
                try (ResultSet rows = stored.executeQuery()) {
                    while (rows.next()) {
                        UUID id = UUID.fromString(rows.getString(1));
                        numbers.put(id, rows.getLong(2));
                        versions.put(id, rows.getLong(3));
                        ids.remove(rows.getString(1));
                    }
                }
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement fresh = connection.prepareStatement(dialect.newCustomerNumbers)) {
                fresh.setInt(1, ids.size());
                try (ResultSet rows = fresh.executeQuery()) {
                    for (String id : ids) {
                        if (!rows.next()) {
                            throw new SQLException("the master gave fewer new customer numbers than asked for");
                        }
                        numbers.put(UUID.fromString(id), rows.getLong(1));
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
