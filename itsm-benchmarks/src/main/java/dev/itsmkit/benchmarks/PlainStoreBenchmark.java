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
import org.jspecify.annotations.Nullable;
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
 * what keeping those objects costs on a heap of a million tickets in that layout; the difference to the in-memory
 * store, which stores its references the same way, is what its guarantees cost.
 *
 * <p>Two layouts of the same floor ({@link #layout}). {@code objects}: each ticket's holder references its objects, as
 * {@link PlainStore} above. {@code log}: each ticket's holder keeps only numbers, positions in one append-only log of
 * references ({@link LoggedStore}), so a commit stores every new reference next to the previous commit's, never into an
 * old object at a random place of the heap. With G1, a reference stored into an old object marks that object's card
 * (512 bytes of heap) dirty; the collector's threads then scan the card, concurrently or in the next pause, to record
 * which young objects it points to. A commit to one ticket of a million dirties a card nobody else dirtied since
 * the last pause; commits appended to a log dirty one card per 128 references. The difference between the two layouts
 * is what the random cards cost (docs/benchmarks.md, sixteenth session).
 *
 * <p>Same tickets ({@link InMemoryStoresBenchmark#openIncident}), same stride through them, same values
 * ({@link InMemoryStoresBenchmark.Units#build}), loaded {@value InMemoryStoresBenchmark#LOADED_BATCH} at a time before
 * their commits, as there. {@link CommitCost} measures the same with {@code plain} and {@code plain-log}: CPU time,
 * bytes, pauses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PlainStoreBenchmark {
    /** How many open incidents the store holds. */
    @Param({"100000", "1000000"})
    public int tickets = 100_000;

    /**
     * How the store keeps its objects: {@code objects}, referenced from each ticket's holder ({@link PlainStore}), or
     * {@code log}, referenced from an append-only log by position ({@link LoggedStore}).
     */
    @Param({"objects", "log"})
    public String layout = "objects";

    private Floor store = new PlainStore();
    /** Ids equal to the stored ones but other instances, as parsed from requests. */
    private TicketId[] parsedIds = new TicketId[0];
    private int cursor;
    private Instant now = Instant.EPOCH;
    private long outboxIds;

    /** Creates the benchmark; {@link #fill()} fills the store. */
    public PlainStoreBenchmark() {}

    /** What both layouts of the floor do. */
    interface Floor {
        /** Adds a ticket's first snapshot. */
        void create(Ticket snapshot);

        /** The snapshot and trail length of a ticket, as a command loads it: the sequence its next event takes. */
        Ticket load(TicketId id, long[] nextSequence);

        /** How many events and outbox entries the store keeps: as many as units of work committed, if it kept them all. */
        long[] kept();

        /** Commits one unit of work: all of it, or, with a stale version, nothing. */
        void commit(Ticket snapshot, long expectedVersion, TicketEvent event, DueTimer timer, OutboxEntry entry);
    }

    /**
     * What both layouts share: the tickets' holders by id in a {@code HashMap} and the outbox entries in one list, under
     * one lock, as the in-memory store's tenant lock. Loads take the lock too: the holders are written under it.
     *
     * @param <H> a ticket's holder
     */
    abstract static class LockedFloor<H> implements Floor {
        private final ReentrantLock lock = new ReentrantLock();
        private final HashMap<TicketId, H> tickets = new HashMap<>();
        private final ArrayList<OutboxEntry> outbox = new ArrayList<>();

        /** A new ticket's holder, holding its first snapshot. */
        abstract H holding(Ticket first);

        /** The holder's snapshot; writes the sequence its next event takes into {@code nextSequence[0]}. */
        abstract Ticket snapshot(H holder, long[] nextSequence);

        /** How many events the holder keeps (read back as a reader of the trail would). */
        abstract long events(H holder);

        /** The holder's snapshot's version. */
        abstract long version(H holder);

        /** Keeps a unit's snapshot, event and timer in the holder. */
        abstract void keep(H holder, Ticket snapshot, TicketEvent event, DueTimer timer);

        @Override
        public final void create(Ticket snapshot) {
            lock.lock();
            try {
                if (tickets.containsKey(snapshot.id())) {
                    throw new IllegalStateException("ticket " + snapshot.id() + " exists already");
                }
                tickets.put(snapshot.id(), holding(snapshot));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public final Ticket load(TicketId id, long[] nextSequence) {
            lock.lock();
            try {
                H holder = tickets.get(id);
                if (holder == null) {
                    throw new IllegalArgumentException("no ticket " + id);
                }
                return snapshot(holder, nextSequence);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public final long[] kept() {
            lock.lock();
            try {
                long events = 0;
                for (H holder : tickets.values()) {
                    events += events(holder);
                }
                return new long[] {events, outbox.size()};
            } finally {
                lock.unlock();
            }
        }

        @Override
        public final void commit(Ticket snapshot, long expectedVersion, TicketEvent event, DueTimer timer,
                OutboxEntry entry) {
            lock.lock();
            try {
                H holder = tickets.get(snapshot.id());
                if (holder == null || version(holder) != expectedVersion) {
                    throw new IllegalStateException("ticket " + snapshot.id() + " is not at version " + expectedVersion);
                }
                keep(holder, snapshot, event, timer);
                outbox.add(entry);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * A store a user might write instead of the in-memory store, keeping what a unit of work gives it: per ticket the
     * current snapshot, the events in a list and one timer; the outbox entries in one list.
     */
    static final class PlainStore extends LockedFloor<PlainStore.PlainTicket> {
        /** A ticket's part of the store. */
        static final class PlainTicket {
            private Ticket snapshot;
            private final ArrayList<TicketEvent> events = new ArrayList<>();
            private @Nullable DueTimer timer;

            private PlainTicket(Ticket snapshot) {
                this.snapshot = snapshot;
            }
        }

        @Override
        PlainTicket holding(Ticket first) {
            return new PlainTicket(first);
        }

        @Override
        Ticket snapshot(PlainTicket t, long[] nextSequence) {
            nextSequence[0] = t.events.size() + 1L;
            return t.snapshot;
        }

        @Override
        long events(PlainTicket t) {
            return t.events.size();
        }

        @Override
        long version(PlainTicket t) {
            return t.snapshot.version();
        }

        @Override
        void keep(PlainTicket t, Ticket snapshot, TicketEvent event, DueTimer timer) {
            t.snapshot = snapshot;
            t.events.add(event);
            t.timer = timer;
        }
    }

    /**
     * The same floor with each ticket's objects in one append-only log of references ({@link ReferenceLog}), each ticket
     * holding their positions: a commit appends the new snapshot, the event and the timer, and clears the positions of
     * the snapshot and timer they replace (a store of {@code null}, which G1's barrier lets pass without a card), so the
     * log keeps nothing a {@link PlainStore} would not. The ticket's events are chained in the log by position, last
     * first, and {@link #kept} walks every chain. The log never gives space back: 8 bytes a commit, which a real store
     * would reclaim by moving the few live entries of its oldest chunks, at a cost this floor does not pay.
     */
    static final class LoggedStore extends LockedFloor<LoggedStore.LoggedTicket> {
        private final ReferenceLog log = new ReferenceLog();

        /** A ticket's part of the store: positions in the log, and the snapshot's version. */
        static final class LoggedTicket {
            private int snapshotAt;
            private long version;
            private int lastEventAt = ReferenceLog.NONE;
            private int events;
            private int timerAt = ReferenceLog.NONE;
        }

        @Override
        LoggedTicket holding(Ticket first) {
            LoggedTicket t = new LoggedTicket();
            t.snapshotAt = log.append(first, ReferenceLog.NONE);
            t.version = first.version();
            return t;
        }

        @Override
        Ticket snapshot(LoggedTicket t, long[] nextSequence) {
            nextSequence[0] = t.events + 1L;
            return (Ticket) log.get(t.snapshotAt);
        }

        @Override
        long events(LoggedTicket t) {
            int chained = 0;
            for (int at = t.lastEventAt; at != ReferenceLog.NONE; at = log.previous(at)) {
                if (!(log.get(at) instanceof TicketEvent)) {
                    throw new IllegalStateException("position " + at + " of a trail holds no event");
                }
                chained++;
            }
            if (chained != t.events) {
                throw new IllegalStateException("a trail chains " + chained + " events, not " + t.events);
            }
            return chained;
        }

        @Override
        long version(LoggedTicket t) {
            return t.version;
        }

        @Override
        void keep(LoggedTicket t, Ticket snapshot, TicketEvent event, DueTimer timer) {
            log.clear(t.snapshotAt);
            t.snapshotAt = log.append(snapshot, ReferenceLog.NONE);
            t.version = snapshot.version();
            t.lastEventAt = log.append(event, t.lastEventAt);
            t.events++;
            if (t.timerAt != ReferenceLog.NONE) {
                log.clear(t.timerAt);
            }
            t.timerAt = log.append(timer, ReferenceLog.NONE);
        }
    }
    /**
     * An append-only log of references in chunks of {@value #CHUNK}, each with the position of an earlier entry it
     * chains to: consecutive appends store into consecutive slots. Not thread-safe (its store's lock guards it).
     */
    static final class ReferenceLog {
        /** The position of no entry. */
        static final int NONE = -1;
        private static final int CHUNK_BITS = 12;
        private static final int CHUNK = 1 << CHUNK_BITS;
        private Object[][] entries = new Object[16][];
        private int[][] previous = new int[16][];
        private int size;

        /** Appends an entry chained to the one at {@code chainedTo} ({@link #NONE} for none); returns its position. */
        int append(Object entry, int chainedTo) {
            int chunk = size >>> CHUNK_BITS;
            if (chunk == entries.length) {
                entries = java.util.Arrays.copyOf(entries, 2 * chunk);
                previous = java.util.Arrays.copyOf(previous, 2 * chunk);
            }
            if (entries[chunk] == null) {
                entries[chunk] = new Object[CHUNK];
                previous[chunk] = new int[CHUNK];
            }
            entries[chunk][size & (CHUNK - 1)] = entry;
            previous[chunk][size & (CHUNK - 1)] = chainedTo;
            return size++;
        }

        /** The entry at a position, {@code null} once cleared. */
        Object get(int at) {
            return entries[at >>> CHUNK_BITS][at & (CHUNK - 1)];
        }

        /** The position the entry at {@code at} chains to, or {@link #NONE}. */
        int previous(int at) {
            return previous[at >>> CHUNK_BITS][at & (CHUNK - 1)];
        }

        /** Drops the entry at a position, which nobody reads any more. */
        void clear(int at) {
            entries[at >>> CHUNK_BITS][at & (CHUNK - 1)] = null;
        }
    }

    /** Fills the store with the open incidents. */
    @Setup(Level.Trial)
    public void fill() {
        store = switch (layout) {
            case "objects" -> new PlainStore();
            case "log" -> new LoggedStore();
            default -> throw new IllegalArgumentException("expected the layout objects or log, not " + layout);
        };
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
            throw new IllegalStateException("the plain store (" + layout + ") keeps " + kept[0] + " events and " + kept[1]
                    + " outbox entries after " + committed + " units of work, not one of each per unit");
        }
    }

    /** Commits the k-th unit of work loaded ahead; returns 1. */
    int commitOne(LoadedUnits units, int k) {
        store.commit(units.snapshots[k], units.expectedVersions[k], units.events[k], units.timers[k], units.entries[k]);
        return 1;
    }
}
