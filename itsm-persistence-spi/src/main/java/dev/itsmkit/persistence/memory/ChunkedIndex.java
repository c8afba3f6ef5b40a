package dev.itsmkit.persistence.memory;

import java.util.Comparator;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An ordered set of keys {@code (major, minor, tie)}, kept in sorted chunks of primitive arrays: the
 * order of the ticket indexes (number, creation, last update) and of the events.
 * The tie is also what the index holds (a ticket's data, an event): a visit yields the
 * ties, so a chunk needs no array of values beside its ties, and a write moves two arrays, not three.
 *
 * <p>Why not a {@code TreeMap}: with a million keys, its nodes and their key objects are spread over
 * the heap, so a removal at a random place (the old key of an updated ticket, the old due instant of
 * a rescheduled timer) costs about twenty levels of two cache misses each. Here the keys sit in
 * chunks of up to {@value #CHUNK} entries (one {@code long[]} with each key's major and minor side by
 * side and an {@code Object[]} of ties), and the chunks' first keys in one {@code long[]}
 * laid out the same way, which a binary search reads without touching the chunks: a lookup is that search over a few thousand
 * primitives, which stay in the cache, and a binary search in one chunk. A put or remove then moves
 * at most {@value #CHUNK} entries within the chunk; a full chunk splits (a key past the last one
 * starts a new chunk, so keys arriving in order fill chunks completely), a nearly empty one merges
 * with its successor. Costs, for n keys: O(log n) comparisons, O(CHUNK) moves, and O(n / CHUNK)
 * moves of the chunk directory on a split or merge, which happens once per about CHUNK / 2 writes.
 * About 27 bytes per key at three quarters full (32 with lazy deletion, whose entries carry their numbers), against 72
 * for a {@code TreeMap} entry and its key.
 *
 * <p>Keys compare by major, then minor, then tie with the given comparator. A {@code null} tie, allowed
 * in bounds only, sorts before every tie. Not thread-safe: the tenant's lock guards it.
 *
 * <p><b>Lazy deletion</b> (an index made with {@code lazyDeletion}, the order by last update): a key that no longer
 * holds ({@link #markStale}) stays in its chunk, and a visit skips every stale entry, so the index's content is exactly
 * its live keys. Each entry has a number ({@link #lastEntry}, given by {@link #put}), and the index keeps one bit per
 * number, set while the entry is live: marking a key stale clears its bit, and the liveness test of an entry reads
 * it. The bits of a million tickets' entries take about 256 KiB (numbers are reused once their entries are dropped),
 * which stay in the processor's cache, so a test costs no read of the tie. With the tie's own fields as the test (the
 * ticket's present key in its data, before the fifteenth session) each test read a random place of the heap; the
 * numbers took 62 ns off a commit on average in four {@code CommitAB} runs at a million tickets (three of the four
 * faster), for about 12 MiB more heap there (docs/benchmarks.md, fifteenth session). Marking a key stale also finds its chunk
 * from the hint {@link #put} returned for the key (the chunk's number, checked against the chunk's first and last
 * keys) or else by the binary search over the first keys, and counts one more stale key in the chunk; the chunk's
 * entries are not moved. A commit defers that count ({@link #markStaleLater}; the bit is cleared at once): the counts
 * are applied {@value #PENDING} at a time, in passes whose reads of the marked keys' random chunks do not depend on one
 * another, so the processor waits for their cache misses together rather than one commit at a time; and the hint is
 * an {@code int}, which the ticket's data keeps without a collector's write barrier. A compaction consumes the
 * deferred counts of keys inside its chunk, whose entries it drops, so that they do not search for them later
 * ({@link #consumePendingMarks}). When about half of a chunk's keys are counted stale (checked on every
 * {@value #STALE_CHECK}th mark), the chunk is compacted: the entries whose bits are set are kept in order, and the
 * numbers of the others are freed. A walk reads the bit of each entry it visits and skips, per chunk, fewer stale
 * entries than {@code 2 * STALE_CHECK} more than live ones. The counts only decide when to compact; correctness rests
 * on the bits alone. {@link #size} counts stale entries too.
 *
 * @param <T> the type of the tie-breakers, which are the values the index holds
 */
final class ChunkedIndex<T> {
    static final int CHUNK = 128;
    /** The step of the scan that starts a search within a chunk: every second cache line of its keys. */
    private static final int STRIDE = 8;
    /** How many stale marks of a chunk between two reads of its size (a power of two). */
    static final int STALE_CHECK = 8;
    /** How many deferred marks ({@link #markStaleLater}) are applied together. */
    static final int PENDING = 32;
    /** The hint of no chunk. */
    static final int NO_HINT = -1;
    /** The hint of a deferred mark whose entry a compaction has dropped: the mark is not applied. */
    private static final int CONSUMED = -2;

    /**
     * Up to {@value #CHUNK} entries; the key's two longs sit side by side ({@code keys[2i]} the major,
     * {@code keys[2i + 1]} the minor), so a comparison that reaches the minor (keys of the same second
     * in the time orders) reads it from the cache line that held the major.
     */
    private static final class Chunk {
        final long[] keys = new long[2 * CHUNK];
        final Object[] ties = new Object[CHUNK];
        int size;
        /**
         * With lazy deletion, how many of its entries were marked stale since it was last compacted: at least the
         * number of its stale entries (a revived key, put again at a stale entry, is not subtracted). Only decides when
         * to compact. Kept in the chunk, which {@link #markStale} is given, not beside the directory, which it would
         * have to search for the chunk's place.
         */
        int stale;
        /** With lazy deletion, each entry's number (see {@link ChunkedIndex#lastEntry}); else {@code null}. */
        final int @Nullable [] entries;
        /** Whether the chunk was dropped from the directory (emptied, or merged into the one before it). */
        boolean dropped;
        /**
         * The chunk's number in {@code byNumber} while it is in the directory, the hint {@link #put} returns for its keys
         * (numbers of dropped chunks are given to new ones: a hint is checked against the chunk it finds);
         * {@value #NO_HINT} in an index without lazy deletion.
         */
        int number = NO_HINT;

        Chunk(boolean lazy) {
            entries = lazy ? new int[CHUNK] : null;
        }
    }

    private final Comparator<? super T> ties;
    /** Whether the index has lazy deletion: its chunks number their entries, whose bits say which are live. */
    private final boolean lazy;
    /** With lazy deletion: bit {@code e} is set while the entry numbered {@code e} is live. */
    private long[] liveBits = new long[0];
    /** With lazy deletion: the numbers of dropped entries, for new entries, {@code freeEntryCount} of them. */
    private int[] freeEntries = new int[0];
    private int freeEntryCount;
    /** With lazy deletion: the numbers below this one have been given out. */
    private int entryNumbers;
    /** The number of the entry the last {@link #put} wrote, with lazy deletion. */
    private int lastEntry = -1;
    /** How many liveness tests walks and compactions have made; for tests. */
    private long livenessTests;
    private Chunk[] chunks = new Chunk[4];
    /** Each chunk's first key, major and minor side by side as in a chunk. */
    private long[] firstKeys = new long[8];
    private int chunkCount;
    private int size;
    /** With lazy deletion: the chunks in the directory by number, and the numbers free for new chunks. */
    private Chunk[] byNumber = new Chunk[0];
    private int[] freeNumbers = new int[0];
    private int freeCount;
    /** With lazy deletion: the marks deferred by {@link #markStaleLater}, {@code pendingCount} of them. */
    private long[] pendingKeys = new long[0];
    private Object[] pendingTies = new Object[0];
    private int[] pendingHints = new int[0];
    private int pendingCount;
    /** While {@link #applyPendingMarks} runs, the first of the marks it has not applied yet; else 0. */
    private int pendingFrom;
    /** How many marks did not find their key in the hinted chunk and searched the directory; for tests. */
    private long searchedMarks;
    /** What {@link #applyPendingMarks}' first passes read, kept so that the compiler keeps their reads. */
    @SuppressWarnings("unused")
    private long pendingReadSum;

    ChunkedIndex(Comparator<? super T> ties) {
        this(ties, false);
    }

    /**
     * An index whose removals may be deferred ({@link #markStale}) when {@code lazyDeletion} is set.
     *
     * @param lazyDeletion whether keys are marked stale and dropped later, rather than removed
     */
    ChunkedIndex(Comparator<? super T> ties, boolean lazyDeletion) {
        this.ties = ties;
        this.lazy = lazyDeletion;
    }

    int size() {
        return size;
    }

    /** The number of chunks. */
    int chunkCount() {
        return chunkCount;
    }

    @SuppressWarnings("unchecked")
    private int compare(long major, long minor, @Nullable T tie, Chunk c, int i) {
        int order = Long.compare(major, c.keys[2 * i]);
        if (order != 0) {
            return order;
        }
        order = Long.compare(minor, c.keys[2 * i + 1]);
        if (order != 0) {
            return order;
        }
        return tie == null ? -1 : ties.compare(tie, (T) c.ties[i]);
    }

    /** The index of the last chunk whose first key is at most the given key, or 0 if none (or no chunk). */
    private int chunkFor(long major, long minor, @Nullable T tie) {
        int low = 0;
        int high = chunkCount - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            int order = Long.compare(major, firstKeys[2 * mid]);
            if (order == 0) {
                order = Long.compare(minor, firstKeys[2 * mid + 1]);
            }
            if (order == 0) {
                order = compare(major, minor, tie, chunks[mid], 0);
            }
            if (order >= 0) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * The position of the first entry of a chunk not below the key (its size if none). First a scan of every
     * {@value #STRIDE}th key, then a binary search among the {@value #STRIDE} before the first of those not below
     * it. A binary search over the whole chunk would read about seven places of its key array, each depending
     * on the one before, so in a cold chunk (an update's old key, anywhere in the order) each would wait for its
     * own cache miss; the scan's reads do not depend on each other, so the processor issues them together.
     */
    private int lowerBound(Chunk c, long major, long minor, @Nullable T tie) {
        int size = c.size;
        int low = 0;
        int probe = STRIDE - 1;
        while (probe < size && compare(major, minor, tie, c, probe) > 0) {
            low = probe + 1;
            probe += STRIDE;
        }
        int high = Math.min(probe, size);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(major, minor, tie, c, mid) > 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Adds a key, replacing the tie of an equal key (an equal tie, which may be another instance).
     *
     * <p>With lazy deletion, the entry is live, and {@link #lastEntry} gives its number: the entry of an equal key
     * keeps its number and is live again.
     *
     * @param tie the tie-breaker, never {@code null}
     * @return the number of the chunk it was put in, for {@link #markStale(long, long, Object, int, int)} and
     *     {@link #markStaleLater}: a hint, {@value #NO_HINT} in an index without lazy deletion
     */
    int put(long major, long minor, T tie) {
        if (chunkCount == 0) {
            insertChunk(0, newChunk());
        }
        Chunk lastChunk = chunks[chunkCount - 1];
        int n = lastChunk.size;
        if (n > 0 && n < CHUNK && compare(major, minor, tie, lastChunk, n - 1) > 0) {
            // past the last key, with room: the usual put of the time orders (an update's new instant, a new event),
            // without the search of the directory and of the chunk, which would find this place
            lastChunk.keys[2 * n] = major;
            lastChunk.keys[2 * n + 1] = minor;
            lastChunk.ties[n] = tie;
            if (lazy) {
                lastChunk.entries[n] = newEntry();
            }
            lastChunk.size = n + 1;
            size++;
            return lastChunk.number;
        }
        int ci = chunkFor(major, minor, tie);
        Chunk c = chunks[ci];
        int at = lowerBound(c, major, minor, tie);
        if (at < c.size && compare(major, minor, tie, c, at) == 0) {
            c.ties[at] = tie;
            if (lazy) {
                int entry = c.entries[at];
                liveBits[entry >>> 6] |= 1L << entry;
                lastEntry = entry;
            }
            return c.number;
        }
        if (c.size == CHUNK && lazy && c.stale > 0) {
            // drop the stale entries before splitting: each half then knows it holds none (a split is rare in an
            // order whose keys mostly arrive at its end, so the tests are paid rarely), and a chunk's count stays at
            // least its number of stale entries, so no chunk keeps more stale entries than live ones
            compact(ci);
            return put(major, minor, tie);
        }
        if (c.size == CHUNK) {
            Chunk next = newChunk();
            if (at == CHUNK && ci == chunkCount - 1) {
                // past the last key: keys arriving in order fill chunks completely
                insertChunk(ci + 1, next);
                c = next;
                at = 0;
                ci++;
            } else {
                int half = CHUNK / 2;
                moveTail(c, half, next);
                insertChunk(ci + 1, next);
                if (at > half) {
                    c = next;
                    at -= half;
                    ci++;
                }
            }
        }
        int tail = c.size - at;
        System.arraycopy(c.keys, 2 * at, c.keys, 2 * at + 2, 2 * tail);
        System.arraycopy(c.ties, at, c.ties, at + 1, tail);
        c.keys[2 * at] = major;
        c.keys[2 * at + 1] = minor;
        c.ties[at] = tie;
        if (lazy) {
            System.arraycopy(c.entries, at, c.entries, at + 1, tail);
            c.entries[at] = newEntry();
        }
        c.size++;
        size++;
        if (at == 0) {
            firstKeys[2 * ci] = major;
            firstKeys[2 * ci + 1] = minor;
        }
        return c.number;
    }

    /**
     * The number of the entry the last {@link #put} wrote, which {@link #markStale} and {@link #markStaleLater} are
     * given when its key stops holding; for an index with lazy deletion.
     */
    int lastEntry() {
        return lastEntry;
    }

    /** A number for a new live entry: a freed one if there is one, else the next; its bit set. */
    private int newEntry() {
        int entry;
        if (freeEntryCount > 0) {
            entry = freeEntries[--freeEntryCount];
        } else {
            entry = entryNumbers++;
            if (entry >>> 6 >= liveBits.length) {
                liveBits = java.util.Arrays.copyOf(liveBits, Math.max(16, 2 * liveBits.length));
            }
        }
        liveBits[entry >>> 6] |= 1L << entry;
        lastEntry = entry;
        return entry;
    }

    /** Whether the entry at a position of a chunk of an index with lazy deletion is live: its bit. */
    private boolean isLive(Chunk c, int at) {
        livenessTests++;
        int entry = c.entries[at];
        return (liveBits[entry >>> 6] & 1L << entry) != 0;
    }

    /** Frees the number of a dropped entry, whose bit is clear, for a new entry. */
    private void freeEntry(int entry) {
        if (freeEntryCount == freeEntries.length) {
            freeEntries = java.util.Arrays.copyOf(freeEntries, Math.max(16, 2 * freeEntryCount));
        }
        freeEntries[freeEntryCount++] = entry;
    }

    /** A new chunk, numbered if the index has lazy deletion. */
    private Chunk newChunk() {
        Chunk c = new Chunk(lazy);
        if (lazy) {
            int number;
            if (freeCount > 0) {
                number = freeNumbers[--freeCount];
            } else {
                number = byNumber.length;
                byNumber = java.util.Arrays.copyOf(byNumber, Math.max(8, 2 * number));
                freeNumbers = java.util.Arrays.copyOf(freeNumbers, byNumber.length);
                // the numbers past this one are free, the highest taken last
                for (int k = byNumber.length - 1; k > number; k--) {
                    freeNumbers[freeCount++] = k;
                }
            }
            c.number = number;
            byNumber[number] = c;
        }
        return c;
    }

    /** Moves the entries of a chunk from a position on into an empty chunk. */
    private static void moveTail(Chunk from, int start, Chunk to) {
        int n = from.size - start;
        System.arraycopy(from.keys, 2 * start, to.keys, 2 * to.size, 2 * n);
        System.arraycopy(from.ties, start, to.ties, to.size, n);
        if (from.entries != null) {
            System.arraycopy(from.entries, start, to.entries, to.size, n);
        }
        java.util.Arrays.fill(from.ties, start, from.size, null);
        to.size += n;
        from.size = start;
    }

    private void insertChunk(int at, Chunk c) {
        if (chunkCount == chunks.length) {
            chunks = java.util.Arrays.copyOf(chunks, chunkCount * 2);
            firstKeys = java.util.Arrays.copyOf(firstKeys, chunkCount * 4);
        }
        int tail = chunkCount - at;
        System.arraycopy(chunks, at, chunks, at + 1, tail);
        System.arraycopy(firstKeys, 2 * at, firstKeys, 2 * at + 2, 2 * tail);
        chunks[at] = c;
        firstKeys[2 * at] = c.size == 0 ? 0 : c.keys[0];
        firstKeys[2 * at + 1] = c.size == 0 ? 0 : c.keys[1];
        chunkCount++;
    }

    private void removeChunk(int at) {
        Chunk dropped = chunks[at];
        dropped.dropped = true;
        if (dropped.number != NO_HINT) {
            byNumber[dropped.number] = null;
            freeNumbers[freeCount++] = dropped.number;
        }
        int tail = chunkCount - at - 1;
        System.arraycopy(chunks, at + 1, chunks, at, tail);
        System.arraycopy(firstKeys, 2 * at + 2, firstKeys, 2 * at, 2 * tail);
        chunkCount--;
        chunks[chunkCount] = null;
    }

    /**
     * Notes that an entry no longer holds, without removing it (an index with lazy deletion only): a visit skips it
     * from now on. Compacts the entry's chunk when about half of it is stale.
     *
     * @param entry the entry's number, {@link #lastEntry} after its key was put
     */
    void markStale(long major, long minor, T tie, int entry) {
        markStale(major, minor, tie, NO_HINT, entry);
    }

    /**
     * {@link #markStale(long, long, Object, int)} with the hint {@link #put} returned for the key: its chunk is used if
     * it is still in the directory and the key lies strictly between its first and last keys (then no other chunk can
     * hold it), which reads the chunk and its keys' first and last lines and no line of the directory; else the key's
     * chunk is searched.
     *
     * @param hint what {@link #put} returned when it put the key, or {@value #NO_HINT}
     * @param entry the entry's number, {@link #lastEntry} after its key was put
     */
    void markStale(long major, long minor, T tie, int hint, int entry) {
        clearLive(entry);
        countStale(major, minor, tie, hint);
    }

    /** Clears the bit of a live entry. */
    private void clearLive(int entry) {
        if (!lazy) {
            throw new IllegalStateException("an index without lazy deletion removes its keys: call remove");
        }
        if (entry < 0 || entry >= entryNumbers || (liveBits[entry >>> 6] & 1L << entry) == 0) {
            throw new IllegalArgumentException("entry " + entry + " is not a live entry of this index (it has given out "
                    + entryNumbers + " numbers): pass the number lastEntry() gave after the key's put");
        }
        liveBits[entry >>> 6] &= ~(1L << entry);
    }

    /** Counts one more stale entry in the chunk of a key, found from the hint or searched. */
    private void countStale(long major, long minor, T tie, int hint) {
        if (chunkCount == 0) {
            return;
        }
        Chunk h = hint >= 0 && hint < byNumber.length ? byNumber[hint] : null;
        if (h != null && holdsKey(h, major, minor)) {
            count(h);
            return;
        }
        searchedMarks++;
        count(chunks[chunkFor(major, minor, tie)]);
    }

    /** Counts one more stale entry in a chunk of the directory; compacts it when about half of it is stale. */
    @SuppressWarnings("unchecked") // a stored tie is a T
    private void count(Chunk c) {
        int stale = ++c.stale;
        // the chunk's size is read only on every STALE_CHECK-th mark, so a chunk keeps fewer than 2 * STALE_CHECK
        // stale entries more than live ones
        if ((stale & (STALE_CHECK - 1)) == 0 && 2 * stale >= c.size) {
            compact(chunkFor(c.keys[0], c.keys[1], (T) c.ties[0]));
        }
    }

    /**
     * {@link #markStale(long, long, Object, int, int)}, its count deferred: the entry's bit is cleared at once, so a
     * visit skips it from now on, and the count of a stale entry in its chunk is kept and applied with the next
     * {@value #PENDING} - 1 (see {@link #applyPendingMarks}). Until then the chunk counts one stale entry too few, which
     * only delays its compaction. With a million keys the hinted chunk is a random place in memory, which a commit
     * would wait for (the chunk, then its keys' lines); applied together, the counts' reads of their chunks are issued
     * together.
     *
     * @param hint what {@link #put} returned when it put the key, or {@value #NO_HINT}
     * @param entry the entry's number, {@link #lastEntry} after its key was put
     */
    void markStaleLater(long major, long minor, T tie, int hint, int entry) {
        clearLive(entry);
        int n = pendingCount;
        if (n == pendingHints.length) {
            pendingKeys = new long[2 * PENDING];
            pendingTies = new Object[PENDING];
            pendingHints = new int[PENDING];
        }
        pendingKeys[2 * n] = major;
        pendingKeys[2 * n + 1] = minor;
        pendingTies[n] = tie;
        pendingHints[n] = hint;
        pendingCount = n + 1;
        if (n + 1 == PENDING) {
            applyPendingMarks();
        }
    }

    /**
     * Applies the counts {@link #markStaleLater} deferred, as {@link #markStale(long, long, Object, int, int)} would
     * have, in their order. First the hinted chunks and their keys' first and last lines are read, each mark's reads
     * independent of the others', so that their cache misses overlap; then each mark is applied, finding those lines
     * in the cache. Nothing read in the first pass is trusted.
     */
    @SuppressWarnings("unchecked") // the pending ties were given as Ts
    void applyPendingMarks() {
        int n = pendingCount;
        if (n == 0) {
            return;
        }
        pendingReadSum = readHintedChunks(pendingHints, n, byNumber);
        for (int k = 0; k < n; k++) {
            // a compaction that this mark starts may consume the marks after it
            pendingFrom = k + 1;
            int hint = pendingHints[k];
            if (hint != CONSUMED) {
                countStale(pendingKeys[2 * k], pendingKeys[2 * k + 1], (T) pendingTies[k], hint);
            }
        }
        pendingFrom = 0;
        pendingCount = 0;
        java.util.Arrays.fill(pendingTies, 0, n, null);
    }

    /**
     * Reads, WITHOUT the lock, what {@link #applyPendingMarks} will read if the next deferred mark applies the marks:
     * the hinted chunks and their keys' first and last lines. A commit that will mark a key calls it before it takes the
     * tenant's lock, so that one commit in {@value #PENDING} does not wait for those misses while holding the lock that
     * the tenant's other commands wait for. The index may be changing under another thread's commit: every array is
     * read once, every index is bounded by the array read, and what is read is only summed.
     *
     * @return a value made of what was read, for the caller to keep (so that the reads are not dropped as unused)
     */
    long readAheadPendingMarks() {
        int n = pendingCount;
        if (n < PENDING - 1) {
            return 0;
        }
        int[] hints = pendingHints;
        return readHintedChunks(hints, Math.min(n, hints.length), byNumber);
    }

    /**
     * Reads the chunks the first {@code count} hints name and their keys' first and last lines, in two passes whose
     * reads do not depend on one another, so that their cache misses overlap. Safe on an index another thread changes:
     * every index is bounded by the array read, and what is read is only summed.
     *
     * @return a value made of what was read, for the caller to keep (so that the reads are not dropped as unused)
     */
    private static long readHintedChunks(int[] hints, int count, Chunk[] numbered) {
        long read = 0;
        for (int k = 0; k < count; k++) {
            int hint = hints[k];
            Chunk c = hint >= 0 && hint < numbered.length ? numbered[hint] : null;
            if (c != null) {
                read += c.size;
            }
        }
        for (int k = 0; k < count; k++) {
            int hint = hints[k];
            Chunk c = hint >= 0 && hint < numbered.length ? numbered[hint] : null;
            if (c != null) {
                long[] keys = c.keys;
                int last = 2 * c.size - 1;
                read += keys[0] + (last > 0 && last < keys.length ? keys[last] : 0);
            }
        }
        return read;
    }

    /** How many entry numbers have been given out (freed ones are given again first); for tests. */
    int entryNumbers() {
        return entryNumbers;
    }

    /** How many liveness tests walks and compactions have made; for tests. */
    long livenessTests() {
        return livenessTests;
    }

    /** How many marks are deferred; for tests. */
    int pendingMarks() {
        return pendingCount;
    }

    /** How many marks did not find their key in the chunk their hint named, and searched the directory; for tests. */
    long searchedMarks() {
        return searchedMarks;
    }

    /**
     * Consumes the deferred marks of keys in a chunk about to be compacted. Every such key is stale (a mark is deferred
     * when its key stops being its tie's present key), so the compaction drops its entry; applied later, the mark would
     * no longer find the key in the chunk its hint names, would search the directory for it and count a stale entry in
     * whichever chunk the search gives, where there is none. In a steady state of updates, most marks were of entries
     * already dropped: their keys' chunks are compacted while their marks wait, up to {@value #PENDING} - 1 commits.
     * A mark whose key has since been put again (revived) is consumed too: the count it would add is one too many.
     */
    private void consumePendingMarks(Chunk c) {
        int n = c.size;
        int number = c.number;
        if (n == 0 || number == NO_HINT) {
            return;
        }
        long firstMajor = c.keys[0];
        long firstMinor = c.keys[1];
        long lastMajor = c.keys[2 * n - 2];
        long lastMinor = c.keys[2 * n - 1];
        for (int k = pendingFrom; k < pendingCount; k++) {
            long major = pendingKeys[2 * k];
            long minor = pendingKeys[2 * k + 1];
            // strictly inside, as holdsKey: a key equal to the first or last in major and minor may be another chunk's
            if (pendingHints[k] == number && below(firstMajor, firstMinor, major, minor)
                    && below(major, minor, lastMajor, lastMinor)) {
                pendingHints[k] = CONSUMED;
            }
        }
    }

    /**
     * Whether a chunk of this index holds a key: it is still in the directory and the key lies strictly between its
     * first and last keys. A key equal to one of them is left to the search, which compares ties. For the lock holder.
     */
    private static boolean holdsKey(Chunk c, long major, long minor) {
        int n = c.size;
        return !c.dropped && n > 1 && below(c.keys[0], c.keys[1], major, minor)
                && below(major, minor, c.keys[2 * n - 2], c.keys[2 * n - 1]);
    }

    private static boolean below(long major, long minor, long thanMajor, long thanMinor) {
        return major < thanMajor || major == thanMajor && minor < thanMinor;
    }

    /** Drops the stale entries of a chunk, keeping the others in order and freeing the numbers of those dropped. */
    private void compact(int ci) {
        Chunk c = chunks[ci];
        consumePendingMarks(c);
        int[] entries = c.entries;
        long[] bits = liveBits;
        int kept = 0;
        for (int i = 0; i < c.size; i++) {
            int entry = entries[i];
            livenessTests++;
            if ((bits[entry >>> 6] & 1L << entry) != 0) {
                c.keys[2 * kept] = c.keys[2 * i];
                c.keys[2 * kept + 1] = c.keys[2 * i + 1];
                c.ties[kept] = c.ties[i];
                entries[kept] = entry;
                kept++;
            } else {
                freeEntry(entry);
            }
        }
        java.util.Arrays.fill(c.ties, kept, c.size, null);
        size -= c.size - kept;
        c.size = kept;
        c.stale = 0;
        if (kept == 0) {
            removeChunk(ci);
            return;
        }
        firstKeys[2 * ci] = c.keys[0];
        firstKeys[2 * ci + 1] = c.keys[1];
        if (c.size < CHUNK / 4 && ci + 1 < chunkCount && c.size + chunks[ci + 1].size <= CHUNK * 3 / 4) {
            c.stale = chunks[ci + 1].stale;
            moveTail(chunks[ci + 1], 0, c);
            removeChunk(ci + 1);
        }
    }

    /**
     * Removes the entry of a key; in an index without lazy deletion (one with marks its keys stale instead).
     *
     * @return whether there was one
     */
    boolean remove(long major, long minor, T tie) {
        checkEager();
        if (chunkCount == 0) {
            return false;
        }
        int ci = chunkFor(major, minor, tie);
        Chunk c = chunks[ci];
        int at = lowerBound(c, major, minor, tie);
        if (at == c.size || compare(major, minor, tie, c, at) != 0) {
            return false;
        }
        int tail = c.size - at - 1;
        System.arraycopy(c.keys, 2 * at + 2, c.keys, 2 * at, 2 * tail);
        System.arraycopy(c.ties, at + 1, c.ties, at, tail);
        c.size--;
        c.ties[c.size] = null;
        size--;
        if (c.size == 0) {
            removeChunk(ci);
            return true;
        }
        if (at == 0) {
            firstKeys[2 * ci] = c.keys[0];
            firstKeys[2 * ci + 1] = c.keys[1];
        }
        if (c.size < CHUNK / 4 && ci + 1 < chunkCount && c.size + chunks[ci + 1].size <= CHUNK * 3 / 4) {
            c.stale += chunks[ci + 1].stale;
            moveTail(chunks[ci + 1], 0, c);
            removeChunk(ci + 1);
        }
        return true;
    }

    /**
     * Visits the ties from a key on, in key order, while the visitor returns {@code true}; with lazy deletion,
     * only those of live entries.
     *
     * @param inclusive whether an entry equal to the start key is visited
     * @param bounded whether to stop before the first key at {@code (endMajor, endMinor)} or later
     */
    @SuppressWarnings("unchecked")
    void visit(long major, long minor, @Nullable T tie, boolean inclusive, boolean bounded, long endMajor, long endMinor,
            Predicate<? super T> visitor) {
        if (chunkCount == 0) {
            return;
        }
        int ci = chunkFor(major, minor, tie);
        int at = lowerBound(chunks[ci], major, minor, tie);
        for (; ci < chunkCount; ci++, at = 0) {
            Chunk c = chunks[ci];
            for (; at < c.size; at++) {
                if (!inclusive && compare(major, minor, tie, c, at) == 0) {
                    continue;
                }
                if (bounded && compare(endMajor, endMinor, null, c, at) < 0) {
                    return;
                }
                if (lazy && !isLive(c, at)) {
                    continue;
                }
                if (!visitor.test((T) c.ties[at])) {
                    return;
                }
            }
        }
    }

    /** Visits every tie in key order while the visitor returns {@code true}. */
    void visitAll(Predicate<? super T> visitor) {
        visit(Long.MIN_VALUE, Long.MIN_VALUE, null, true, false, 0, 0, visitor);
    }

    /** The tie of the first key, or {@code null} if empty. */
    @SuppressWarnings("unchecked")
    @Nullable T first() {
        checkEager();
        return chunkCount == 0 ? null : (T) chunks[0].ties[0];
    }

    /** For the reads that look at one entry, not a walk, and for removals: they know nothing of stale entries. */
    private void checkEager() {
        if (lazy) {
            throw new IllegalStateException("an index with lazy deletion is read by visits and changed by marks only");
        }
    }

    /** The first key's major, for a non-empty index. */
    long firstMajor() {
        return chunks[0].keys[0];
    }

    /** The first key's minor, for a non-empty index. */
    long firstMinor() {
        return chunks[0].keys[1];
    }

    /** The tie of the first key with this major and minor, or {@code null} if there is none. */
    @SuppressWarnings("unchecked")
    @Nullable T firstAt(long major, long minor) {
        checkEager();
        if (chunkCount == 0) {
            return null;
        }
        int ci = chunkFor(major, minor, null);
        Chunk c = chunks[ci];
        int at = lowerBound(c, major, minor, null);
        if (at == c.size) {
            if (ci + 1 == chunkCount) {
                return null;
            }
            c = chunks[ci + 1];
            at = 0;
        }
        return c.keys[2 * at] == major && c.keys[2 * at + 1] == minor ? (T) c.ties[at] : null;
    }
}
