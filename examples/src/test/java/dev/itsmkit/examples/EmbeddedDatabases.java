package dev.itsmkit.examples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped when the JVM exits,
 * with a fresh database for each caller behind a connection pool (H2's simple pool, which serves any
 * driver's pooled data source).
 */
final class EmbeddedDatabases {
    private static EmbeddedPostgres server;

    private EmbeddedDatabases() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        // a test's data need not survive a crash of the machine
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
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
     * Creates an empty database, dropping one of the same name first.
     *
     * @param name the database's name: lower-case letters, digits and underscores
     * @param maxConnections how many connections the pool keeps open at most
     * @return a pooled data source on it
     */
    static DataSource create(String name, int maxConnections) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a database name of lower-case letters, digits and _ is expected, got " + name);
        }
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name, e);
        }
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {pg.getPort()});
        source.setDatabaseName(name);
        source.setUser("postgres");
        // pooled, as an application's would be: a new PostgreSQL connection per statement costs a process
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(maxConnections);
        return pool;
    }
}
