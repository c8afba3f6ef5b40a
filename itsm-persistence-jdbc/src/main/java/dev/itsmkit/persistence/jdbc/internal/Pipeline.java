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
 *
 * <p>A statement may hold at most 65,535 parameters, so a long pipeline is sent in parts of
 * {@value #MAX_STATEMENTS} statements, one round trip each; only a pipeline of one part is atomic on its
 * own, and a longer one must run in a transaction.
 */
final class Pipeline {
    /** The most statements sent in one round trip; each of ours has fewer than 20 parameters. */
    static final int MAX_STATEMENTS = 100;

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

    private final List<String> statements = new ArrayList<>();
    private final List<Binder> binders = new ArrayList<>();

    void add(String statement, Binder binder) {
        statements.add(statement);
        binders.add(binder);
    }

    /** Runs every statement, in one round trip per {@value #MAX_STATEMENTS}; result sets are read and dropped. */
    void execute(Connection c) throws SQLException {
        for (int from = 0; from < statements.size(); from += MAX_STATEMENTS) {
            int to = Math.min(statements.size(), from + MAX_STATEMENTS);
            execute(c, String.join(";\n", statements.subList(from, to)), binders.subList(from, to));
        }
    }

    private static void execute(Connection c, String sql, List<Binder> binders) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
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
