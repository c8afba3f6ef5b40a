package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
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
 * slot named by bits {@code 12L..12L+11}. Each slot is a doubly linked list of nodes. The nodes are
 * also the entries of the wheel's own hash table from key to node (chained through the nodes, no
 * {@code HashMap} entry or boxed tick beside them), which makes {@link #cancel} and rescheduling O(1)
 * and keeps a timer to one 48-byte node plus a table slot. Per level, a bit per slot and a bit per
 * 64 slots find the next non-empty slot with two {@link Long#numberOfTrailingZeros}, so
 * {@link #advance} jumps over empty time in O(levels) however far the clock moves (a virtual clock
 * may jump years). A timer placed at level {@code L} is moved down (cascaded) at most {@code L} times,
 * and a level spans 4.1 seconds, 4.7 hours, 2.2 years, then the rest: schedule, cancel and fire are
 * O(1) amortised. Wide levels mean few cascades, and each cascade touches a node that
 * is probably not in the processor's cache, which is what firing costs with a million timers.
 *
 * <p>A timer allocates its node and nothing else: the fired timers are chained through their nodes,
 * and due instants can be given as milliseconds since the epoch ({@link #schedule(Object, long, Object)},
 * {@link #advance(long, BiConsumer)}) so that a caller holding them as numbers creates no {@link Instant}.
 * Nodes are not pooled for reuse: measured, a pool doubled the cost of firing among a million timers,
 * although it saved every allocation. A pooled node is old and scattered in the heap, so every schedule
 * stores references to young objects in it (the collector's write barrier and card scanning) and the
 * slots' lists stay scattered, while fresh nodes are copied by the young collector along the lists
 * that reach them, probably closer together.
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

    private static final int INITIAL_TABLE = 16;

    private final Object lock = new Object();
    private final Node<K, V>[][] heads;
    private final Node<K, V>[][] tails;
    /** Per level, one bit per slot: set if the slot holds a timer. */
    private final long[][] occupied = new long[LEVELS + 1][SLOTS / Long.SIZE];
    /** Per level, one bit per word of {@link #occupied}: set if the word is not zero. */
    private final long[] occupiedWords = new long[LEVELS + 1];
    /** The hash table from key to node, chained through {@link Node#chain}; its length is a power of two. */
    private Node<K, V>[] table;
    private int size;
    /** The first tick not yet processed: every timer of an earlier tick has fired. */
    private long now;
    /** While {@link #advance} holds the lock: the nodes fired so far, chained through {@link Node#next}. */
    private @Nullable Node<K, V> firstFired;
    private @Nullable Node<K, V> lastFired;

    private static final class Node<K, V> {
        final K key;
        final int hash;
        V value;
        long tick;
        @Nullable Node<K, V> prev;
        /** The next node in the slot's list; after firing, the next fired node. */
        @Nullable Node<K, V> next;
        /** The next node in the hash table's bucket. */
        @Nullable Node<K, V> chain;
        byte level;
        short slot;

        Node(K key, int hash, V value, long tick) {
            this.key = key;
            this.hash = hash;
            this.value = value;
            this.tick = tick;
        }
    }

    /**
     * Creates an empty wheel whose time starts at an instant.
     *
     * @param start the wheel's current time; timers due before it fire on the first {@link #advance}
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create generic arrays; these hold only Node<K, V>
    public TimerWheel(Instant start) {
        this.heads = new Node[LEVELS + 1][SLOTS];
        this.tails = new Node[LEVELS + 1][SLOTS];
        this.table = new Node[INITIAL_TABLE];
        this.now = floorTick(requireNonNull(start, "start"));
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
        return scheduleTick(key, ceilTick(requireNonNull(due, "due")), value);
    }

    /**
     * Schedules a timer due at a number of milliseconds since the epoch, replacing any timer of the
     * same key: the same as {@link #schedule(Object, Instant, Object)} with
     * {@code Instant.ofEpochMilli(dueEpochMilli)}, without the instant.
     *
     * @param key the timer's key
     * @param dueEpochMilli when it is due, in milliseconds since 1970-01-01T00:00:00Z
     * @param value what it carries
     * @return {@code true} if a timer of that key was replaced
     */
    public boolean schedule(K key, long dueEpochMilli, V value) {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
        return scheduleTick(key, clampTick(dueEpochMilli), value);
    }

    private boolean scheduleTick(K key, long tick, V value) {
        int hash = spread(key.hashCode());
        synchronized (lock) {
            Node<K, V> old = find(key, hash);
            if (old != null) {
                // the key keeps its node: only its place in the wheel changes
                unlink(old);
                old.value = value;
                old.tick = tick;
                place(old);
                return true;
            }
            Node<K, V> node = new Node<>(key, hash, value, tick);
            insert(node);
            place(node);
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
            Node<K, V> old = remove(key, spread(key.hashCode()));
            if (old == null) {
                return false;
            }
            unlink(old);
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
        synchronized (lock) {
            requireNonNull(key, "key");
            Node<K, V> node = find(key, spread(key.hashCode()));
            return node == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(node.tick));
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
            if (heads[OVERDUE][0] != null) {
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
    public int advance(Instant to, BiConsumer<? super K, ? super V> consumer) {
        requireNonNull(consumer, "consumer");
        return advanceTo(floorTick(requireNonNull(to, "to")), consumer);
    }

    /**
     * Moves the wheel's time to a number of milliseconds since the epoch and fires every timer due at
     * or before it, in time order: the same as {@link #advance(Instant, BiConsumer)} with
     * {@code Instant.ofEpochMilli(toEpochMilli)}, without the instant.
     *
     * @param toEpochMilli the new time, in milliseconds since 1970-01-01T00:00:00Z; a time before the
     *     wheel's fires nothing
     * @param consumer receives the key and value of each timer fired, outside the wheel's lock
     * @return how many timers fired
     */
    public int advance(long toEpochMilli, BiConsumer<? super K, ? super V> consumer) {
        requireNonNull(consumer, "consumer");
        return advanceTo(clampTick(toEpochMilli), consumer);
    }

    private int advanceTo(long target, BiConsumer<? super K, ? super V> consumer) {
        // the fired nodes, out of the wheel and the table, chained through `next` in firing order
        Node<K, V> first;
        synchronized (lock) {
            firstFired = null;
            lastFired = null;
            take(OVERDUE, 0);
            while (true) {
                long tick = nextTick();
                if (tick > target) {
                    if (target + 1 > now) {
                        moveTo(target + 1);
                    }
                    break;
                }
                moveTo(Math.max(tick, now));
                take(0, (int) (now & (SLOTS - 1)));
                moveTo(now + 1);
            }
            first = firstFired;
            firstFired = null;
            lastFired = null;
        }
        int count = 0;
        for (Node<K, V> node = first; node != null; node = node.next) {
            consumer.accept(node.key, node.value);
            count++;
        }
        return count;
    }

    /* Moves a slot's nodes to the end of the fired chain and out of the table. */
    private void take(int level, int slot) {
        Node<K, V> head = heads[level][slot];
        if (head == null) {
            return;
        }
        for (Node<K, V> node = head; node != null; node = node.next) {
            remove(node.key, node.hash);
        }
        if (lastFired == null) {
            firstFired = head;
        } else {
            lastFired.next = head;
            head.prev = lastFired;
        }
        lastFired = tails[level][slot];
        heads[level][slot] = null;
        tails[level][slot] = null;
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
            Node<K, V> node = heads[level][slot];
            if (node == null) {
                continue;
            }
            heads[level][slot] = null;
            tails[level][slot] = null;
            clearOccupied(level, slot);
            while (node != null) {
                Node<K, V> next = node.next;
                node.prev = null;
                node.next = null;
                place(node);
                node = next;
            }
        }
    }

    private void place(Node<K, V> node) {
        long tick = node.tick;
        if (tick < now) {
            link(node, OVERDUE, 0);
            return;
        }
        // the level is that of the highest bit in which the tick differs from now (0 if none)
        int level = Math.min(LEVELS - 1, (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS);
        link(node, level, (int) ((tick >>> (level * BITS)) & (SLOTS - 1)));
    }

    private static int spread(int hashCode) {
        return hashCode ^ (hashCode >>> 16);
    }

    private @Nullable Node<K, V> find(K key, int hash) {
        for (Node<K, V> node = table[hash & (table.length - 1)]; node != null; node = node.chain) {
            if (node.hash == hash && node.key.equals(key)) {
                return node;
            }
        }
        return null;
    }

    private void insert(Node<K, V> node) {
        if (size >= table.length - (table.length >>> 2)) {
            resize();
        }
        int bucket = node.hash & (table.length - 1);
        node.chain = table[bucket];
        table[bucket] = node;
        size++;
    }

    private @Nullable Node<K, V> remove(K key, int hash) {
        int bucket = hash & (table.length - 1);
        Node<K, V> previous = null;
        for (Node<K, V> node = table[bucket]; node != null; previous = node, node = node.chain) {
            if (node.hash == hash && node.key.equals(key)) {
                if (previous == null) {
                    table[bucket] = node.chain;
                } else {
                    previous.chain = node.chain;
                }
                node.chain = null;
                size--;
                return node;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create generic arrays; this holds only Node<K, V>
    private void resize() {
        Node<K, V>[] old = table;
        Node<K, V>[] grown = new Node[old.length * 2];
        for (Node<K, V> head : old) {
            for (Node<K, V> node = head; node != null; ) {
                Node<K, V> chain = node.chain;
                int bucket = node.hash & (grown.length - 1);
                node.chain = grown[bucket];
                grown[bucket] = node;
                node = chain;
            }
        }
        table = grown;
    }

    private void link(Node<K, V> node, int level, int slot) {
        node.level = (byte) level;
        node.slot = (short) slot;
        node.prev = tails[level][slot];
        node.next = null;
        if (node.prev == null) {
            heads[level][slot] = node;
        } else {
            node.prev.next = node;
        }
        tails[level][slot] = node;
        setOccupied(level, slot);
    }

    private void unlink(Node<K, V> node) {
        if (node.prev == null) {
            heads[node.level][node.slot] = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tails[node.level][node.slot] = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        if (heads[node.level][node.slot] == null) {
            clearOccupied(node.level, node.slot);
        }
        node.prev = null;
        node.next = null;
    }

    private static long clampTick(long epochMilli) {
        return Math.max(0, Math.min(MAX_TICK, epochMilli));
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
