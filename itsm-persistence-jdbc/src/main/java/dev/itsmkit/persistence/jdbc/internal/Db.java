package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.persistence.jdbc.ConnectionProvider;
import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Where the stores get their connections and how their transactions run. Work that belongs to a
 * command (units of work and reads) goes to the application's transaction when a
 * {@link ConnectionProvider} is given, otherwise to a transaction of our own; work of the background
 * queues (timer claims, outbox delivery, ticket numbers) always runs in our own transactions, on
 * connections of the data source.
 */
public final class Db {
    /**
     * A piece of work on a connection.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Runs the work.
         *
         * @param c the connection
         * @return the result
         * @throws SQLException if a statement fails
         */
        T run(Connection c) throws SQLException;
    }

    final DataSource dataSource;
    final JdbcDialect dialect;
    private final @Nullable ConnectionProvider application;
    /** The trails' last events, kept only when every transaction is ours (so every fact kept is committed). */
    final ChainHeads heads = new ChainHeads();
    /** What the index rows of recently written tickets hold, kept under the same condition as {@link #heads}. */
    final IndexRows indexRows = new IndexRows();

    /**
     * Creates the access.
     *
     * @param dataSource connections for our own transactions
     * @param dialect the database
     * @param application the application's transactional connections, or null to run our own transactions
     */
    public Db(DataSource dataSource, JdbcDialect dialect, @Nullable ConnectionProvider application) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.application = application;
    }

    /**
     * Reads, in the application's transaction if there is one.
     *
     * @param what what is being done, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    public <T> T read(String what, Work<T> work) {
        try {
            if (application != null) {
                return work.run(application.connection());
            }
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException(what, e);
        }
    }

    /**
     * Writes atomically: in a savepoint of the application's transaction if there is one, else in a
     * transaction of our own. On any failure, everything the work wrote is rolled back.
     *
     * @param what what is being done, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     * @throws SqlFailure if a statement failed; the caller maps it to the SPI's exceptions
     */
    <T> T write(String what, Work<T> work) throws SqlFailure {
        if (application == null) {
            return own(what, work);
        }
        Connection c;
        try {
            c = application.connection();
            if (c.getAutoCommit()) {
                return transaction(c, work);
            }
        } catch (SQLException e) {
            throw new SqlFailure(what, e);
        }
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            throw new SqlFailure(what, e);
        }
        try {
            T result = work.run(c);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            rollbackTo(c, savepoint, e);
            throw new SqlFailure(what, e);
        } catch (RuntimeException | Error e) {
            rollbackTo(c, savepoint, e);
            throw e;
        }
    }

    /**
     * Whether {@link #heads} and {@link #indexRows} may be read and written: only when the stores run their own
     * transactions.
     *
     * @return true without application transactions
     */
    boolean keepsChainHeads() {
        return application == null;
    }

    /**
     * Writes with work that sends one statement (a {@link Pipeline} of them counts as one): in auto-commit
     * mode without application transactions, where the statement is its own transaction and no BEGIN or
     * COMMIT is sent; else as {@link #write}.
     *
     * @param what what is being done, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     * @throws SqlFailure if the statement failed; nothing it did is kept
     */
    <T> T writeOneStatement(String what, Work<T> work) throws SqlFailure {
        return application == null ? single(what, work) : write(what, work);
    }

    private static void rollbackTo(Connection c, Savepoint savepoint, Throwable failure) {
        try {
            c.rollback(savepoint);
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /**
     * Runs work in a transaction of our own, on a connection of the data source.
     *
     * @param what what is being done, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     * @throws SqlFailure if a statement failed
     */
    <T> T own(String what, Work<T> work) throws SqlFailure {
        try (Connection c = dataSource.getConnection()) {
            return transaction(c, work);
        } catch (SQLException e) {
            throw new SqlFailure(what, e);
        }
    }

    /**
     * Runs work of one statement (or of statements each of which may commit alone) on a connection of the
     * data source in auto-commit mode: no BEGIN and COMMIT round trips.
     *
     * @param what what is being done, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     * @throws SqlFailure if a statement failed
     */
    <T> T single(String what, Work<T> work) throws SqlFailure {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new SqlFailure(what, e);
        }
    }

    /**
     * Runs work of one statement in auto-commit mode and turns a failure into a {@link JdbcStoreException}.
     *
     * @param what what is being done
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    <T> T singleOrFail(String what, Work<T> work) {
        try {
            return single(what, work);
        } catch (SqlFailure e) {
            throw e.unchecked();
        }
    }

    /**
     * Runs work in a transaction of our own and turns a failure into a {@link JdbcStoreException}.
     *
     * @param what what is being done
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    <T> T ownOrFail(String what, Work<T> work) {
        try {
            return own(what, work);
        } catch (SqlFailure e) {
            throw e.unchecked();
        }
    }

    private static <T> T transaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            if (autoCommit) {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Binds a JSON text: as {@code jsonb} on PostgreSQL (an untyped parameter the server casts), as text on H2.
     *
     * @param ps the statement
     * @param index the parameter's index
     * @param json the JSON text
     * @throws SQLException if binding fails
     */
    void setJson(PreparedStatement ps, int index, String json) throws SQLException {
        if (dialect == JdbcDialect.POSTGRESQL) {
            ps.setObject(index, json, Types.OTHER);
        } else {
            ps.setString(index, json);
        }
    }

    /**
     * Binds an instant as two parameters: epoch second and nanosecond.
     *
     * @param ps the statement
     * @param index the first parameter's index
     * @param instant the instant
     * @throws SQLException if binding fails
     */
    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setLong(index, instant.getEpochSecond());
        ps.setInt(index + 1, instant.getNano());
    }

    /** A failed statement, carried to the caller that knows what it means. */
    static final class SqlFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String what;

        SqlFailure(String what, SQLException cause) {
            super(what, cause);
            this.what = what;
        }

        SQLException sql() {
            return (SQLException) getCause();
        }

        String state() {
            String state = sql().getSQLState();
            return state == null ? "" : state;
        }

        boolean isForeignKeyViolation() {
            return state().equals("23503") || state().equals("23506");
        }

        /** Division by zero: what a {@link Pipeline}'s guard raises when the row it expected was not there. */
        boolean isGuardFailure() {
            return state().equals("22012");
        }

        boolean isUniqueViolation() {
            return state().equals("23505");
        }

        /** Serialization failure, deadlock, or H2's concurrent update and lock timeout. */
        boolean isConflict() {
            String s = state();
            int code = sql().getErrorCode();
            return s.equals("40001") || s.equals("40P01") || code == 90131 || code == 50200;
        }

        JdbcStoreException unchecked() {
            return new JdbcStoreException(what, sql());
        }
    }
}
