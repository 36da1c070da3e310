package com.ringside.server;

import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import com.ringside.domain.Phone;
import com.ringside.identity.PersonNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows beside each customer body that the master finds customers by — phone numbers, source-system keys,
 * e-mail addresses, name blocks — rewritten in batches whenever customers are written.
 */
final class CustomerLinks implements AutoCloseable {
    private static final String[] TABLES = {"customer_phone", "customer_source_key", "customer_email", "customer_name_block"};
    private static final String[] INSERTS = {
        "INSERT INTO customer_phone (number, customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        "INSERT INTO customer_source_key (source_system, source_key, customer_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        "INSERT INTO customer_email (email, customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        "INSERT INTO customer_name_block (block_key, customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING"};
    private final List<PreparedStatement> unlinks = new ArrayList<>();
    private final List<PreparedStatement> links = new ArrayList<>();

    CustomerLinks(Connection connection) throws SQLException {
        for (int i = 0; i < TABLES.length; i++) {
            unlinks.add(connection.prepareStatement("DELETE FROM " + TABLES[i] + " WHERE customer_id = ?"));
            links.add(connection.prepareStatement(INSERTS[i]));
        }
    }

    void add(Customer customer) throws SQLException {
        String id = customer.id().toString();
        if (customer.version() > 1) { // version 1 is a customer's first write: there is nothing to take away
            for (PreparedStatement unlink : unlinks) {
                unlink.setString(1, id);
                unlink.addBatch();
            }
        }
        for (Phone phone : customer.phones()) {
            link(0, phone.number().e164(), id);
        }
        for (Account account : customer.accounts()) {
            link(1, account.sourceSystem().code(), account.sourceKey(), id);
        }
        for (String email : customer.emails()) {
            link(2, email.strip().toLowerCase(java.util.Locale.ROOT), id);
        }
        for (String block : PersonNames.nameBlocks(customer.givenName(), customer.familyName(), customer.birthDate())) {
            link(3, block, id);
        }
    }

    private void link(int table, String... values) throws SQLException {
        PreparedStatement link = links.get(table);
        for (int i = 0; i < values.length; i++) {
            link.setString(i + 1, values[i]);
        }
        link.addBatch();
    }

    void execute() throws SQLException {
        for (PreparedStatement unlink : unlinks) {
            unlink.executeBatch();
        }
        for (PreparedStatement link : links) {
            link.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : unlinks) {
            statement.close();
        }
        for (PreparedStatement statement : links) {
            statement.close();
        }
    }
}
