package dev.itsmkit.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TimerClaims;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Three nodes on one PostgreSQL database fire 10,000 due timers while a virtual clock advances one
 * second per step; one node dies midway with claims in hand (it never completes them, nor claims
 * again). Every timer fires exactly once, recorded by its successful completion, and none later than
 * its lease after its due instant. The nodes are threads with their own {@link JdbcStores}; a
 * {@link Phaser} makes each step a barrier, so no test code sleeps: each node claims until nothing
 * is due at the step's instant, then waits for the clock to move on.
 */
class MultiNodeTimersTest {
    private static final int TIMERS = 10_000;
    private static final int DUE_SPREAD_SECONDS = 200;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int KILL_AT_STEP = 100;

    private record Key(TenantId tenant, String id) {}

    private record Firing(NodeId node, Instant at, Instant dueAt) {}

    @Test
    void threeNodesFireTenThousandTimersExactlyOnceThoughOneDiesMidway() throws Exception {
        Backend.POSTGRESQL.freshStores("multi_node");
        DataSource ds = Backend.POSTGRESQL.database("multi_node");
        schedule(JdbcStores.builder(ds).build());

        AtomicReference<Instant> now = new AtomicReference<>(T0);
        AtomicBoolean done = new AtomicBoolean();
        Map<Key, List<Firing>> firings = new ConcurrentHashMap<>();
        AtomicInteger abandoned = new AtomicInteger();
        Phaser steps = new Phaser(4);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            NodeId node = NodeId.of("node-" + n);
            boolean mortal = n == 3;
            TimerClaims claims = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).build().timerClaims();
            nodes.add(pool.submit(() -> {
                while (true) {
                    steps.arriveAndAwaitAdvance();
                    if (done.get()) {
                        steps.arriveAndDeregister();
                        return null;
                    }
                    Instant at = now.get();
                    boolean dying = mortal && !at.isBefore(T0.plusSeconds(KILL_AT_STEP));
                    while (true) {
                        List<TimerClaim> got = claims.claimDue(at, node, LEASE, 50);
                        if (got.isEmpty()) {
                            break;
                        }
                        if (dying) {
                            // dies holding these claims: it never completes them nor renews anything
                            abandoned.addAndGet(got.size());
                            steps.arriveAndDeregister();
                            return null;
                        }
                        for (TimerClaim c : got) {
                            if (claims.complete(c)) {
                                firings.computeIfAbsent(new Key(c.timer().tenant(), c.timer().id().value()),
                                        k -> new CopyOnWriteList()).add(new Firing(node, at, c.timer().dueAt()));
                            }
                        }
                    }
                    steps.arriveAndAwaitAdvance();
                }
            }));
        }
        int lastStep = DUE_SPREAD_SECONDS + (int) LEASE.toSeconds() + 2;
        for (int step = 0; step <= lastStep; step++) {
            now.set(T0.plusSeconds(step));
            steps.arriveAndAwaitAdvance();
            steps.arriveAndAwaitAdvance();
        }
        done.set(true);
        steps.arriveAndDeregister();
        for (Future<?> f : nodes) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(abandoned.get()).as("claims the dying node took with it").isPositive();
        assertThat(firings).hasSize(TIMERS);
        assertThat(firings.values()).allSatisfy(f -> assertThat(f).hasSize(1));
        List<Firing> all = firings.values().stream().map(f -> f.get(0)).toList();
        assertThat(all).allSatisfy(f -> assertThat(f.at()).isBetween(f.dueAt(), f.dueAt().plus(LEASE)));
        assertThat(all.stream().filter(f -> f.at().isAfter(f.dueAt()))).as("timers taken over after the lease").hasSize(abandoned.get());
        assertThat(all.stream().map(Firing::node).distinct()).hasSize(3);
        assertThat(JdbcStores.builder(ds).build().timerClaims().nextWakeUp()).isEmpty();
    }

    private static void schedule(JdbcStores stores) {
        for (TenantId tenant : List.of(TenantId.of("acme"), TenantId.of("globex"))) {
            UnitOfWork uow = stores.forTenant(tenant).begin();
            for (int i = 0; i < TIMERS / 2; i++) {
                uow.schedule(DueTimer.of(tenant, TicketId.of("inc-" + i), "resolution", 1, 100,
                        T0.plusSeconds(i % DUE_SPREAD_SECONDS)));
            }
            uow.commit();
        }
    }

    /** A thread-safe list of firings (a timer fired twice would show two). */
    private static final class CopyOnWriteList extends java.util.concurrent.CopyOnWriteArrayList<Firing> {
        private static final long serialVersionUID = 1L;
    }
}
