package dev.permafrost.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One migration's transaction, as its database runs one: see {@link Dialect#begin}. */
public interface MigrationTransaction {

    /** What would break if this transaction committed now (SQLite: foreign keys after a rebuild); empty if nothing. */
    default List<String> violations() throws SQLException {
        return List.of();
    }

    void commit() throws SQLException;

    void rollback() throws SQLException;

    /** Restores what beginning changed on the connection; called after commit or rollback, never throws. */
    default void close() {
    }

    /** A JDBC transaction: auto-commit off until it ends. */
    static MigrationTransaction jdbc(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        return new MigrationTransaction() {
            @Override
            public void commit() throws SQLException {
                connection.commit();
                connection.setAutoCommit(true);
            }

            @Override
            public void rollback() throws SQLException {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        };
    }
}
