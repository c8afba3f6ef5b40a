package dev.itsmkit.persistence.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases the tests run on: one embedded PostgreSQL server per test JVM with a database per test
 * class, and an in-memory H2 database (PostgreSQL mode) per test class. Connections are pooled (H2's
 * simple pool over either driver) so that a test does not pay a connection per statement.
 */
public enum Backend {
    /** Embedded PostgreSQL. */
    POSTGRESQL(JdbcDialect.POSTGRESQL),
    /** H2 in PostgreSQL mode. */
    H2(JdbcDialect.H2);

    private static final String[] TABLES = {"itsm_ticket", "itsm_ticket_ci", "itsm_ticket_field", "itsm_ticket_number",
        "itsm_event", "itsm_sla_clock", "itsm_timer", "itsm_outbox_claim", "itsm_outbox_delivery", "itsm_outbox"};

    private static volatile EmbeddedPostgres server;
    private static final Map<String, DataSource> DATABASES = new ConcurrentHashMap<>();

    private final JdbcDialect dialect;

    Backend(JdbcDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Returns the dialect of this database.
     *
     * @return the dialect
     */
    public JdbcDialect dialect() {
        return dialect;
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is going away; the server's directory is temporary
                    }
                }));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /**
     * Returns the migrated database of a test class, created on first use.
     *
     * @param name a name unique to the caller, such as its class name
     * @return a pooled data source
     */
    public DataSource database(String name) {
        String db = ("itsm_" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return DATABASES.computeIfAbsent(this + "/" + db, k -> {
            DataSource ds = this == POSTGRESQL ? createPostgres(db) : createH2(db);
            JdbcMigrations.migrate(ds, dialect);
            return ds;
        });
    }

    /**
     * Returns a new, empty PostgreSQL database that nothing has migrated.
     *
     * @param name the database's name
     * @return a pooled data source
     */
    public DataSource rawDatabase(String name) {
        if (this != POSTGRESQL) {
            throw new UnsupportedOperationException("only PostgreSQL databases are made raw");
        }
        return createPostgres(("itsm_" + name).toLowerCase(Locale.ROOT));
    }

    private static DataSource createPostgres(String db) {
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {pg.getPort()});
        source.setDatabaseName(db);
        source.setUser("postgres");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(32);
        return pool;
    }

    private static DataSource createH2(String db) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + db
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(32);
        return pool;
    }

    /**
     * Returns empty stores on the database of a test class: the tables are emptied first.
     *
     * @param name a name unique to the caller
     * @return fresh stores
     */
    public JdbcStores freshStores(String name) {
        DataSource ds = database(name);
        empty(ds);
        return JdbcStores.builder(ds).dialect(dialect).build();
    }

    /**
     * Deletes every row of the stores' tables.
     *
     * @param ds the database
     */
    public void empty(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // DELETE is faster than TRUNCATE on the few rows a test leaves; positions need not restart
            for (String table : TABLES) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
