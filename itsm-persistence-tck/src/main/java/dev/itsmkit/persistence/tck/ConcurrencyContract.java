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
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
     * A reader paging in each order (number, created, updated) while writers insert sees pages in that order, with
     * no ticket twice, and every ticket that existed before its first page exactly once. The writers insert numbers
     * between and after the existing ones, at instants between and equal to theirs (ties broken by id); each writer
     * has its own numbers, so no insert may fail, and none is ignored.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void pagingIsStableUnderConcurrentInserts() throws Exception {
        for (TicketOrder order : TicketOrder.values()) {
            createFreshStores();
            pageWhileOthersInsert(order);
        }
    }

    private static Comparator<Ticket> comparatorOf(TicketOrder order) {
        Comparator<Ticket> byId = Comparator.comparing(t -> t.id().value());
        return switch (order) {
            case NUMBER -> Comparator.comparing(Ticket::number);
            case CREATED -> Comparator.comparing(Ticket::createdAt).thenComparing(byId);
            case UPDATED -> Comparator.comparing(Ticket::updatedAt).thenComparing(byId);
        };
    }

    /** A fixture incident created (and last updated) at an instant of its own: {@code T0} plus a number of seconds. */
    private static Ticket insertedAt(long number, long seconds) {
        return Fixtures.ticket(ACME, new TicketNumber(TicketKind.INCIDENT, number), T0.plusSeconds(seconds));
    }

    private void pageWhileOthersInsert(TicketOrder order) throws Exception {
        final int insertsPerWriter = 260; // (j * 37) % 260 takes each value once for j below 260
        List<Ticket> initial = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            initial.add(insertedAt(i * 10L, i * 10L));
        }
        create(initial);
        AtomicBoolean reading = new AtomicBoolean(true);
        int writerCount = threads() - 1;
        CountDownLatch writersStarted = new CountDownLatch(writerCount);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 1; w <= writerCount; w++) {
            final int writer = w;
            writers.add(pool.submit(() -> {
                writersStarted.countDown();
                int inserted = 0;
                // bounded: writers that outrun the reader for ever would leave it paging without end (seen on a
                // loaded machine, where the reader's pages came slower than the writers' inserts)
                for (int j = 0; j < insertsPerWriter && reading.get(); j++) {
                    // the writer's own numbers (never a multiple of 10, which the initial tickets hold), spread
                    // over the initial range and beyond; every other one at the same instant as an initial ticket
                    long number = 10L * ((j * 37L) % 260) + writer;
                    long seconds = j % 2 == 0 ? number - writer : number;
                    create(insertedAt(number, seconds));
                    inserted++;
                }
                return inserted;
            }));
        }
        assertThat(writersStarted.await(30, TimeUnit.SECONDS)).isTrue();
        Comparator<Ticket> comparator = comparatorOf(order);
        TicketQuery query = TicketQuery.builder().orderBy(order).build();
        List<Ticket> seen = new ArrayList<>();
        Page<Ticket> page = acme().tickets().query(query, 7);
        seen.addAll(page.items());
        while (page.hasNext() && seen.size() < 100_000) {
            page = acme().tickets().query(query, page.next().orElseThrow(), 7);
            seen.addAll(page.items());
        }
        reading.set(false);
        int inserted = 0;
        for (Future<Integer> f : writers) {
            inserted += f.get(60, TimeUnit.SECONDS);
        }
        for (int i = 1; i < seen.size(); i++) {
            assertThat(comparator.compare(seen.get(i - 1), seen.get(i)))
                    .as("in %s order, %s then %s", order, seen.get(i - 1).id(), seen.get(i).id()).isNegative();
        }
        List<TicketId> ids = seen.stream().map(Ticket::id).toList();
        assertThat(new HashSet<>(ids)).as("no ticket twice in %s order", order).hasSameSizeAs(ids);
        assertThat(ids).as("every ticket that existed before the first page, in %s order", order)
                .containsAll(initial.stream().map(Ticket::id).toList());
        assertThat(acme().tickets().count(TicketQuery.all())).isEqualTo(initial.size() + inserted);
    }
}
