package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.TicketOrder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a tenant's store keeps about one ticket besides its snapshot, in one place, so that a
 * commit finds it with the one lookup that finds the snapshot: the audit trail (whose last record
 * gives the sequence and the previous hash of the next event), the SLA clocks in (target, cycle)
 * order, and the outbox entries not yet purged.
 *
 * <p>The trail is kept as its events and, in a parallel {@code long[]}, each record's hash in binary
 * (four {@code long}s, see {@link TrailHasher}); {@link #record} builds the {@link AuditRecord} a reader
 * gets. Appending reads the previous hash next to where it writes the new one and allocates nothing
 * but the arrays' growth.
 *
 * <p>Mutable arrays and lists, changed in place by the holder of the tenant's write lock and read, then
 * copied, by holders of its read lock; never handed out. Empty ones are shared until the first write. The
 * SLA clocks are an immutable list replaced on each save (a ticket has one to three).
 *
 * <p>What a command reads of one ticket (snapshot, trail head, clocks) is also published, once per commit
 * that touched the ticket, into this object's view fields under a sequence lock ({@link #publish}): a reader without
 * the lock ({@code loadForCommand}, {@code lastSequence}, the clocks, and a commit hashing its events before it takes
 * the lock) reads them between two reads of the sequence and retries if a publication ran in between, so it sees one
 * commit whole ({@link #head}); the trail's last hash it reads from the trail's hash array. Not an immutable object
 * replaced by each commit: that object would live until the ticket's next commit, so the collector would copy it out of
 * the young generation and later reclaim it from the old one, 64 bytes for every commit (measured in
 * docs/benchmarks.md, fourteenth session).
 */
final class TicketData {
    private static final TicketEvent[] NO_EVENTS = new TicketEvent[0];
    private static final long[] NO_HASHES = new long[0];
    private static final OutboxEntry[] NO_ENTRIES = new OutboxEntry[0];
    /**
     * Up to this many events in the trail (and entries in the outbox), an append copies the array into a new one a slot
     * longer instead of writing into it. The new array is young, so the store of the event or entry into it needs no
     * card of the old array marked: with G1, that mark costs a commit a fence and the read of a card at a random place
     * of the card table, the array being one of a million tickets'. The new array's own reference is stored into this
     * object, whose card the commit's other stores mark anyway. Past this many, the arrays double and are written in
     * place: copying a long trail on every append would cost more than the mark. Measured with {@code CommitAB} at a
     * million tickets: 28 to 218 ns less per commit, in each of four runs (docs/benchmarks.md, thirteenth session).
     */
    private static final int COPIED = 16;
    private static final VarHandle VIEW_SEQUENCE;
    /** How many failed reads of the view {@link #head} spins through before it yields to the publishing thread. */
    private static final int SPINS = 64;

    static {
        try {
            VIEW_SEQUENCE = MethodHandles.lookup().findVarHandle(TicketData.class, "viewSequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * One commit's view of a ticket, as a reader without the lock got it ({@link #head}): its snapshot (null before the
     * first), the sequence of its trail's last record, the trail's size and last hash (binary, see {@link TrailHasher};
     * zeros when empty), and its SLA clocks. Short-lived: made by the reader, not kept by the store.
     */
    static final class Head {
        static final Head EMPTY = new Head(null, 0, 0, 0, 0, 0, 0, List.of());
        final @Nullable Ticket snapshot;
        final long lastSequence;
        final int trailSize;
        final long hash0;
        final long hash1;
        final long hash2;
        final long hash3;
        final List<SlaClockSnapshot> clocks;

        Head(@Nullable Ticket snapshot, long lastSequence, int trailSize, long hash0, long hash1, long hash2, long hash3,
                List<SlaClockSnapshot> clocks) {
            this.snapshot = snapshot;
            this.lastSequence = lastSequence;
            this.trailSize = trailSize;
            this.hash0 = hash0;
            this.hash1 = hash1;
            this.hash2 = hash2;
            this.hash3 = hash3;
            this.clocks = clocks;
        }
    }

    /**
     * The view's sequence lock: odd while {@link #publish} writes the view fields, even otherwise; written with release
     * by the lock holder, read with acquire by anyone.
     */
    @SuppressWarnings("unused") // through VIEW_SEQUENCE
    private long viewSequence;
    /** The published view (see {@link #head}); written by {@link #publish} only. */
    private @Nullable Ticket viewSnapshot;
    private long viewLastSequence;
    private int viewTrailSize;
    private List<SlaClockSnapshot> viewClocks = List.of();
    /** Whether the lock holder changed what the view holds since it was last published. */
    private boolean changed;
    /**
     * Whether a test hook edited this trail behind the SPI's back ({@link #deleteRecord}): then a record's position is
     * no longer its sequence less one, and the reads by sequence search for it.
     */
    private boolean edited;
    /** The ticket's id, set by its first save: the tie-breaker of its entries in the sort indexes; for lock holders. */
    @Nullable TicketId id;
    /** The current snapshot, for the next publication of the view; for lock holders. */
    @Nullable Ticket snapshot;

    /** The trail's events in sequence order, {@code trailSize} of them. */
    TicketEvent[] events = NO_EVENTS;
    /** The hash of record i at {@code [4i, 4i + 4)}. */
    long[] hashes = NO_HASHES;
    int trailSize;
    /**
     * The last record's hash (zeros for an empty trail), a copy of the end of {@code hashes} kept in this object, which
     * a commit reads anyway: checking that a hash computed before the lock is chained to the trail's last record then
     * reads no line of the hash array (only its slot is written, which does not hold up the commit as a read would).
     * The published view has no copy of it: a reader without the lock reads it from {@code hashes} ({@link #head}).
     */
    long lastHash0;
    long lastHash1;
    long lastHash2;
    long lastHash3;
    List<SlaClockSnapshot> clocks = List.of();
    /**
     * The outbox entries not yet purged, {@code outboxCount} of them, in an array held here rather than a list object
     * (one allocation and one dependent read less when a commit appends one).
     */
    OutboxEntry[] outbox = NO_ENTRIES;
    int outboxCount;
    /**
     * The sequence of the trail's last record, kept here so that a commit checks it without reading the
     * event (a cache miss of its own).
     */
    long lastSequence;
    /**
     * The snapshot's last-update instant, its key in the {@code UPDATED} order, kept here because it is
     * the key every update moves: a commit reads the old key from this object, which it reads anyway,
     * instead of from the old snapshot's {@code Instant}, a cache miss of its own.
     */
    long updatedSecond;
    int updatedNano;
    /**
     * The number of the chunk of the order by last update that its key was put in ({@link ChunkedIndex#put}'s hint):
     * the next update marks that key stale there without a search of the order's directory. A number, not the chunk:
     * with G1, storing a reference into this object, old and at a random place among a million tickets, costs a fence
     * and a read of a random card of the card table; an {@code int} costs neither.
     */
    int updatedChunk = ChunkedIndex.NO_HINT;
    /**
     * The snapshot's keys in the orders by number (kind's ordinal, sequence) and by creation (epoch second,
     * nanosecond), as {@link SortKey#of} gives them, kept here as the update key is: a query that sorts an inverted
     * index's candidates ({@code InMemoryTenantStores}) compares them here and reads the snapshot of the few that can
     * enter its page only, not of every candidate (two dependent cache misses each at a million tickets, the snapshot
     * and its number or instant). Written when the key changes (for lock holders).
     */
    int numberKind;
    long numberSequence;
    long createdSecond;
    int createdNano;
    /**
     * The ordinal of the snapshot's state category, kept with its kind ({@link #numberKind}) so that a commit that
     * changes the state moves the ticket between the tenant's counts without reading the old state; for lock holders.
     */
    byte stateCategory;
    /**
     * The number of its entry in the order by last update ({@link ChunkedIndex#lastEntry}), whose bit the next update
     * clears when it marks the key stale; meaningful once the ticket has a snapshot.
     */
    int updatedEntry = -1;
    /**
     * The ticket's first due timer in the timer table, which links the others from it, or {@code null}: written and
     * read only under the timer table's lock (the tenant's lock guards the other fields). Kept here rather than in a
     * table by ticket because the commit that schedules a timer has this object at hand and has just written it (see
     * {@code TimerTable.add}).
     */
    TimerTable.@Nullable Entry firstTimer;

    /**
     * The last published view, safe without a lock: the view fields read between two reads of the sequence lock, again
     * if a publication changed it meanwhile. A publication is a few stores long, so a reader retries rarely; one that
     * keeps finding it odd (the publishing thread descheduled in the middle) yields to let it finish.
     */
    Head head() {
        for (int attempt = 1; ; attempt++) {
            long sequence = (long) VIEW_SEQUENCE.getAcquire(this);
            if ((sequence & 1) == 0) {
                Ticket snapshot = viewSnapshot;
                long lastSequence = viewLastSequence;
                int trailSize = viewTrailSize;
                // the last record's hash from the trail's array: a record's slot is written before the view that
                // counts it is published, and a grown array is a copy; a commit checks under the lock what it chained to.
                // Read by every reader, loadForCommand too: the engine loads a ticket just before its command appends an
                // event, whose hashing then finds this line in the cache (read only there, the commit waited for it)
                long[] trailHashes = hashes;
                int last = TrailHasher.LONGS_PER_HASH * (trailSize - 1);
                boolean inArray = last >= 0 && last + 3 < trailHashes.length;
                long hash0 = inArray ? trailHashes[last] : 0;
                long hash1 = inArray ? trailHashes[last + 1] : 0;
                long hash2 = inArray ? trailHashes[last + 2] : 0;
                long hash3 = inArray ? trailHashes[last + 3] : 0;
                List<SlaClockSnapshot> clocks = viewClocks;
                // the reads above happen before the sequence is read again
                VarHandle.loadLoadFence();
                if ((long) VIEW_SEQUENCE.getOpaque(this) == sequence) {
                    return new Head(snapshot, lastSequence, trailSize, hash0, hash1, hash2, hash3, clocks);
                }
            }
            if (attempt % SPINS == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Publishes the current state as the view ({@link #head}) if it changed since the last; for the lock holder. The
     * sequence lock turns odd, the view fields are written, and it turns even again with a release store.
     */
    void publish() {
        if (!changed) {
            return;
        }
        changed = false;
        long sequence = (long) VIEW_SEQUENCE.getOpaque(this);
        VIEW_SEQUENCE.setOpaque(this, sequence + 1);
        // the odd sequence is visible before any of the view's stores
        VarHandle.storeStoreFence();
        viewSnapshot = snapshot;
        viewLastSequence = lastSequence;
        viewTrailSize = trailSize;
        viewClocks = clocks;
        VIEW_SEQUENCE.setRelease(this, sequence + 2);
    }

    /** Replaces the snapshot; for the lock holder, who then {@link #publish}es. */
    void save(Ticket ticket) {
        snapshot = ticket;
        changed = true;
    }

    /** Keeps the snapshot's key in an order, which {@link #keyMajor} and {@link #keyMinor} then give; for lock holders. */
    void keepKey(TicketOrder order, long major, long minor) {
        switch (order) {
            case NUMBER -> {
                numberKind = (int) major;
                numberSequence = minor;
            }
            case CREATED -> {
                createdSecond = major;
                createdNano = (int) minor;
            }
            case UPDATED -> {
                updatedSecond = major;
                updatedNano = (int) minor;
            }
        }
    }

    /** The major part of the snapshot's key in an order ({@link SortKey#major}); for lock holders. */
    long keyMajor(TicketOrder order) {
        return switch (order) {
            case NUMBER -> numberKind;
            case CREATED -> createdSecond;
            case UPDATED -> updatedSecond;
        };
    }

    /** The minor part of the snapshot's key in an order ({@link SortKey#minor}); for lock holders. */
    long keyMinor(TicketOrder order) {
        return switch (order) {
            case NUMBER -> numberSequence;
            case CREATED -> createdNano;
            case UPDATED -> updatedNano;
        };
    }

    /** Replaces the last record's sequence, as a tampering does; for the lock holder, who then publishes. */
    void forgeLastSequence(long sequence) {
        lastSequence = sequence;
        changed = true;
    }

    /**
     * The position of the stored record whose event has this sequence, or -1 if there is none: its sequence less one,
     * unless a test hook deleted a record before it. For the lock holder and readers under the read lock.
     */
    int positionOfSequence(long sequence) {
        if (!edited) {
            return sequence >= 1 && sequence <= trailSize ? (int) (sequence - 1) : -1;
        }
        for (int i = 0; i < trailSize; i++) {
            if (events[i].sequence() == sequence) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position of the first stored record whose event's sequence is at least {@code sequence} ({@link #trailSize}
     * if none): its sequence less one, unless a test hook deleted a record.
     */
    int positionFrom(long sequence) {
        if (!edited) {
            return (int) Math.min(Math.max(sequence - 1, 0), trailSize);
        }
        for (int i = 0; i < trailSize; i++) {
            if (events[i].sequence() >= sequence) {
                return i;
            }
        }
        return trailSize;
    }

    /**
     * Deletes the record at a position, leaving every other record's event and hash as stored, as someone deleting a
     * row of a database would; the trail's head becomes the record before the last one, if it was the last. For a test
     * hook and the lock holder, who then publishes.
     */
    void deleteRecord(int position) {
        int n = trailSize;
        int after = n - position - 1;
        System.arraycopy(events, position + 1, events, position, after);
        events[n - 1] = null;
        int words = TrailHasher.LONGS_PER_HASH;
        System.arraycopy(hashes, words * (position + 1), hashes, words * position, words * after);
        Arrays.fill(hashes, words * (n - 1), words * n, 0L);
        trailSize = n - 1;
        if (trailSize == 0) {
            lastSequence = 0;
            lastHash0 = 0;
            lastHash1 = 0;
            lastHash2 = 0;
            lastHash3 = 0;
        } else {
            int last = words * (trailSize - 1);
            lastSequence = events[trailSize - 1].sequence();
            lastHash0 = hashes[last];
            lastHash1 = hashes[last + 1];
            lastHash2 = hashes[last + 2];
            lastHash3 = hashes[last + 3];
        }
        edited = true;
        changed = true;
    }

    /**
     * Replaces the hash stored at a position with four {@code long}s (as {@link TrailHasher} keeps them), keeping the
     * event; the next append chains to it if it is the last record's. For a test hook and the lock holder, who then
     * publishes.
     */
    void replaceHash(int position, long[] forged) {
        int at = TrailHasher.LONGS_PER_HASH * position;
        System.arraycopy(forged, 0, hashes, at, TrailHasher.LONGS_PER_HASH);
        if (position == trailSize - 1) {
            lastHash0 = forged[0];
            lastHash1 = forged[1];
            lastHash2 = forged[2];
            lastHash3 = forged[3];
        }
        changed = true;
    }

    /**
     * Appends an event to the trail with the hash computed before the lock was taken, at {@code at} of
     * {@code hashed}, if it was chained to the trail's present last record: {@code hashed} holds at
     * {@code at - 4} the hash it was chained to and {@code basis} is the trail size it was chained
     * after; else chains it now.
     */
    void append(TicketEvent event, long[] hashed, int at, int basis, TrailHasher hasher) {
        int n = trailSize;
        if (TrailHasher.LONGS_PER_HASH * (n + 1) > hashes.length) {
            hashes = Arrays.copyOf(hashes, TrailHasher.LONGS_PER_HASH * Math.max(2, 2 * n));
        }
        if (n < COPIED) {
            // a new, young array: the event's store into it marks no card of an old array (see COPIED)
            events = Arrays.copyOf(events, n + 1);
        } else if (n == events.length) {
            events = Arrays.copyOf(events, 2 * n);
        }
        int to = TrailHasher.LONGS_PER_HASH * n;
        int last = to - TrailHasher.LONGS_PER_HASH;
        if (basis == n && (n == 0 || lastHash0 == hashed[at - 4] && lastHash1 == hashed[at - 3]
                && lastHash2 == hashed[at - 2] && lastHash3 == hashed[at - 1])) {
            lastHash0 = hashed[at];
            lastHash1 = hashed[at + 1];
            lastHash2 = hashed[at + 2];
            lastHash3 = hashed[at + 3];
            hashes[to] = lastHash0;
            hashes[to + 1] = lastHash1;
            hashes[to + 2] = lastHash2;
            hashes[to + 3] = lastHash3;
        } else {
            // another commit appended since: chain to the present last record, as a commit under the lock would
            hasher.chain(hashes, n == 0 ? -1 : last, event, to);
            lastHash0 = hashes[to];
            lastHash1 = hashes[to + 1];
            lastHash2 = hashes[to + 2];
            lastHash3 = hashes[to + 3];
        }
        events[n] = event;
        trailSize = n + 1;
        lastSequence = event.sequence();
        changed = true;
    }

    /**
     * The record at a position of the trail.
     *
     * @param previousHash the hash of the record before it ({@link #hash} of position - 1), which a
     *     reader of consecutive records passes from the previous call
     */
    AuditRecord record(int position, String previousHash) {
        return new AuditRecord(events[position], previousHash, hash(position));
    }

    /** The hash of the record at a position, or the genesis hash for -1. */
    String hash(int position) {
        return TrailHasher.hex(hashes, position < 0 ? -1 : TrailHasher.LONGS_PER_HASH * position);
    }

    /** The records from a position on, in order. */
    List<AuditRecord> records(int from) {
        List<AuditRecord> records = new ArrayList<>(trailSize - from);
        String previous = hash(from - 1);
        for (int i = from; i < trailSize; i++) {
            AuditRecord r = record(i, previous);
            records.add(r);
            previous = r.hash();
        }
        return records;
    }

    /**
     * The position of a stored event: its sequence less one unless a tampering moved sequences (then found by
     * identity); a tampered slot no longer holds the event, so its sequence less one answers for it.
     */
    int positionOf(TicketEvent event) {
        long guess = event.sequence() - 1;
        if (guess >= 0 && guess < trailSize && events[(int) guess] == event) {
            return (int) guess;
        }
        for (int i = 0; i < trailSize; i++) {
            if (events[i] == event) {
                return i;
            }
        }
        return (int) guess;
    }

    /**
     * Replaces the clock of the same target and cycle, or inserts it in (target, cycle) order, in a new
     * immutable list (readers without the lock hold the old one).
     */
    void save(SlaClockSnapshot clock) {
        changed = true;
        int size = clocks.size();
        int i = 0;
        while (i < size) {
            SlaClockSnapshot c = clocks.get(i);
            int order = c.target().compareTo(clock.target());
            if (order == 0) {
                order = Integer.compare(c.cycle(), clock.cycle());
            }
            if (order == 0) {
                if (size == 1) {
                    // the usual case, one clock: a list of one, no array
                    clocks = List.of(clock);
                    return;
                }
                SlaClockSnapshot[] replaced = clocks.toArray(new SlaClockSnapshot[size]);
                replaced[i] = clock;
                clocks = List.of(replaced);
                return;
            }
            if (order > 0) {
                break;
            }
            i++;
        }
        if (size == 0) {
            clocks = List.of(clock);
            return;
        }
        SlaClockSnapshot[] grown = new SlaClockSnapshot[size + 1];
        for (int k = 0; k < size; k++) {
            grown[k < i ? k : k + 1] = clocks.get(k);
        }
        grown[i] = clock;
        clocks = List.of(grown);
    }

    /**
     * Reads, WITHOUT the lock, the lines a commit appending an event and an outbox entry to this ticket will write:
     * this object's fields past its published view, the trail's next slots (event and hash), the outbox's next
     * slot and the ticket's first timer. A commit calls it before it takes the lock, so that these cache misses overlap
     * with its other reads ahead instead of following one another under the lock. The fields may be changing under
     * another thread's commit: each index is checked against the array read, and what is read is only summed.
     *
     * @return a value made of what was read, for the caller to keep (so that the reads are not dropped as unused)
     */
    long readAhead() {
        TicketEvent[] trail = events;
        long[] trailHashes = hashes;
        OutboxEntry[] entries = outbox;
        int n = trailSize;
        int m = outboxCount;
        long read = lastSequence + updatedSecond + n + m;
        if (n >= 0 && n < trail.length && trail[n] != null) {
            read++;
        }
        int h = TrailHasher.LONGS_PER_HASH * n;
        if (h >= 0 && h < trailHashes.length) {
            read += trailHashes[h];
        }
        if (m >= 0 && m < entries.length && entries[m] != null) {
            read++;
        }
        // the ticket's first timer, which a commit scheduling one of its timers looks at (written under another lock)
        TimerTable.Entry timer = firstTimer;
        if (timer != null) {
            read += timer.dueSecond;
        }
        return read;
    }

    void enqueue(OutboxEntry entry) {
        if (outboxCount < COPIED) {
            // as the trail's events (see COPIED)
            outbox = Arrays.copyOf(outbox, outboxCount + 1);
        } else if (outboxCount == outbox.length) {
            outbox = Arrays.copyOf(outbox, Math.max(2, 2 * outboxCount));
        }
        outbox[outboxCount++] = entry;
    }

    /** Keeps the first {@code kept} outbox entries (a purge moved the survivors there) and drops the rest. */
    void keepOutbox(int kept) {
        if (kept == 0) {
            outbox = NO_ENTRIES;
        } else {
            Arrays.fill(outbox, kept, outboxCount, null);
        }
        outboxCount = kept;
    }
}
