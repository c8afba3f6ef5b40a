package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static dev.itsmkit.persistence.tck.Fixtures.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract under concurrency: optimistic locking loses no update, one writer wins a version,
 * one node wins a timer, numbers never repeat, and paging stays stable while others insert. The
 * threads start together on a latch; no test sleeps.
 */
public abstract class ConcurrencyContract extends StoresContract {
    /** Creates the contract. */
    protected ConcurrencyContract() {}

    /**
     * Tells how many threads the tests run.
     *
     * @return 4 unless overridden
     */
    protected int threads() {
        return 4;
    }

    private ExecutorService pool = Executors.newCachedThreadPool();

    /** Starts the thread pool. */
    @BeforeEach
    final void startPool() {
        pool = Executors.newFixedThreadPool(threads());
    }

    /**
     * Stops the thread pool.
     *
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    @AfterEach
    final void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private <T> List<T> runTogether(Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads(); i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static long counterOf(Ticket t) {
        return t.field("counter").map(v -> ((FieldValue.Number) v).value().longValueExact()).orElse(0L);
    }

    /**
     * Many writers incrementing one ticket with retries lose no increment, and its trail stays gap-free.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void optimisticLockingLosesNoUpdate() throws Exception {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        int perThread = 50;
        AtomicInteger conflicts = new AtomicInteger();
        runTogether(() -> {
            for (int i = 0; i < perThread; i++) {
                while (true) {
                    Ticket current = acme().tickets().find(v1.id()).orElseThrow();
                    Ticket updated = next(current, b -> b.field("counter",
                            Optional.of(new FieldValue.Number(BigDecimal.valueOf(counterOf(current) + 1)))));
                    try {
                        acme().begin().save(updated, current.version())
                                .append(event(updated, current.version(), T0)).commit();
                        break;
                    } catch (ConcurrentUpdateException e) {
                        conflicts.incrementAndGet();
                    }
                }
            }
            return null;
        });
        Ticket last = acme().tickets().find(v1.id()).orElseThrow();
        long total = (long) perThread * threads();
        assertThat(counterOf(last)).isEqualTo(total);
        assertThat(last.version()).isEqualTo(total + 1);
        assertThat(acme().auditTrail().lastSequence(v1.id())).isEqualTo(total);
        assertThat(acme().auditTrail().verify(v1.id()).intact()).isTrue();
    }

    /**
     * Of writers that all expect the same version, exactly one commits.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void exactlyOneWriterWinsAVersion() throws Exception {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        AtomicInteger names = new AtomicInteger();
        List<Boolean> won = runTogether(() -> {
            Ticket mine = next(v1, b -> b.title("writer " + names.incrementAndGet()));
            UnitOfWork uow = acme().begin().save(mine, 1).append(event(mine, 1, T0));
            try {
                uow.commit();
                return true;
            } catch (ConcurrentUpdateException e) {
                return false;
            }
        });
        assertThat(won).filteredOn(w -> w).hasSize(1);
        assertThat(acme().tickets().find(v1.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(acme().auditTrail().forTicket(v1.id())).hasSize(1);
    }

    /**
     * Nodes claiming the same due timers at once never claim one timer twice, and together claim all.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void exactlyOneNodeWinsEachTimer() throws Exception {
        int count = 300;
        UnitOfWork uow = acme().begin();
        Set<TimerId> all = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            DueTimer t = Fixtures.timer(incident(ACME, i), 100, T0.plusMillis(i));
            all.add(t.id());
            uow.schedule(t);
        }
        uow.commit();
        AtomicInteger nodes = new AtomicInteger();
        Set<TimerId> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        runTogether(() -> {
            NodeId node = NodeId.of("node-" + nodes.incrementAndGet());
            while (true) {
                List<TimerClaim> got = stores.timerClaims().claimDue(T0.plusSeconds(1), node, Duration.ofMinutes(5), 7);
                if (got.isEmpty()) {
                    return null;
                }
                for (TimerClaim c : got) {
                    if (!claimed.add(c.timer().id())) {
                        duplicates.incrementAndGet();
                    }
                    if (c.timer().ticket().value().endsWith("0")) {
                        assertThat(stores.timerClaims().complete(c)).isTrue();
                    }
                }
            }
        });
        assertThat(duplicates).hasValue(0);
        assertThat(claimed).isEqualTo(all);
    }

    /**
     * Concurrent callers never receive the same ticket number.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void numbersNeverRepeatUnderConcurrency() throws Exception {
        List<List<TicketNumber>> taken = runTogether(() -> {
            List<TicketNumber> mine = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                mine.add(acme().numbers().next(TicketKind.INCIDENT));
            }
            return mine;
        });
        Set<TicketNumber> distinct = new HashSet<>();
        taken.forEach(distinct::addAll);
        assertThat(distinct).hasSize(500 * threads());
        taken.forEach(list -> assertThat(list).isSorted());
    }

    /**
     * A reader paging while writers insert sees every ticket that existed at its start exactly once.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void pagingIsStableUnderConcurrentInserts() throws Exception {
        final int maxInserts = 2_000;
        List<Ticket> initial = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            initial.add(incident(ACME, i * 10L));
        }
        create(initial);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch writersStarted = new CountDownLatch(threads() - 1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < threads() - 1; w++) {
            writers.add(pool.submit(() -> {
                writersStarted.countDown();
                // bounded: writers that outrun the reader for ever would leave it paging without end (seen on
                // a loaded machine, where the reader's pages came slower than the writers' inserts)
                while (reading.get()) {
                    int n = sequence.incrementAndGet();
                    if (n > maxInserts) {
                        break;
                    }
                    // numbers between and after the initial ones
                    long number = n % 2 == 0 ? 10L * (n % 200) + 1 + (n % 9) : 100_000L + n;
                    if (number % 10 == 0) {
                        continue;
                    }
                    try {
                        create(incident(ACME, number));
                    } catch (ConcurrentUpdateException | IllegalArgumentException e) {
                        // the same number was inserted already by another writer
                    }
                }
                return null;
            }));
        }
        assertThat(writersStarted.await(30, TimeUnit.SECONDS)).isTrue();
        List<TicketId> seen = new ArrayList<>();
        Page<Ticket> page = acme().tickets().query(TicketQuery.all(), 7);
        page.items().forEach(t -> seen.add(t.id()));
        while (page.hasNext() && seen.size() < 100_000) {
            page = acme().tickets().query(TicketQuery.all(), page.next().orElseThrow(), 7);
            page.items().forEach(t -> seen.add(t.id()));
        }
        reading.set(false);
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen).containsAll(initial.stream().map(Ticket::id).toList());
    }
}
