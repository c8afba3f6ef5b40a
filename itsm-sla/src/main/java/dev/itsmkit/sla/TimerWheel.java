package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A hierarchical timing wheel of keyed timers with millisecond resolution, driven by the instants it
 * is given (a real clock in production, a virtual one in tests): the structure behind the SLA timer
 * engine, which keeps the next threshold of every running clock.
 *
 * <h2>How it works</h2>
 * A due instant is a tick (milliseconds since the epoch, rounded up so that a timer never fires
 * early). Four levels of 4096 slots cover 2<sup>48</sup> ms (to the year 10889): level {@code L}
 * holds the timers whose tick shares every bit above {@code 12(L+1)} with the current tick, in the
 * slot named by bits {@code 12L..12L+11}. Each slot is a doubly linked list of timers, and the
 * timers are also the entries of the wheel's own hash table from key to timer, which makes
 * {@link #cancel} and rescheduling O(1). A timer is not an object but an index into parallel arrays
 * (due tick, list and hash-chain links, key, value), recycled through a free list: about 40 bytes a
 * timer with the hash table, no allocation to schedule, and links that the garbage collector neither
 * scans nor tracks (with node objects, a million timers that each live for hours made every young
 * collection copy the newly scheduled nodes and track every link between old and young ones). Per level, a bit per slot and a bit per
 * 64 slots find the next non-empty slot with two {@link Long#numberOfTrailingZeros}, so
 * {@link #advance} jumps over empty time in O(levels) however far the clock moves (a virtual clock
 * may jump years). A timer placed at level {@code L} is moved down (cascaded) at most {@code L} times,
 * and a level spans 4.1 seconds, 4.7 hours, 2.2 years, then the rest: schedule, cancel and fire are
 * O(1) amortised. Wide levels mean few cascades, and each cascade touches a node that
 * is probably not in the processor's cache, which is what firing costs with a million timers.
 *
 * <p>Timers due in the same millisecond fire in the order they were scheduled; timers of different
 * milliseconds in time order. Instants before the epoch are treated as the epoch, instants after the
 * year 10889 as then.
 *
 * <p>Thread-safe: every method holds the wheel's lock, and {@link #advance} calls its consumer
 * outside the lock, after removing the fired timers, so a consumer may schedule again.
 *
 * @param <K> the key of a timer; scheduling a key again replaces its timer
 * @param <V> what a timer carries to its consumer
 */
public final class TimerWheel<K, V> {
    private static final int LEVELS = 4;
    private static final int BITS = 12;
    private static final int SLOTS = 1 << BITS;
    private static final long MAX_TICK = (1L << (LEVELS * BITS)) - 1;
    /** A list beside the levels for timers scheduled after their time had passed: they fire on the next advance. */
    private static final int OVERDUE = LEVELS;
    private static final int NONE = -1;
    private static final int INITIAL_CAPACITY = 16;
    private static final Object[] NO_TIMERS = {};
    private static final long TICK_MASK = MAX_TICK;
    private static final int SLOT_SHIFT = LEVELS * BITS;
    private static final int LEVEL_SHIFT = 60;
    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private final Object lock = new Object();
    /** The first and last timer of each slot's list, or {@link #NONE}. */
    private final int[][] heads = new int[LEVELS + 1][SLOTS];
    private final int[][] tails = new int[LEVELS + 1][SLOTS];
    /** Per level, one bit per slot: set if the slot holds a timer. */
    private final long[][] occupied = new long[LEVELS + 1][SLOTS / Long.SIZE];
    /** Per level, one bit per word of {@link #occupied}: set if the word is not zero. */
    private final long[] occupiedWords = new long[LEVELS + 1];

    /**
     * The timers, three longs each, so that one timer is in one or two cache lines: at {@code 3i} the
     * due tick (bits 0-47), its slot (48-59) and level (60-63); at {@code 3i + 1} the previous (high
     * half) and next (low half) timer in the slot's list, the next being the next free index for a
     * free one; at {@code 3i + 2} the next timer in the hash bucket (high half) and the key's hash.
     */
    private long[] data;
    /** The key of timer {@code i} at {@code 2i}, its value at {@code 2i + 1}. */
    private @Nullable Object[] refs;
    private int freeList = NONE;
    /** The indexes from this one on have never been used. */
    private int unused;

    /** The hash table from key to timer index, chained through the timers' bucket links; its length is a power of two. */
    private int[] table = filled(INITIAL_CAPACITY);
    private int size;
    /** The first tick not yet processed: every timer of an earlier tick has fired. */
    private long now;

    /**
     * Creates an empty wheel whose time starts at an instant.
     *
     * @param start the wheel's current time; timers due before it fire on the first {@link #advance}
     */
    public TimerWheel(Instant start) {
        this.now = floorTick(requireNonNull(start, "start"));
        for (int level = 0; level <= LEVELS; level++) {
            Arrays.fill(heads[level], NONE);
            Arrays.fill(tails[level], NONE);
        }
        data = new long[3 * INITIAL_CAPACITY];
        refs = new Object[2 * INITIAL_CAPACITY];
    }

    private static int[] filled(int length) {
        int[] array = new int[length];
        Arrays.fill(array, NONE);
        return array;
    }

    /**
     * Schedules a timer, replacing any timer of the same key.
     *
     * @param key the timer's key
     * @param due when it is due
     * @param value what it carries
     * @return {@code true} if a timer of that key was replaced
     */
    public boolean schedule(K key, Instant due, V value) {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
        long tick = ceilTick(requireNonNull(due, "due"));
        int hash = spread(key.hashCode());
        synchronized (lock) {
            int old = find(key, hash);
            if (old != NONE) {
                // the key keeps its index: only its place in the wheel changes
                unlink(old);
                refs[2 * old + 1] = value;
                setTick(old, tick);
                place(old);
                return true;
            }
            int timer = allocate();
            refs[2 * timer] = key;
            refs[2 * timer + 1] = value;
            setHash(timer, hash);
            setTick(timer, tick);
            insert(timer);
            place(timer);
            return false;
        }
    }

    /**
     * Cancels a timer.
     *
     * @param key the timer's key
     * @return {@code true} if there was a timer of that key
     */
    public boolean cancel(K key) {
        requireNonNull(key, "key");
        synchronized (lock) {
            int old = remove(key, spread(key.hashCode()));
            if (old == NONE) {
                return false;
            }
            unlink(old);
            release(old);
            return true;
        }
    }

    /**
     * Tells when a timer is due.
     *
     * @param key the timer's key
     * @return its due instant, to the millisecond, or empty if there is no such timer
     */
    public Optional<Instant> dueAt(K key) {
        requireNonNull(key, "key");
        synchronized (lock) {
            int timer = find(key, spread(key.hashCode()));
            return timer == NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(tick(timer)));
        }
    }

    /**
     * Returns how many timers are scheduled.
     *
     * @return the number of timers
     */
    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /**
     * Returns an instant before which no timer is due: the time to sleep until. It may be earlier
     * than the next timer (when timers must first be moved down a level); calling {@link #advance}
     * then fires nothing and the next call tells a later instant.
     *
     * @return the instant, or empty if the wheel is empty
     */
    public Optional<Instant> nextWakeUp() {
        synchronized (lock) {
            if (heads[OVERDUE][0] != NONE) {
                return Optional.of(Instant.ofEpochMilli(now - 1));
            }
            long tick = nextTick();
            return tick == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Math.max(tick, now)));
        }
    }

    /**
     * Moves the wheel's time to an instant and fires every timer due at or before it, in time order.
     *
     * @param to the new time; an instant before the wheel's time fires nothing
     * @param consumer receives the key and value of each timer fired, outside the wheel's lock
     * @return how many timers fired
     */
    @SuppressWarnings("unchecked") // keys and values hold only the K and V given to schedule
    public int advance(Instant to, BiConsumer<? super K, ? super V> consumer) {
        requireNonNull(consumer, "consumer");
        long target = floorTick(requireNonNull(to, "to"));
        // the keys and values fired, in firing order, copied out so that their indexes can be reused at once
        Object[] fired = NO_TIMERS;
        int count = 0;
        synchronized (lock) {
            int[] chain = {NONE, NONE, 0}; // first, last, count of the fired timers, linked through their next links
            take(OVERDUE, 0, chain);
            while (true) {
                long tick = nextTick();
                if (tick > target) {
                    if (target + 1 > now) {
                        moveTo(target + 1);
                    }
                    break;
                }
                moveTo(Math.max(tick, now));
                take(0, (int) (now & (SLOTS - 1)), chain);
                moveTo(now + 1);
            }
            count = chain[2];
            if (count > 0) {
                fired = new Object[2 * count];
                int i = 0;
                for (int timer = chain[0]; timer != NONE; ) {
                    int next = next(timer);
                    fired[i++] = refs[2 * timer];
                    fired[i++] = refs[2 * timer + 1];
                    release(timer);
                    timer = next;
                }
            }
        }
        for (int i = 0; i < 2 * count; i += 2) {
            consumer.accept((K) fired[i], (V) fired[i + 1]);
        }
        return count;
    }

    /* Moves a slot's timers to the end of the fired chain and out of the hash table. */
    private void take(int level, int slot, int[] chain) {
        int head = heads[level][slot];
        if (head == NONE) {
            return;
        }
        for (int timer = head; timer != NONE; timer = next(timer)) {
            removeIndex(timer);
            chain[2]++;
        }
        if (chain[1] == NONE) {
            chain[0] = head;
        } else {
            setNext(chain[1], head);
        }
        chain[1] = tails[level][slot];
        heads[level][slot] = NONE;
        tails[level][slot] = NONE;
        clearOccupied(level, slot);
    }

    /* The first tick at which something happens: a timer fires (level 0) or a slot cascades. */
    private long nextTick() {
        int found = firstOccupied(0, (int) (now & (SLOTS - 1)));
        if (found >= 0) {
            return (now & ~(long) (SLOTS - 1)) | found;
        }
        for (int level = 1; level < LEVELS; level++) {
            int shift = level * BITS;
            int index = (int) ((now >>> shift) & (SLOTS - 1));
            if (index == SLOTS - 1) {
                continue;
            }
            found = firstOccupied(level, index + 1);
            if (found >= 0) {
                long block = (now >>> (shift + BITS)) << (shift + BITS);
                return block | ((long) found << shift);
            }
        }
        return Long.MAX_VALUE;
    }

    /* The first occupied slot of a level at or after a slot, or -1: two lookups in the bit masks. */
    private int firstOccupied(int level, int from) {
        long[] words = occupied[level];
        int word = from >>> 6;
        long bits = words[word] & (-1L << from);
        if (bits != 0) {
            return (word << 6) | Long.numberOfTrailingZeros(bits);
        }
        if (word == words.length - 1) {
            return -1;
        }
        long later = occupiedWords[level] & (-1L << (word + 1));
        if (later == 0) {
            return -1;
        }
        int next = Long.numberOfTrailingZeros(later);
        return (next << 6) | Long.numberOfTrailingZeros(words[next]);
    }

    private void setOccupied(int level, int slot) {
        occupied[level][slot >>> 6] |= 1L << slot;
        occupiedWords[level] |= 1L << (slot >>> 6);
    }

    private void clearOccupied(int level, int slot) {
        long word = occupied[level][slot >>> 6] &= ~(1L << slot);
        if (word == 0) {
            occupiedWords[level] &= ~(1L << (slot >>> 6));
        }
    }

    /* Sets the time and cascades the slots that the new time enters, from the top level down. */
    private void moveTo(long tick) {
        now = Math.min(tick, MAX_TICK);
        for (int level = LEVELS - 1; level >= 1; level--) {
            int slot = (int) ((now >>> (level * BITS)) & (SLOTS - 1));
            int timer = heads[level][slot];
            if (timer == NONE) {
                continue;
            }
            heads[level][slot] = NONE;
            tails[level][slot] = NONE;
            clearOccupied(level, slot);
            while (timer != NONE) {
                int next = next(timer);
                place(timer);
                timer = next;
            }
        }
    }

    private void place(int timer) {
        long tick = tick(timer);
        if (tick < now) {
            link(timer, OVERDUE, 0);
            return;
        }
        // the level is that of the highest bit in which the tick differs from now (0 if none)
        int level = Math.min(LEVELS - 1, (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS);
        link(timer, level, (int) ((tick >>> (level * BITS)) & (SLOTS - 1)));
    }

    private void link(int timer, int level, int slot) {
        int base = 3 * timer;
        data[base] = (data[base] & TICK_MASK) | ((long) level << LEVEL_SHIFT) | ((long) slot << SLOT_SHIFT);
        int tail = tails[level][slot];
        setLinks(timer, tail, NONE);
        if (tail == NONE) {
            heads[level][slot] = timer;
        } else {
            setNext(tail, timer);
        }
        tails[level][slot] = timer;
        setOccupied(level, slot);
    }

    private void unlink(int timer) {
        long word = data[3 * timer];
        int level = (int) (word >>> LEVEL_SHIFT);
        int slot = (int) (word >>> SLOT_SHIFT) & (SLOTS - 1);
        int prev = prev(timer);
        int next = next(timer);
        if (prev == NONE) {
            heads[level][slot] = next;
        } else {
            setNext(prev, next);
        }
        if (next == NONE) {
            tails[level][slot] = prev;
        } else {
            setPrev(next, prev);
        }
        if (heads[level][slot] == NONE) {
            clearOccupied(level, slot);
        }
    }

    private static int spread(int hashCode) {
        return hashCode ^ (hashCode >>> 16);
    }

    private int find(K key, int hash) {
        for (int timer = table[hash & (table.length - 1)]; timer != NONE; timer = chain(timer)) {
            if (hash(timer) == hash && key.equals(refs[2 * timer])) {
                return timer;
            }
        }
        return NONE;
    }

    private void insert(int timer) {
        if (size >= table.length - (table.length >>> 2)) {
            rehash(table.length * 2);
        }
        int bucket = hash(timer) & (table.length - 1);
        setChain(timer, table[bucket]);
        table[bucket] = timer;
        size++;
    }

    private int remove(K key, int hash) {
        int bucket = hash & (table.length - 1);
        int previous = NONE;
        for (int timer = table[bucket]; timer != NONE; previous = timer, timer = chain(timer)) {
            if (hash(timer) == hash && key.equals(refs[2 * timer])) {
                unchain(bucket, previous, timer);
                return timer;
            }
        }
        return NONE;
    }

    /* Removes a timer known to be in the table. */
    private void removeIndex(int timer) {
        int bucket = hash(timer) & (table.length - 1);
        int previous = NONE;
        for (int t = table[bucket]; t != timer; t = chain(t)) {
            previous = t;
        }
        unchain(bucket, previous, timer);
    }

    private void unchain(int bucket, int previous, int timer) {
        if (previous == NONE) {
            table[bucket] = chain(timer);
        } else {
            setChain(previous, chain(timer));
        }
        setChain(timer, NONE);
        size--;
    }

    private void rehash(int length) {
        int[] grown = filled(length);
        for (int head : table) {
            for (int timer = head; timer != NONE; ) {
                int chain = chain(timer);
                int bucket = hash(timer) & (length - 1);
                setChain(timer, grown[bucket]);
                grown[bucket] = timer;
                timer = chain;
            }
        }
        table = grown;
    }

    /* An index for a new timer: a released one, or a new one, growing the arrays if needed. */
    private int allocate() {
        if (freeList != NONE) {
            int timer = freeList;
            freeList = next(timer);
            return timer;
        }
        if (3 * unused == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
            refs = Arrays.copyOf(refs, refs.length * 2);
        }
        return unused++;
    }

    private long tick(int timer) {
        return data[3 * timer] & TICK_MASK;
    }

    /* Sets the tick; the level and slot are set when the timer is linked. */
    private void setTick(int timer, long tick) {
        data[3 * timer] = tick;
    }

    private int prev(int timer) {
        return (int) (data[3 * timer + 1] >>> 32);
    }

    private int next(int timer) {
        return (int) data[3 * timer + 1];
    }

    private void setLinks(int timer, int prev, int next) {
        data[3 * timer + 1] = ((long) prev << 32) | (next & LOW_HALF);
    }

    private void setPrev(int timer, int prev) {
        setLinks(timer, prev, next(timer));
    }

    private void setNext(int timer, int next) {
        setLinks(timer, prev(timer), next);
    }

    private int chain(int timer) {
        return (int) (data[3 * timer + 2] >>> 32);
    }

    private int hash(int timer) {
        return (int) data[3 * timer + 2];
    }

    private void setChain(int timer, int chain) {
        data[3 * timer + 2] = ((long) chain << 32) | (data[3 * timer + 2] & LOW_HALF);
    }

    private void setHash(int timer, int hash) {
        data[3 * timer + 2] = (data[3 * timer + 2] & ~LOW_HALF) | (hash & LOW_HALF);
    }

    /* Returns an index to the free list, dropping its key and value for the garbage collector. */
    private void release(int timer) {
        refs[2 * timer] = null;
        refs[2 * timer + 1] = null;
        setNext(timer, freeList);
        freeList = timer;
    }

    private static long floorTick(Instant instant) {
        if (instant.isBefore(Instant.EPOCH)) {
            return 0;
        }
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_TICK / 1000) {
            return MAX_TICK;
        }
        return Math.min(MAX_TICK, seconds * 1000 + instant.getNano() / 1_000_000);
    }

    private static long ceilTick(Instant instant) {
        long floor = floorTick(instant);
        boolean exact = instant.getNano() % 1_000_000 == 0 || floor == 0 && instant.isBefore(Instant.EPOCH);
        return exact || floor == MAX_TICK ? floor : floor + 1;
    }
}
