package dev.itsmkit.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JDBC stores support. They differ in how JSON is stored ({@code jsonb} or a CLOB),
 * how due timers are claimed, how concurrent migrations are kept apart, and in their migration scripts.
 */
public enum JdbcDialect {
    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql"),
    /** H2 2.x, for lightweight embedding; best in PostgreSQL mode. */
    H2("h2");

    private final String migrationFolder;

    JdbcDialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /**
     * Returns the class-path location of this database's migration scripts, for an application that
     * runs them with its own Flyway: {@code classpath:} followed by this.
     *
     * @return {@code db/itsm/postgresql} or {@code db/itsm/h2}
     */
    public String migrationLocation() {
        return "db/itsm/" + migrationFolder;
    }

    /**
     * Detects the dialect of a data source from its connection's metadata.
     *
     * @param dataSource the data source
     * @return its dialect
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     * @throws JdbcStoreException if no connection can be had
     */
    public static JdbcDialect detect(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String lower = product.toLowerCase(Locale.ROOT);
            if (lower.contains("postgres")) {
                return POSTGRESQL;
            }
            if (lower.equals("h2")) {
                return H2;
            }
            throw new IllegalArgumentException("the JDBC stores support PostgreSQL and H2, got a " + product
                    + " database; name the dialect yourself if it is compatible with one of them");
        } catch (SQLException e) {
            throw new JdbcStoreException("could not read the database's product name", e);
        }
    }
}
