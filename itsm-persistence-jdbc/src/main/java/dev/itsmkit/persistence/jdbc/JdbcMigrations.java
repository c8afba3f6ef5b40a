package dev.itsmkit.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.persistence.jdbc.internal.Migrator;
import java.util.List;
import javax.sql.DataSource;

/**
 * The schema of the JDBC stores, as versioned scripts shipped in this jar under
 * {@link JdbcDialect#migrationLocation()} ({@code V1__tickets.sql}, {@code V2__audit_trail.sql}, ...).
 * Apply them with {@link #migrate(DataSource)}, or hand that location to the application's own Flyway
 * ({@code classpath:db/itsm/postgresql}); the file names follow Flyway's convention.
 */
public final class JdbcMigrations {
    private JdbcMigrations() {}

    /**
     * Applies the scripts not yet applied, recording each in the table {@code itsm_schema_history}.
     * Idempotent; safe when several nodes call it at once (on PostgreSQL they queue on an advisory lock
     * and the run is one transaction). Call it at start-up, before the stores are used.
     *
     * @param dataSource the database, PostgreSQL or H2
     * @return the versions this call applied, in order; empty if the schema was current
     * @throws IllegalStateException if an applied script has changed since
     * @throws JdbcStoreException if a script fails; on PostgreSQL nothing of the run is kept
     */
    public static List<Integer> migrate(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource");
        return migrate(dataSource, JdbcDialect.detect(dataSource));
    }

    /**
     * Applies the scripts of a named dialect; see {@link #migrate(DataSource)}.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @return the versions this call applied, in order
     */
    public static List<Integer> migrate(DataSource dataSource, JdbcDialect dialect) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(dialect, "dialect");
        return Migrator.migrate(dataSource, dialect);
    }

    /**
     * Returns the file names of the migration scripts, in version order.
     *
     * @return {@code V1__tickets.sql} and the rest
     */
    public static List<String> scripts() {
        return Migrator.SCRIPTS;
    }
}
