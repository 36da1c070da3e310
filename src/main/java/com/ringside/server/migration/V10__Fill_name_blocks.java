package com.ringside.server.migration;

import com.ringside.domain.Customer;
import com.ringside.identity.PersonNames;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the name blocks of the customers already stored. In Java, not SQL: the blocks are normalised names
 * ("Müller" and "MULLER" meet), which neither database's lower() does the way the importer does.
 */
public class V10__Fill_name_blocks extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement customers = connection.prepareStatement("SELECT id, body FROM customer");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO customer_name_block (block_key, customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            customers.setFetchSize(1_000);
            int pending = 0;
            try (ResultSet rows = customers.executeQuery()) {
                while (rows.next()) {
                    Customer customer = WireCodec.customer(WireCodec.read(rows.getString(2), CustomerJson.class), "customer");
                    for (String block : PersonNames.nameBlocks(customer.givenName(), customer.familyName(),
                            customer.birthDate())) {
                        insert.setString(1, block);
                        insert.setString(2, rows.getString(1));
                        insert.addBatch();
                        pending++;
                    }
                    if (pending >= 1_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
