package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's tickets by id: an open-addressing hash table with linear probing, read without a lock
 * and written by one thread at a time (the holder of the tenant's write lock).
 *
 * <p>Layout: one {@code Object[]} holds, per slot, the id, the current snapshot and the ticket's
 * {@link TicketData} (trail, clocks, outbox entries; only lock holders read it) side by side
 * ({@code [3i] = id, [3i + 1] = snapshot, [3i + 2] = data}), and a parallel {@code int[]} holds each
 * slot's full hash code. A load costs the id's hash code and one probe that reads the slot's cache
 * line holding both the id and the snapshot; a commit finds the data on the same line. The stored id
 * is compared by identity first (a caller that holds the stored instance costs no more); otherwise
 * the slot's hash is compared before
 * {@code equals}, so a slot of another ticket met on the way (about one probe in two at this load
 * factor) costs a read of the hash array, not the two or three cache misses of dereferencing its id,
 * the id's string and the string's bytes. No allocation but the caller's {@code Optional}. The id's
 * hash is spread by a Fibonacci multiplication, so sequential ids such as {@code inc-1}, {@code inc-2}
 * do not cluster.
 *
 * <p>Concurrency: tickets are never removed, so a key, once published, stays in its slot. A slot may
 * hold an id without a snapshot (an event or a clock written before the ticket's first snapshot): a
 * load reads it as absent. Snapshots are published with release stores and read with acquire loads,
 * so a reader sees a snapshot whole. The table grows at
 * half full into new arrays, filled completely before they are published through a volatile field; a
 * reader still probing the old arrays sees a complete table as of a moment during its call. Load
 * factor at most 1/2, so probes stay short: O(1) expected per operation, growth amortized O(1).
 */
final class TicketTable {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int GOLDEN = 0x9E3779B9;

    /** The arrays of one capacity, published together. */
    private static final class Arrays {
        final Object[] entries;
        /** The hash code of the id in each slot; written before the id is published. */
        final int[] hashes;
        final int capacity;
        final int shift;
        final int mask;

        Arrays(int capacity) {
            entries = new Object[3 * capacity];
            hashes = new int[capacity];
            this.capacity = capacity;
            shift = 32 - Integer.numberOfTrailingZeros(capacity);
            mask = capacity - 1;
        }

        int home(int hash) {
            return (hash * GOLDEN) >>> shift;
        }
    }

    private volatile Arrays arrays = new Arrays(16);
    private int size;

    /** The current snapshot of a ticket, or {@code null}; safe without a lock. */
    @Nullable Ticket get(TicketId id) {
        Arrays a = arrays;
        Object[] entries = a.entries;
        int hash = id.hashCode();
        for (int i = a.home(hash); ; i = (i + 1) & a.mask) {
            Object key = SLOTS.getAcquire(entries, 3 * i);
            if (key == null) {
                return null;
            }
            // the acquire load of the key makes the hash written before its release visible
            if (key == id || a.hashes[i] == hash && key.equals(id)) {
                return (Ticket) SLOTS.getAcquire(entries, 3 * i + 1);
            }
        }
    }

    /** The slot index of a ticket in the current arrays, or -1; for lock holders. */
    int indexOf(TicketId id) {
        Arrays a = arrays;
        Object[] entries = a.entries;
        int hash = id.hashCode();
        for (int i = a.home(hash); ; i = (i + 1) & a.mask) {
            Object key = entries[3 * i];
            if (key == null) {
                return -1;
            }
            if (key == id || a.hashes[i] == hash && key.equals(id)) {
                return i;
            }
        }
    }

    /** The snapshot at an index returned by {@link #indexOf}; for lock holders. */
    @Nullable Ticket ticketAt(int index) {
        return (Ticket) arrays.entries[3 * index + 1];
    }

    /** The data at an index returned by {@link #indexOf}; for lock holders. */
    TicketData dataAt(int index) {
        return (TicketData) arrays.entries[3 * index + 2];
    }

    /** The data of a ticket, or {@code null}; for lock holders. */
    @Nullable TicketData data(TicketId id) {
        int i = indexOf(id);
        return i < 0 ? null : (TicketData) arrays.entries[3 * i + 2];
    }

    /** Replaces the snapshot at an index returned by {@link #indexOf} (no growth since); for the writer. */
    void replaceAt(int index, Ticket ticket) {
        SLOTS.setRelease(arrays.entries, 3 * index + 1, ticket);
    }

    /**
     * Returns the index of a ticket's slot, adding a slot with fresh data and no snapshot yet if it has none (an
     * event or a clock can be written before the ticket's first snapshot); for the writer. Indexes returned
     * before this call may have moved.
     *
     * @param id the ticket
     * @return the index of its slot in the current arrays
     */
    int indexFor(TicketId id) {
        int found = indexOf(id);
        if (found >= 0) {
            return found;
        }
        if (2 * (size + 1) > arrays.capacity) {
            grow();
        }
        Arrays a = arrays;
        int hash = id.hashCode();
        int i = place(a, hash);
        a.hashes[i] = hash;
        a.entries[3 * i + 2] = new TicketData();
        // the key last, with release semantics: a reader that sees it sees the slot's hash, data and (null) snapshot
        SLOTS.setRelease(a.entries, 3 * i, id);
        size++;
        return i;
    }

    private static int place(Arrays a, int hash) {
        int i = a.home(hash);
        while (a.entries[3 * i] != null) {
            i = (i + 1) & a.mask;
        }
        return i;
    }

    private void grow() {
        Arrays old = arrays;
        Arrays bigger = new Arrays(old.capacity * 2);
        for (int j = 0; j < old.capacity; j++) {
            Object key = old.entries[3 * j];
            if (key != null) {
                int hash = old.hashes[j];
                int i = place(bigger, hash);
                bigger.hashes[i] = hash;
                bigger.entries[3 * i] = key;
                bigger.entries[3 * i + 1] = old.entries[3 * j + 1];
                bigger.entries[3 * i + 2] = old.entries[3 * j + 2];
            }
        }
        arrays = bigger; // a volatile write: publishes the filled arrays
    }

    /** How many slots the table holds (tickets, and ids with data but no snapshot yet); for lock holders. */
    int size() {
        return size;
    }
}
