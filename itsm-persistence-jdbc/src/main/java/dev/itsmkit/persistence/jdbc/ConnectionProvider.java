package dev.itsmkit.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands the stores the connection of the application's current transaction, so that a unit of work
 * commits or rolls back with the application's own work. With Spring, for example:
 * {@code () -> DataSourceUtils.getConnection(dataSource)}.
 *
 * <p>The stores never commit, roll back, close or change the auto-commit mode of a connection they
 * receive here. A unit of work runs inside a savepoint of it, so a refused unit of work (a stale
 * version, say) is rolled back to that savepoint and leaves the application's transaction usable.
 * A connection in auto-commit mode (no transaction open) is used for one transaction of the stores' own
 * and then put back in auto-commit mode.
 *
 * <p>Must be thread-safe: each thread receives the connection of its own transaction.
 */
@FunctionalInterface
public interface ConnectionProvider {
    /**
     * Returns the connection of the calling thread's current transaction.
     *
     * @return an open connection, which the stores will not close
     * @throws SQLException if no connection can be had
     */
    Connection connection() throws SQLException;
}
