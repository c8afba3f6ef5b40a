package dev.itsmkit.benchmarks;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under {@link InMemoryStoresBenchmark#commitLoadedUnitOfWork}: the same units of work (a ticket's next
 * snapshot, an event, a due timer, an outbox entry) committed into the least a store can be that keeps them, plain
 * collections under one lock ({@link PlainStore}): the snapshot replaces the ticket's, the event is added to the ticket's
 * list, the timer replaces the ticket's one timer, the entry is added to one list. No audit hash, no index, no order
 * of timers, no tenant, no published view. What this costs, in the committing thread and in the collector's pauses, is
 * what keeping those objects costs on a heap of a million tickets whatever the store; the difference to the in-memory
 * store is what its guarantees cost.
 *
 * <p>Same tickets ({@link InMemoryStoresBenchmark#openIncident}), same stride through them, same values
 * ({@link InMemoryStoresBenchmark.Units#build}), loaded {@value InMemoryStoresBenchmark#LOADED_BATCH} at a time before
 * their commits, as there. {@link CommitCost} measures the same with {@code plain}: CPU time, bytes, pauses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PlainStoreBenchmark {
    /** How many open incidents the store holds. */
    @Param({"100000", "1000000"})
    public int tickets = 100_000;

    private PlainStore store = new PlainStore();
    /** Ids equal to the stored ones but other instances, as parsed from requests. */
    private TicketId[] parsedIds = new TicketId[0];
    private int cursor;
    private Instant now = Instant.EPOCH;
    private long outboxIds;

    /** Creates the benchmark; {@link #fill()} fills the store. */
    public PlainStoreBenchmark() {}

    /**
     * A store a user might write instead of the in-memory store, keeping what a unit of work gives it: per ticket the
     * current snapshot, the events in a list and one timer; the outbox entries in one list. One lock, as the in-memory
     * store's tenant lock. Loads take the lock too: its fields are written under it.
     */
    static final class PlainStore {
        private final ReentrantLock lock = new ReentrantLock();
        private final HashMap<TicketId, PlainTicket> tickets = new HashMap<>();
        private final ArrayList<OutboxEntry> outbox = new ArrayList<>();

        /** A ticket's part of the store. */
        private static final class PlainTicket {
            private Ticket snapshot;
            private final ArrayList<TicketEvent> events = new ArrayList<>();
            private DueTimer timer;

            private PlainTicket(Ticket snapshot) {
                this.snapshot = snapshot;
            }
        }

        /** Adds a ticket's first snapshot. */
        void create(Ticket snapshot) {
            lock.lock();
            try {
                if (tickets.putIfAbsent(snapshot.id(), new PlainTicket(snapshot)) != null) {
                    throw new IllegalStateException("ticket " + snapshot.id() + " exists already");
                }
            } finally {
                lock.unlock();
            }
        }

        /** The snapshot and trail length of a ticket, as a command loads it: the sequence its next event takes. */
        Ticket load(TicketId id, long[] nextSequence) {
            lock.lock();
            try {
                PlainTicket t = tickets.get(id);
                if (t == null) {
                    throw new IllegalArgumentException("no ticket " + id);
                }
                nextSequence[0] = t.events.size() + 1L;
                return t.snapshot;
            } finally {
                lock.unlock();
            }
        }

        /** How many events and outbox entries the store keeps: as many as units of work committed, if it kept them all. */
        long[] kept() {
            lock.lock();
            try {
                long events = 0;
                for (PlainTicket t : tickets.values()) {
                    events += t.events.size();
                }
                return new long[] {events, outbox.size()};
            } finally {
                lock.unlock();
            }
        }

        /** Commits one unit of work: all of it, or, with a stale version, nothing. */
        void commit(Ticket snapshot, long expectedVersion, TicketEvent event, DueTimer timer, OutboxEntry entry) {
            lock.lock();
            try {
                PlainTicket t = tickets.get(snapshot.id());
                if (t == null || t.snapshot.version() != expectedVersion) {
                    throw new IllegalStateException("ticket " + snapshot.id() + " is not at version " + expectedVersion);
                }
                t.snapshot = snapshot;
                t.events.add(event);
                t.timer = timer;
                outbox.add(entry);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Fills the store with the open incidents. */
    @Setup(Level.Trial)
    public void fill() {
        store = new PlainStore();
        parsedIds = new TicketId[tickets];
        for (int n = 1; n <= tickets; n++) {
            store.create(InMemoryStoresBenchmark.openIncident(n));
            parsedIds[n - 1] = TicketId.of("inc-" + n);
        }
        now = InMemoryStoresBenchmark.startOfUnits(tickets);
    }

    /**
     * The units of work of {@link #commitLoadedUnitOfWork}, built as {@link InMemoryStoresBenchmark.LoadedUnits} builds
     * them: each ticket loaded from the store just before.
     */
    @State(Scope.Thread)
    public static class LoadedUnits extends InMemoryStoresBenchmark.Units {
        private final long[] nextSequence = new long[1];

        /** Creates the state; {@link #load} fills it. */
        public LoadedUnits() {
            super(InMemoryStoresBenchmark.LOADED_BATCH);
        }

        /**
         * Loads the next {@value InMemoryStoresBenchmark#LOADED_BATCH} tickets and builds their units.
         *
         * @param b the benchmark whose store, clock and outbox ids the units continue
         */
        @Setup(Level.Invocation)
        public void load(PlainStoreBenchmark b) {
            for (int k = 0; k < InMemoryStoresBenchmark.LOADED_BATCH; k++) {
                b.cursor = (b.cursor + 7919) % b.tickets;
                Ticket before = b.store.load(b.parsedIds[b.cursor], nextSequence);
                b.now = b.now.plusMillis(1);
                build(k, before, nextSequence[0], b.now, ++b.outboxIds);
            }
        }
    }

    /**
     * Commits {@value InMemoryStoresBenchmark#LOADED_BATCH} units of work whose tickets were loaded just before; the
     * score is per unit of work.
     *
     * @param units the loaded units
     * @return the number of units committed
     */
    @Benchmark
    @OperationsPerInvocation(InMemoryStoresBenchmark.LOADED_BATCH)
    public int commitLoadedUnitOfWork(LoadedUnits units) {
        int committed = 0;
        for (int k = 0; k < InMemoryStoresBenchmark.LOADED_BATCH; k++) {
            committed += commitOne(units, k);
        }
        return committed;
    }

    /**
     * Checks that the store kept every event and outbox entry of the units committed so far: a floor that dropped what
     * it was given would measure less than it claims.
     *
     * @param committed the number of units of work committed since {@link #fill()}
     * @throws IllegalStateException if it kept more or fewer
     */
    void checkKept(long committed) {
        long[] kept = store.kept();
        if (kept[0] != committed || kept[1] != committed) {
            throw new IllegalStateException("the plain store keeps " + kept[0] + " events and " + kept[1]
                    + " outbox entries after " + committed + " units of work, not one of each per unit");
        }
    }

    /** Commits the k-th unit of work loaded ahead; returns 1. */
    int commitOne(LoadedUnits units, int k) {
        store.commit(units.snapshots[k], units.expectedVersions[k], units.events[k], units.timers[k], units.entries[k]);
        return 1;
    }
}
