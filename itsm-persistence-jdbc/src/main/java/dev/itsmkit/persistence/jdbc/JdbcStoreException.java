package dev.itsmkit.persistence.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database failed: a connection could not be had, a statement failed for a reason other than a
 * refused unit of work, or stored data could not be read back. Whatever the stores were doing was rolled
 * back (to the savepoint, in an application's transaction). Often transient: retrying may succeed.
 *
 * <p>A refused unit of work is not this exception but
 * {@link dev.itsmkit.persistence.ConcurrentUpdateException} or {@link IllegalArgumentException}, as the
 * SPI defines.
 */
public final class JdbcStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the stores were doing
     * @param cause the driver's exception, or another failure
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /**
     * Returns the SQLState of the underlying {@link SQLException}, if there is one.
     *
     * @return the SQLState, or empty
     */
    public Optional<String> sqlState() {
        return getCause() instanceof SQLException e ? Optional.ofNullable(e.getSQLState()) : Optional.empty();
    }
}
