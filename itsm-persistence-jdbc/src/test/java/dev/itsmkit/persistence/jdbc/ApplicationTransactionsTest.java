package dev.itsmkit.persistence.jdbc;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.tck.Fixtures;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units of work inside the application's own transaction: they commit and roll back with it, and a
 * refused one leaves the application's transaction usable.
 */
class ApplicationTransactionsTest {
    private DataSource ds;
    private JdbcStores own;

    @BeforeEach
    void emptyDatabase() {
        own = Backend.POSTGRESQL.freshStores("application_transactions");
        ds = Backend.POSTGRESQL.database("application_transactions");
    }

    private JdbcStores joining(Connection c) {
        return JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).applicationTransactions(() -> c).build();
    }

    @Test
    void aUnitOfWorkCommitsWithTheApplicationsTransaction() throws SQLException {
        Ticket t = Fixtures.incident(ACME, 1);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            JdbcStores stores = joining(c);
            stores.forTenant(ACME).begin().save(t, 0).append(Fixtures.event(t, 1, T0)).commit();
            assertThat(stores.forTenant(ACME).tickets().find(t.id())).contains(t);
            assertThat(own.forTenant(ACME).tickets().find(t.id())).isEmpty();
            c.commit();
            c.setAutoCommit(true);
        }
        assertThat(own.forTenant(ACME).tickets().find(t.id())).contains(t);
        assertThat(own.forTenant(ACME).auditTrail().verify(t.id()).intact()).isTrue();
    }

    @Test
    void aUnitOfWorkRollsBackWithTheApplicationsTransaction() throws SQLException {
        Ticket t = Fixtures.incident(ACME, 1);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            joining(c).forTenant(ACME).begin().save(t, 0).commit();
            c.rollback();
            c.setAutoCommit(true);
        }
        assertThat(own.forTenant(ACME).tickets().find(t.id())).isEmpty();
    }

    @Test
    void aRefusedUnitOfWorkLeavesTheApplicationsEarlierWorkInPlace() throws SQLException {
        Ticket first = Fixtures.incident(ACME, 1);
        Ticket second = Fixtures.incident(ACME, 2);
        own.forTenant(ACME).begin().save(second, 0).commit();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            JdbcStores stores = joining(c);
            stores.forTenant(ACME).begin().save(first, 0).commit();
            assertThatThrownBy(() -> stores.forTenant(ACME).begin().save(second, 0).commit())
                    .isInstanceOf(ConcurrentUpdateException.class);
            c.commit();
            c.setAutoCommit(true);
        }
        assertThat(own.forTenant(ACME).tickets().find(first.id())).contains(first);
    }
}
