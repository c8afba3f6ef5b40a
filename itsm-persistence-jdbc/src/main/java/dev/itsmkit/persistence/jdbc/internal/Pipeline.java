package dev.itsmkit.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several SQL statements sent as one: their texts joined by semicolons into one prepared statement, whose
 * parameters are numbered across all of them. The PostgreSQL driver sends the statements one after the
 * other and a single synchronization message after the last, so the server runs them in one implicit
 * transaction (or in the caller's) and the client waits for one round trip instead of one per statement;
 * if one fails, the server skips the rest and rolls back what the others did. PostgreSQL only.
 */
final class Pipeline {
    /** Binds one statement's parameters. */
    @FunctionalInterface
    interface Binder {
        /**
         * Binds the statement's parameters from {@code index} on.
         *
         * @param ps the whole pipeline's statement
         * @param index the statement's first parameter
         * @return the next statement's first parameter
         * @throws SQLException if binding fails
         */
        int bind(PreparedStatement ps, int index) throws SQLException;
    }

    private final StringBuilder sql = new StringBuilder(2048);
    private final List<Binder> binders = new ArrayList<>();

    void add(String statement, Binder binder) {
        if (!binders.isEmpty()) {
            sql.append(";\n");
        }
        sql.append(statement);
        binders.add(binder);
    }

    boolean isEmpty() {
        return binders.isEmpty();
    }

    /** Runs every statement in one round trip; result sets are read and dropped. */
    void execute(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int index = 1;
            for (Binder binder : binders) {
                index = binder.bind(ps, index);
            }
            boolean isResult = ps.execute();
            while (true) {
                if (isResult) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            // a guard's row: its work was to fail if the guard did not hold
                        }
                    }
                } else if (ps.getUpdateCount() == -1) {
                    return;
                }
                isResult = ps.getMoreResults();
            }
        }
    }
}
