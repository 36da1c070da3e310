package com.ringside.server;

import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import com.ringside.domain.Phone;
import com.ringside.identity.PersonNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rows beside each customer body that the master finds customers by — phone numbers, source-system keys,
 * e-mail addresses, name blocks — written in batches whenever customers are written. A customer written over the
 * version before, when that version is known, only has the rows that differ written.
 */
final class CustomerLinks implements AutoCloseable {
    private enum Table {
        PHONE("customer_phone", "number"),
        SOURCE_KEY("customer_source_key", "source_system", "source_key"),
        EMAIL("customer_email", "email"),
        NAME_BLOCK("customer_name_block", "block_key");

        final String name;
        final String[] keys;

        Table(String name, String... keys) {
            this.name = name;
            this.keys = keys;
        }
    }

    /** One row of one table, without the customer's number. */
    private record Link(Table table, List<String> key) {
    }

    private final List<PreparedStatement> unlinkAll = new ArrayList<>();
    private final List<PreparedStatement> unlinks = new ArrayList<>();
    private final List<PreparedStatement> links = new ArrayList<>();

    CustomerLinks(Connection connection) throws SQLException {
        for (Table table : Table.values()) {
            String keys = String.join(", ", table.keys);
            String match = String.join(" AND ", java.util.Arrays.stream(table.keys).map(k -> k + " = ?").toList());
            unlinkAll.add(connection.prepareStatement("DELETE FROM " + table.name + " WHERE customer_num = ?"));
            unlinks.add(connection.prepareStatement("DELETE FROM " + table.name + " WHERE " + match
                    + " AND customer_num = ?"));
            links.add(connection.prepareStatement("INSERT INTO " + table.name + " (" + keys + ", customer_num) VALUES ("
                    + "?, ".repeat(table.keys.length) + "?) ON CONFLICT DO NOTHING"));
        }
    }

    /**
     * {@code previous}: the customer as stored now, when known; null to rewrite every row of a later version.
     * {@code number}: the customer's number, which the rows name them by ({@link CustomerNumbers}).
     */
    void add(Customer customer, Customer previous, long number) throws SQLException {
        boolean changed = customer.version() > 1 && previous != null && previous.version() == customer.version() - 1;
        if (!changed) {
            if (customer.version() > 1) { // version 1 is a customer's first write: there is nothing to take away
                for (PreparedStatement unlink : unlinkAll) {
                    unlink.setLong(1, number);
                    unlink.addBatch();
                }
            }
            addAll(customer, number); // a row twice is written once: ON CONFLICT DO NOTHING
            return;
        }
        Set<Link> wanted = linksOf(customer);
        Set<Link> stored = linksOf(previous);
        for (Link link : stored) {
            if (!wanted.contains(link)) {
                bind(unlinks.get(link.table().ordinal()), link, number);
            }
        }
        wanted.removeAll(stored);
        for (Link link : wanted) {
            bind(links.get(link.table().ordinal()), link, number);
        }
    }

    /** Every row of the customer, as {@link #linksOf} gives them, bound straight away. */
    private void addAll(Customer customer, long number) throws SQLException {
        for (Phone phone : customer.phones()) {
            bind(Table.PHONE, number, phone.number().e164());
        }
        for (Account account : customer.accounts()) {
            bind(Table.SOURCE_KEY, number, account.sourceSystem().code(), account.sourceKey());
        }
        for (String email : customer.emails()) {
            bind(Table.EMAIL, number, email.strip().toLowerCase(Locale.ROOT));
        }
        for (String block : PersonNames.nameBlocks(customer.givenName(), customer.familyName(), customer.birthDate())) {
            bind(Table.NAME_BLOCK, number, block);
        }
    }

    private void bind(Table table, long number, String... key) throws SQLException {
        PreparedStatement statement = links.get(table.ordinal());
        int index = 1;
        for (String value : key) {
            statement.setString(index++, value);
        }
        statement.setLong(index, number);
        statement.addBatch();
    }

    private static Set<Link> linksOf(Customer customer) {
        Set<Link> links = new LinkedHashSet<>();
        for (Phone phone : customer.phones()) {
            links.add(new Link(Table.PHONE, List.of(phone.number().e164())));
        }
        for (Account account : customer.accounts()) {
            links.add(new Link(Table.SOURCE_KEY, List.of(account.sourceSystem().code(), account.sourceKey())));
        }
        for (String email : customer.emails()) {
            links.add(new Link(Table.EMAIL, List.of(email.strip().toLowerCase(Locale.ROOT))));
        }
        for (String block : PersonNames.nameBlocks(customer.givenName(), customer.familyName(), customer.birthDate())) {
            links.add(new Link(Table.NAME_BLOCK, List.of(block)));
        }
        return links;
    }

    private static void bind(PreparedStatement statement, Link link, long number) throws SQLException {
        int index = 1;
        for (String value : link.key()) {
            statement.setString(index++, value);
        }
        statement.setLong(index, number);
        statement.addBatch();
    }

    void execute() throws SQLException {
        for (PreparedStatement unlink : unlinkAll) {
            unlink.executeBatch();
        }
        for (PreparedStatement unlink : unlinks) {
            unlink.executeBatch();
        }
        for (PreparedStatement link : links) {
            link.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (List<PreparedStatement> statements : List.of(unlinkAll, unlinks, links)) {
            for (PreparedStatement statement : statements) {
                statement.close();
            }
        }
    }
}
