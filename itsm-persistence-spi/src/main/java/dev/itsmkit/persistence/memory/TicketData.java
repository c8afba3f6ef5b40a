package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * copied, by holders of its read lock; never handed out. Empty ones are shared until the first write.
 */
final class TicketData {
    private static final TicketEvent[] NO_EVENTS = new TicketEvent[0];
    private static final long[] NO_HASHES = new long[0];

    /** The trail's events in sequence order, {@code trailSize} of them. */
    TicketEvent[] events = NO_EVENTS;
    /** The hash of record i at {@code [4i, 4i + 4)}. */
    long[] hashes = NO_HASHES;
    int trailSize;
    List<SlaClockSnapshot> clocks = List.of();
    List<OutboxEntry> outbox = List.of();
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

    /** Appends an event to the trail, chained to the last record by the tenant's hasher. */
    void append(TicketEvent event, TrailHasher hasher) {
        int n = trailSize;
        if (n == events.length) {
            int capacity = Math.max(2, 2 * n);
            events = Arrays.copyOf(events, capacity);
            hashes = Arrays.copyOf(hashes, TrailHasher.LONGS_PER_HASH * capacity);
        }
        hasher.chain(hashes, n == 0 ? -1 : TrailHasher.LONGS_PER_HASH * (n - 1), event, TrailHasher.LONGS_PER_HASH * n);
        events[n] = event;
        trailSize = n + 1;
        lastSequence = event.sequence();
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

    /** Replaces the clock of the same target and cycle, or inserts it in (target, cycle) order. */
    void save(SlaClockSnapshot clock) {
        if (clocks.isEmpty()) {
            clocks = new ArrayList<>(2);
        }
        int i = 0;
        while (i < clocks.size()) {
            SlaClockSnapshot c = clocks.get(i);
            int order = c.target().compareTo(clock.target());
            if (order == 0) {
                order = Integer.compare(c.cycle(), clock.cycle());
            }
            if (order == 0) {
                clocks.set(i, clock);
                return;
            }
            if (order > 0) {
                break;
            }
            i++;
        }
        clocks.add(i, clock);
    }

    void enqueue(OutboxEntry entry) {
        if (outbox.isEmpty()) {
            outbox = new ArrayList<>(2);
        }
        outbox.add(entry);
    }
}
