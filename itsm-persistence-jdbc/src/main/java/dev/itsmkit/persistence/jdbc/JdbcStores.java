package dev.itsmkit.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.jdbc.internal.Db;
import dev.itsmkit.persistence.jdbc.internal.JdbcOutboxDelivery;
import dev.itsmkit.persistence.jdbc.internal.JdbcTenantStores;
import dev.itsmkit.persistence.jdbc.internal.JdbcTimerClaims;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Every store of the persistence SPI on plain JDBC: PostgreSQL (the target) and H2 in PostgreSQL mode.
 * Snapshots, events, clocks, timers and outbox entries are kept as itsm-jackson JSON ({@code jsonb} on
 * PostgreSQL) next to the columns that queries filter and order by; see {@code docs/persistence-jdbc.md}.
 *
 * <pre>{@code
 * JdbcMigrations.migrate(dataSource);                      // once, at start-up
 * Stores stores = JdbcStores.builder(dataSource).build();  // its own transactions
 * }</pre>
 *
 * <p>Transactions: one unit of work is one database transaction. By default the stores run their own,
 * on connections of the data source. With {@link Builder#applicationTransactions(ConnectionProvider)}
 * units of work and reads join the application's current transaction instead (in a savepoint, so a
 * refused unit of work leaves it usable). Timer claims, outbox delivery and ticket numbers always run in
 * transactions of their own: they are background work, and a number is not part of a unit of work.
 *
 * <p>Thread-safe; holds no connection between calls. Passes the compatibility kit in
 * {@code itsm-persistence-tck} on PostgreSQL and on H2.
 */
public final class JdbcStores implements Stores {
    /** The default lease of an outbox claim, in seconds. */
    public static final long DEFAULT_OUTBOX_LEASE_SECONDS = 60;
    private static final Duration DEFAULT_OUTBOX_LEASE = Duration.ofSeconds(DEFAULT_OUTBOX_LEASE_SECONDS);

    private final Db db;
    private final JdbcDialect dialect;
    private final TimerClaims timerClaims;
    private final OutboxDelivery outboxDelivery;

    private JdbcStores(Builder b) {
        this.dialect = b.dialect != null ? b.dialect : JdbcDialect.detect(b.dataSource);
        this.db = new Db(b.dataSource, dialect, b.application);
        this.timerClaims = new JdbcTimerClaims(db);
        this.outboxDelivery = new JdbcOutboxDelivery(db, b.node != null ? b.node : NodeId.of("node-" + UUID.randomUUID()),
                b.outboxLease, b.strictOutboxOrder);
    }

    /**
     * Starts stores over a data source, whose schema {@link JdbcMigrations} has applied.
     *
     * @param dataSource the database; a pooled data source in production
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Returns the dialect the stores speak.
     *
     * @return the dialect, as given or detected
     */
    public JdbcDialect dialect() {
        return dialect;
    }

    @Override
    public TenantStores forTenant(TenantId tenant) {
        return new JdbcTenantStores(db, requireNonNull(tenant, "tenant"));
    }

    @Override
    public TimerClaims timerClaims() {
        return timerClaims;
    }

    @Override
    public OutboxDelivery outboxDelivery() {
        return outboxDelivery;
    }

    /** Configures {@link JdbcStores}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private @Nullable JdbcDialect dialect;
        private @Nullable ConnectionProvider application;
        private @Nullable NodeId node;
        private Duration outboxLease = DEFAULT_OUTBOX_LEASE;
        private boolean strictOutboxOrder;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Names the database instead of detecting it from the connection's metadata.
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Makes units of work and reads join the application's transactions: each uses the connection the
         * provider returns, in a savepoint, and never commits, rolls back or closes it.
         *
         * @param provider the connection of the calling thread's current transaction
         * @return this builder
         */
        public Builder applicationTransactions(ConnectionProvider provider) {
            this.application = requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Names this node, which holds the outbox claims that {@link OutboxDelivery#due} takes; by default a
         * random id, new with each build. Give every node its own.
         *
         * @param node this node
         * @return this builder
         */
        public Builder node(NodeId node) {
            this.node = requireNonNull(node, "node");
            return this;
        }

        /**
         * Sets how long this node's claim of a ticket's outbox entries holds when the node neither
         * acknowledges the last entry it was handed nor asks again; then another node may deliver them
         * (again). Longer than a delivery takes; default {@value JdbcStores#DEFAULT_OUTBOX_LEASE_SECONDS} s.
         *
         * @param lease the lease, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code lease} is zero or negative
         */
        public Builder outboxLease(Duration lease) {
            requireNonNull(lease, "lease");
            if (lease.isZero() || lease.isNegative()) {
                throw new IllegalArgumentException("an outbox lease must be positive, got " + lease);
            }
            this.outboxLease = lease;
            return this;
        }

        /**
         * Makes a ticket's outbox entries wait behind an earlier entry of the same ticket whose delivery
         * failed, until it is delivered: with it, {@link OutboxDelivery#due} returns one entry per ticket
         * (its first pending one), and a channel sees each ticket's entries in order even when deliveries
         * fail. Without it a failed entry waits for its retry while the ticket's later entries go ahead
         * (what the persistence SPI's compatibility kit specifies); across nodes the order holds either way.
         *
         * @return this builder
         */
        public Builder strictOutboxOrder() {
            this.strictOutboxOrder = true;
            return this;
        }

        /**
         * Builds the stores; detects the dialect if none was named.
         *
         * @return the stores
         * @throws JdbcStoreException if the dialect must be detected and no connection can be had
         */
        public JdbcStores build() {
            return new JdbcStores(this);
        }
    }
}
