package dev.itsmkit.examples;

import dev.itsmkit.persistence.jdbc.JdbcMigrations;
import dev.itsmkit.persistence.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * The day of {@link ServiceDeskDemo}, told on PostgreSQL: the same desk, the same virtual clock, but
 * tickets, audit trails, SLA clocks, timers and the outbox in {@code itsm-persistence-jdbc}'s tables.
 * The example starts a PostgreSQL server of its own (embedded, in a temporary directory), applies the
 * schema with {@link JdbcMigrations} and runs the story; the day it prints is the in-memory one, line for
 * line. An application does the same with its own {@link DataSource}:
 *
 * <pre>{@code
 * JdbcMigrations.migrate(dataSource);
 * ServiceDesk desk = ServiceDesk.builder().stores(JdbcStores.builder(dataSource).build()) ... .build();
 * }</pre>
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=dev.itsmkit.examples.ServiceDeskOnPostgres}.
 */
public final class ServiceDeskOnPostgres {
    private ServiceDeskOnPostgres() {}

    /**
     * Starts an embedded PostgreSQL server, runs the day on it and stops the server.
     *
     * @param args ignored
     * @throws IOException if the server cannot be started or stopped
     */
    public static void main(String[] args) throws IOException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            run(server.getPostgresDatabase(), System.out);
        }
    }

    /**
     * Applies the schema to a database and tells the day on it.
     *
     * @param database an empty PostgreSQL database
     * @param out where the day is printed
     */
    static void run(DataSource database, PrintStream out) {
        JdbcMigrations.migrate(database);
        new ServiceDeskDemo(out, JdbcStores.builder(database).build()).run();
    }
}
