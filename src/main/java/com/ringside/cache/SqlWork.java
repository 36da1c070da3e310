package com.ringside.cache;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection, of the cache or of the master. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;

    /** Runs {@code work} as one transaction on {@code connection}: all of it is stored, or none. */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
