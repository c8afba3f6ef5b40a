package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's tickets by id: an open-addressing hash table with linear probing, read without a lock
 * and written by one thread at a time (the holder of the tenant's write lock).
 *
 * <p>Layout, chosen so that a lookup among a million tickets waits for one cache miss of the table's,
 * not four. Two arrays are indexed by slot:
 * <ul>
 *   <li>{@code refs}, an {@code Object[]}: the id's text (the stored id's {@code String}), the current
 *       snapshot and the ticket's {@link TicketData} (trail, clocks, outbox entries; only lock holders
 *       read it, except its published {@link TicketData#head}) side by side ({@code [3i]}, {@code [3i + 1]}, {@code [3i + 2]}), 12 bytes a slot;</li>
 *   <li>{@code keys}, a {@code long[]} of {@value #WORDS} words a slot: the id's lookup key as the id
 *       computed it when it was made ({@link TicketId#keyWord}): a hash of the text and its length
 *       ({@code hash << 32 | length << 24}), then the text itself, seven bits a character, nine
 *       characters a word, when it has at most {@value #INLINE_CHARS} characters (ticket numbers,
 *       prefixed sequence numbers and the engine's UUIDs, 36 characters). A longer text has length 0
 *       there and is compared through {@code refs}.</li>
 * </ul>
 * A probe reads slot {@code i} of both arrays; neither address depends on a load, so the processor
 * fetches the two lines at once. A lookup compares by identity first (a caller holding the stored id's
 * text, as one with the stored {@code TicketId} does, reads only {@code refs}), then the head word
 * (hash and length), then as many words as the text fills, against the caller's id's own words: an
 * equal copy of the id, as parsed from a request, is recognised without dereferencing the stored id,
 * its string or the string's bytes (three dependent misses, which a {@code HashMap} pays on top of its
 * table and node), and without reading the caller's characters (the id packed them once, in the pass
 * that checked them), so a lookup is a few dozen instructions around its miss and the processor can
 * overlap the misses of consecutive lookups. Only ids that do not fit inline are compared with
 * {@code String.equals}. The hash is spread by a Fibonacci multiplication, so sequential ids such as
 * {@code inc-1}, {@code inc-2} do not cluster. No allocation.
 *
 * <p>Memory: 52 bytes a slot (12 before the key words), two to four slots a ticket: 109 bytes a ticket at a million.
 *
 * <p>Concurrency: tickets are never removed, so a key, once published, stays in its slot, and its
 * words never change. A slot may hold an id without a snapshot (an event or a clock written before the
 * ticket's first snapshot): a load reads it as absent. A slot's words and data are written before its
 * text is published with a release store; a reader loads the text with an acquire load before the
 * words, and sees them whole. Snapshots are published with release stores and read with acquire loads,
 * so a reader sees a snapshot whole. The table grows at half full into new arrays, filled completely
 * before they are published through a volatile field; a reader still probing the old arrays sees a
 * complete table as of a moment during its call. Load factor at most 1/2, so probes stay short: O(1)
 * expected per operation, growth amortized O(1).
 */
final class TicketTable {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int GOLDEN = 0x9E3779B9;
    /** The words of {@code keys} per slot: the id's lookup key ({@link TicketId#keyWord}), head and characters. */
    static final int WORDS = TicketId.KEY_WORDS;
    /** The longest text kept inline. */
    static final int INLINE_CHARS = TicketId.INLINE_CHARS;

    /** The arrays of one capacity, published together. */
    private static final class Arrays {
        final Object[] refs;
        /** Per slot, the hash and inline text of its id; written before the id's text is published. */
        final long[] keys;
        final int capacity;
        final int shift;
        final int mask;

        Arrays(int capacity) {
            refs = new Object[3 * capacity];
            keys = new long[WORDS * capacity];
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
        int i = publishedSlot(a, id);
        return i < 0 ? null : (Ticket) SLOTS.getAcquire(a.refs, 3 * i + 1);
    }

    /**
     * The current snapshot of a ticket, if it has one; safe without a lock. The same as {@link #get}, but the
     * snapshot goes into the {@code Optional} without a {@code checkcast}: a cast reads the object's class word,
     * a dependent cache miss on a snapshot nobody has read lately, which would double what a lookup among a
     * million tickets waits for (the slot's lines, then the snapshot's). A {@code HashMap} does not check its
     * values either; the caller pays the miss when it reads the ticket, if it does. Sound because a slot's
     * snapshot reference is only ever written from a {@code Ticket} ({@link #replaceAt}).
     */
    @SuppressWarnings("unchecked") // only Tickets are stored at 3i + 1 (see above); the cast is erased, so nothing is read
    Optional<Ticket> find(TicketId id) {
        Arrays a = arrays;
        int i = publishedSlot(a, id);
        if (i < 0) {
            return Optional.empty();
        }
        Object snapshot = SLOTS.getAcquire(a.refs, 3 * i + 1);
        return (Optional<Ticket>) (Optional<?>) Optional.ofNullable(snapshot);
    }

    /**
     * The data of a ticket, or {@code null}; safe without a lock for what the data publishes (its
     * {@link TicketData#head}): a slot's data is written before its key is published and never replaced.
     */
    @Nullable TicketData publishedData(TicketId id) {
        Arrays a = arrays;
        int i = publishedSlot(a, id);
        return i < 0 ? null : (TicketData) a.refs[3 * i + 2];
    }

    /** The slot of a published id in the given arrays, or -1; safe without a lock. */
    private static int publishedSlot(Arrays a, TicketId id) {
        Object[] refs = a.refs;
        String text = id.value();
        long head = id.keyWord(0);
        int home = a.home((int) (head >>> 32));
        // the acquire load of a key makes the words and references written before its release visible
        Object key = SLOTS.getAcquire(refs, 3 * home);
        if (key == text) {
            return home; // the stored id's own text in its home slot: its words are not read
        }
        // the words read once, here, not in matches: a call site there runs only for an equal copy of the id, and
        // the JIT leaves such a site a call (and a parsed id on the heap) when the profile saw few of them
        long w1 = id.keyWord(1);
        long w2 = id.keyWord(2);
        long w3 = id.keyWord(3);
        long w4 = id.keyWord(4);
        for (int i = home; ; i = (i + 1) & a.mask, key = SLOTS.getAcquire(refs, 3 * i)) {
            if (key == null) {
                return -1;
            }
            if (key == text || matches(a.keys, i, key, text, head, w1, w2, w3, w4)) {
                return i;
            }
        }
    }

    /** The slot index of a ticket in the current arrays, or -1; for lock holders. */
    int indexOf(TicketId id) {
        Arrays a = arrays;
        Object[] refs = a.refs;
        String text = id.value();
        long head = id.keyWord(0);
        long w1 = id.keyWord(1); // as in publishedSlot
        long w2 = id.keyWord(2);
        long w3 = id.keyWord(3);
        long w4 = id.keyWord(4);
        for (int i = a.home((int) (head >>> 32)); ; i = (i + 1) & a.mask) {
            Object key = refs[3 * i];
            if (key == null) {
                return -1;
            }
            if (key == text || matches(a.keys, i, key, text, head, w1, w2, w3, w4)) {
                return i;
            }
        }
    }

    /**
     * Whether slot {@code i}, whose text is {@code key}, holds the id of text {@code text} and lookup key {@code head},
     * {@code w1} to {@code w4}. Reads the slot's first word, and its other words only if hash and length agree: as
     * many as the text fills, compared with the id's own words (computed when the id was made, so nothing here reads
     * the caller's characters). Dereferences {@code key} only for a text that is not inline.
     */
    private static boolean matches(long[] keys, int i, Object key, String text, long head, long w1, long w2,
            long w3, long w4) {
        int at = WORDS * i;
        if (keys[at] != head) {
            return false;
        }
        int length = (int) head >>> 24;
        if (length == 0) {
            return key.equals(text);
        }
        // an inline text fills words 1 to (length + 8) / 9; the ids' words past their end are 0 on both sides
        return keys[at + 1] == w1
                && (length <= 9 || keys[at + 2] == w2
                        && (length <= 18 || keys[at + 3] == w3
                                && (length <= 27 || keys[at + 4] == w4)));
    }

    /** Writes the lookup key of a new slot's id into its words. */
    private static void writeKey(long[] keys, int i, TicketId id) {
        int at = WORDS * i;
        for (int w = 0; w < WORDS; w++) {
            keys[at + w] = id.keyWord(w);
        }
    }

    /** The snapshot at an index returned by {@link #indexOf}; for lock holders. */
    @Nullable Ticket ticketAt(int index) {
        return (Ticket) arrays.refs[3 * index + 1];
    }

    /** The data at an index returned by {@link #indexOf}; for lock holders. */
    TicketData dataAt(int index) {
        return (TicketData) arrays.refs[3 * index + 2];
    }

    /** The data of a ticket, or {@code null}; for lock holders. */
    @Nullable TicketData data(TicketId id) {
        int i = indexOf(id);
        return i < 0 ? null : (TicketData) arrays.refs[3 * i + 2];
    }

    /** Replaces the snapshot at an index returned by {@link #indexOf} (no growth since); for the writer. */
    void replaceAt(int index, Ticket ticket) {
        SLOTS.setRelease(arrays.refs, 3 * index + 1, ticket);
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
        String text = id.value();
        int i = place(a, (int) (id.keyWord(0) >>> 32));
        writeKey(a.keys, i, id);
        a.refs[3 * i + 2] = new TicketData();
        // the key last, with release semantics: a reader that sees it sees the slot's words, data and (null) snapshot
        SLOTS.setRelease(a.refs, 3 * i, text);
        size++;
        return i;
    }

    private static int place(Arrays a, int hash) {
        int i = a.home(hash);
        while (a.refs[3 * i] != null) {
            i = (i + 1) & a.mask;
        }
        return i;
    }

    private void grow() {
        Arrays old = arrays;
        Arrays bigger = new Arrays(old.capacity * 2);
        for (int j = 0; j < old.capacity; j++) {
            Object key = old.refs[3 * j];
            if (key != null) {
                int hash = (int) (old.keys[WORDS * j] >>> 32);
                int i = place(bigger, hash);
                System.arraycopy(old.keys, WORDS * j, bigger.keys, WORDS * i, WORDS);
                bigger.refs[3 * i] = key;
                bigger.refs[3 * i + 1] = old.refs[3 * j + 1];
                bigger.refs[3 * i + 2] = old.refs[3 * j + 2];
            }
        }
        arrays = bigger; // a volatile write: publishes the filled arrays
    }

    /** How many slots the table holds (tickets, and ids with data but no snapshot yet); for lock holders. */
    int size() {
        return size;
    }
}
