package dev.itsmkit.persistence.jdbc;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.entry;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.notification.OutboxDispatcher;
import dev.itsmkit.persistence.spi.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Four nodes drain one channel of a PostgreSQL outbox while a fifth thread commits entries of 120 tickets
 * of two tenants, interleaved (round by round, the tickets in a shuffled order each round); a sixth node
 * takes claims at the start and dies with them. Each node is a thread with its own {@link JdbcStores}
 * (its own {@link NodeId}) and its own {@link OutboxDispatcher}. Every ticket's entries must reach the
 * notifier in sequence: the recorded deliveries of a ticket are exactly its events 1 to {@value #ROUNDS}
 * in order, never one before its predecessor's delivery, never one again after a later one.
 *
 * <p>No test code sleeps: the nodes share a virtual clock, which moves on ten minutes (past the leases
 * and the retry back-off) only when the producer is done, the last calls found nothing due and no
 * delivery is under way (a lease that ends under a delivery in progress may let another node deliver
 * the same entries again: at least once, as leases promise, but not what this test is about).
 */
class MultiNodeOutboxTest {
    private static final int NODES = 4;
    private static final int TICKETS_PER_TENANT = 60;
    private static final int ROUNDS = 8;
    private static final String CHANNEL = "mail";

    private record Key(TenantId tenant, TicketId ticket) {}

    @Test
    void fourNodesDeliverEachTicketsEntriesInSequenceThoughOneDiesWithClaims() throws Exception {
        Map<Key, List<Long>> delivered = drain("multi_node_outbox", false, entry -> false);
        assertThat(delivered).hasSize(2 * TICKETS_PER_TENANT);
        assertThat(delivered.values()).allSatisfy(sequences -> assertThat(sequences).containsExactly(oneToRounds()));
    }

    @Test
    void withStrictOrderAFailedEntryHoldsBackItsTicketsLaterEntriesOnEveryNode() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        // a fifth of the entries fail on their first attempt; the others of their ticket must wait for them
        Map<Key, List<Long>> delivered = drain("multi_node_outbox_strict", true,
                entry -> Math.floorMod(entry.id().hashCode(), 5) == 0 && failedOnce.add(entry.id().value()));
        assertThat(failedOnce).isNotEmpty();
        assertThat(delivered).hasSize(2 * TICKETS_PER_TENANT);
        assertThat(delivered.values()).allSatisfy(sequences -> assertThat(sequences).containsExactly(oneToRounds()));
    }

    private static Long[] oneToRounds() {
        return LongStream.rangeClosed(1, ROUNDS).boxed().toArray(Long[]::new);
    }

    /** A delivery that fails when asked to. */
    private interface Failure {
        boolean failsOn(OutboxEntry entry);
    }

    /** Commits one round: an entry of every ticket, the tickets in a shuffled order. */
    private static void produce(JdbcStores stores, Random random, int round) {
        List<Key> order = new ArrayList<>();
        for (TenantId tenant : List.of(ACME, GLOBEX)) {
            for (int t = 1; t <= TICKETS_PER_TENANT; t++) {
                order.add(new Key(tenant, TicketId.of("inc-" + t)));
            }
        }
        Collections.shuffle(order, random);
        for (Key k : order) {
            stores.forTenant(k.tenant()).begin().enqueue(entry(event(k.tenant(), k.ticket(), round, T0))).commit();
        }
    }

    /** Runs the producer, the nodes and the dying node; returns each ticket's delivered sequences in delivery order. */
    private static Map<Key, List<Long>> drain(String database, boolean strict, Failure failure) throws Exception {
        Backend.POSTGRESQL.freshStores(database);
        DataSource ds = Backend.POSTGRESQL.database(database);
        JdbcStores producerStores = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).build();
        int total = 2 * TICKETS_PER_TENANT * ROUNDS;

        Map<Key, List<Long>> delivered = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        AtomicBoolean produced = new AtomicBoolean();
        AtomicInteger quietInARow = new AtomicInteger();

        Random random = new Random(6);
        produce(producerStores, random, 1);
        // a node that claims a batch and dies: its tickets wait for the end of its leases
        JdbcStores dying = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).node(NodeId.of("dying")).build();
        int abandoned = dying.outboxDelivery().due(CHANNEL, T0, 30).size();

        ExecutorService pool = Executors.newFixedThreadPool(NODES + 1);
        List<Future<?>> runs = new ArrayList<>();
        runs.add(pool.submit(() -> {
            for (int round = 2; round <= ROUNDS; round++) {
                produce(producerStores, random, round);
            }
            produced.set(true);
            return null;
        }));
        // dispatches hold the read lock; the clock moves only under the write lock, when no delivery is under way
        ReentrantReadWriteLock dispatching = new ReentrantReadWriteLock();
        for (int n = 1; n <= NODES; n++) {
            JdbcStores.Builder builder = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).node(NodeId.of("node-" + n))
                    .outboxLease(Duration.ofMinutes(1));
            JdbcStores stores = (strict ? builder.strictOutboxOrder() : builder).build();
            Notifier notifier = new Notifier() {
                @Override
                public String name() {
                    return CHANNEL;
                }

                @Override
                public void deliver(OutboxEntry entry) {
                    if (failure.failsOn(entry)) {
                        throw new IllegalStateException("refused " + entry.id() + " once");
                    }
                    delivered.computeIfAbsent(new Key(entry.tenant(), entry.ticket()), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(entry.event().sequence());
                    deliveries.incrementAndGet();
                }
            };
            OutboxDispatcher dispatcher = OutboxDispatcher.builder(stores.outboxDelivery()).notifier(notifier)
                    .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).batchSize(10).build();
            runs.add(pool.submit(() -> {
                while (deliveries.get() < total) {
                    OutboxDispatcher.Report report;
                    dispatching.readLock().lock();
                    try {
                        report = dispatcher.dispatchDue(now.get());
                    } finally {
                        dispatching.readLock().unlock();
                    }
                    if (report.delivered() > 0 || report.failed() > 0 || !produced.get()) {
                        quietInARow.set(0);
                    } else if (quietInARow.incrementAndGet() >= NODES) {
                        // nothing was due for the last calls and nothing more comes: let leases and back-offs run out
                        dispatching.writeLock().lock();
                        try {
                            if (quietInARow.get() >= NODES) {
                                now.set(now.get().plus(Duration.ofMinutes(10)));
                                quietInARow.set(0);
                            }
                        } finally {
                            dispatching.writeLock().unlock();
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(abandoned).as("entries the dying node took with it").isPositive();
        assertThat(deliveries.get()).isEqualTo(total);
        assertThat(now.get()).as("the clock moved past the dying node's leases").isAfter(T0);
        return delivered;
    }
}
