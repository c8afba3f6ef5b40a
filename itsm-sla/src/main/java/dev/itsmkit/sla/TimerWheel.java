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
 * slot named by bits {@code 12L..12L+11}. Per level, a bit per slot and a bit per 64 slots find the
 * next non-empty slot with two {@link Long#numberOfTrailingZeros}, so {@link #advance} jumps over
 * empty time in O(levels) however far the clock moves (a virtual clock may jump years). A level spans
 * 4.1 seconds, 4.7 hours, 2.2 years, then the rest; when the time enters a slot of level {@code L}, its
 * timers move down (cascade) to the levels below, so a timer moves at most {@code L} times:
 * schedule, cancel and fire are O(1) amortised.
 *
 * <h2>Why it is laid out so</h2>
 * With a million timers, what firing costs is cache misses, so the layout keeps the memory touched per
 * timer small and sequential. A timer is one node of 32 bytes (key, value, hash, tick) and nothing
 * links nodes to each other. The wheel's own hash table from key to node is open-addressed (linear
 * probing, removal by shifting back, no entry objects). A slot is a pair of arrays, the slot's nodes and
 * their ticks, in the order they came: a cascade reads them front to back and appends each to a slot
 * below without reading the node, so only firing (and the table lookups of schedule and fire) touches a
 * node that is no longer in the processor's cache. A node never changes slot by itself: rescheduling a
 * key makes a new node, and a cancelled or replaced node is removed from the end of its slot when it
 * is among the last few there (a timer cancelled soon after it was scheduled); otherwise it is marked
 * dead and left in its slot, skipped when its time comes. When the dead outnumber the live timers, one
 * pass over the slots drops them (amortised O(1) per cancel), so dead entries never take more memory
 * than live ones. The arrays of a slot whose time has come are dropped when large, and reused when small.
 *
 * <p>A timer allocates its node (and its share of the slots' arrays as they grow) and nothing else:
 * {@link #advance} collects the fired nodes in a reused array, and due instants can be given as
 * milliseconds since the epoch ({@link #schedule(Object, long, Object)},
 * {@link #advance(long, BiConsumer)}) so that a caller holding them as numbers creates no {@link Instant}.
 *
 * <p>Timers due in the same millisecond fire in the order they were scheduled (a rescheduled timer
 * counts from its last scheduling); timers of different milliseconds in time order. Instants before the
 * epoch are treated as the epoch, instants after the year 10889 as then.
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
    /** A slot beside the levels for timers scheduled after their time had passed: they fire on the next advance. */
    private static final int OVERDUE = LEVELS;
    /** The tick of a node that was cancelled or replaced while its entry stayed in a slot: the entry is skipped. */
    private static final long DEAD = -1;
    /** How many entries from the end of its slot a cancelled timer is looked for before it is left there dead. */
    private static final int CANCEL_SEARCH = 8;
    /** Dead entries are dropped when there are more of them than this and than live timers. */
    private static final int MIN_GARBAGE = 16;
    /** The capacity of a slot's arrays up to which they are kept for reuse once the slot is emptied. */
    private static final int KEPT_CAPACITY = 64;
    private static final int FIRST_CAPACITY = 4;
    private static final int INITIAL_TABLE_BITS = 4;
    /** Odd 32-bit golden-ratio constant: multiplying by it spreads a hash code into the table's top bits. */
    private static final int GOLDEN = 0x9E3779B9;
    private static final Node<?, ?>[] NO_NODES = new Node<?, ?>[0];

    private final Object lock = new Object();
    /** Per level and slot, the nodes of the slot's entries in the order they came, or null (never used or dropped). */
    private final Node<K, V>[][][] slotNodes;
    /**
     * Per level and slot, the low 32 bits of those nodes' ticks, so that a cascade need not read the nodes: the
     * bits above them are the time's (below level 3, whose cascades, years apart, read the nodes).
     */
    private final int[][][] slotTicks;
    /** Per level and slot, how many entries it holds (live or dead). */
    private final int[][] slotSizes = new int[LEVELS + 1][SLOTS];
    /** Per level, one bit per slot: set if the slot holds an entry. */
    private final long[][] occupied = new long[LEVELS + 1][SLOTS / Long.SIZE];
    /** Per level, one bit per word of {@link #occupied}: set if the word is not zero. */
    private final long[] occupiedWords = new long[LEVELS + 1];
    /** The hash table from key to node, open-addressed; its length is a power of two. */
    private Node<K, V>[] table;
    /** The hashes of the table's nodes, cell by cell: probing compares these, not the nodes, which are seldom in cache. */
    private int[] hashes;
    /** 32 minus the binary logarithm of the table's length: a node's home cell is its hash shifted right by this. */
    private int tableShift;
    private int size;
    /** How many entries in the slots belong to dead nodes. */
    private int garbage;
    /** The first tick not yet processed: every timer of an earlier tick has fired. */
    private long now;
    /** While {@link #advance} holds the lock: the nodes fired so far, in firing order. */
    private Node<K, V>[] fired;
    private int firedCount;
    /** An array for the fired nodes, handed back by the last {@link #advance} once its consumer was done. */
    private volatile Node<K, V> @Nullable [] spareFired;

    private static final class Node<K, V> {
        final K key;
        final V value;
        final int hash;
        /** The due tick, or {@link #DEAD}. */
        long tick;

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
        this.slotNodes = new Node[LEVELS + 1][SLOTS][];
        this.slotTicks = new int[LEVELS + 1][SLOTS][];
        this.table = new Node[1 << INITIAL_TABLE_BITS];
        this.hashes = new int[1 << INITIAL_TABLE_BITS];
        this.tableShift = Integer.SIZE - INITIAL_TABLE_BITS;
        this.fired = emptyFired();
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
        int hash = mix(key.hashCode());
        Node<K, V> node = new Node<>(key, hash, value, tick);
        synchronized (lock) {
            int cell = indexOf(key, hash);
            Node<K, V> old = table[cell];
            table[cell] = node;
            hashes[cell] = hash;
            if (old != null) {
                place(node, tick);
                discard(old);
                return true;
            }
            size++;
            place(node, tick);
            if (size > table.length - (table.length >>> 2)) {
                resize();
            }
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
        int hash = mix(key.hashCode());
        synchronized (lock) {
            int cell = indexOf(key, hash);
            Node<K, V> old = table[cell];
            if (old == null) {
                return false;
            }
            removeCell(cell);
            discard(old);
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
            Node<K, V> node = table[indexOf(key, mix(key.hashCode()))];
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
            if (size == 0) {
                return Optional.empty();
            }
            if (slotSizes[OVERDUE][0] > 0) {
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
        Node<K, V>[] taken;
        int count;
        synchronized (lock) {
            Node<K, V>[] spare = spareFired;
            if (spare != null) {
                spareFired = null;
                fired = spare;
            }
            firedCount = 0;
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
            taken = fired;
            count = firedCount;
            firedCount = 0;
            // another advance (a consumer's, or another thread's) gets its own array until this one is handed back
            fired = emptyFired();
        }
        for (int i = 0; i < count; i++) {
            Node<K, V> node = taken[i];
            taken[i] = null;
            consumer.accept(node.key, node.value);
        }
        if (taken.length <= KEPT_CAPACITY * 16) {
            spareFired = taken;
        }
        return count;
    }

    @SuppressWarnings("unchecked") // the shared empty array holds no node of any type
    private Node<K, V>[] emptyFired() {
        return (Node<K, V>[]) NO_NODES;
    }

    /* Fires a slot's live nodes (appends them to the fired ones, out of the table) and empties the slot. */
    private void take(int level, int slot) {
        int count = slotSizes[level][slot];
        if (count == 0) {
            return;
        }
        Node<K, V>[] nodes = slotNodes[level][slot];
        if (firedCount + count > fired.length) {
            fired = Arrays.copyOf(fired, Math.max(firedCount + count, 2 * fired.length));
        }
        for (int i = 0; i < count; i++) {
            Node<K, V> node = nodes[i];
            nodes[i] = null;
            if (node.tick == DEAD) {
                garbage--;
            } else {
                removeNode(node);
                fired[firedCount++] = node;
            }
        }
        empty(level, slot, nodes.length);
    }

    /* Marks a slot empty; drops its arrays if they are large (their slot's time will not come again soon). */
    private void empty(int level, int slot, int capacity) {
        slotSizes[level][slot] = 0;
        clearOccupied(level, slot);
        if (capacity > KEPT_CAPACITY) {
            slotNodes[level][slot] = null;
            slotTicks[level][slot] = null;
        }
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

    /*
     * Sets the time and cascades the slots that the new time enters, from the top level down: each entry
     * goes to the slot below that its tick (kept beside the node) names, dead ones too, without reading
     * the node.
     */
    private void moveTo(long tick) {
        now = Math.min(tick, MAX_TICK);
        for (int level = LEVELS - 1; level >= 1; level--) {
            int slot = (int) ((now >>> (level * BITS)) & (SLOTS - 1));
            int count = slotSizes[level][slot];
            if (count == 0) {
                continue;
            }
            Node<K, V>[] nodes = slotNodes[level][slot];
            int[] ticks = slotTicks[level][slot];
            // an entry of this slot never goes back to it: its tick now shares this level's bits with the time
            empty(level, slot, nodes.length);
            boolean kept = nodes.length <= KEPT_CAPACITY;
            long lowBits = (1L << (level * BITS)) - 1;
            long high = now & ~lowBits;
            for (int i = 0; i < count; i++) {
                Node<K, V> node = nodes[i];
                if (kept) {
                    nodes[i] = null;
                }
                if (level < LEVELS - 1) {
                    place(node, high | (ticks[i] & lowBits));
                } else if (node.tick == DEAD) {
                    garbage--;
                } else {
                    place(node, node.tick);
                }
            }
        }
    }

    /* Appends a node's entry to the slot of its tick, or to the overdue slot if its time has passed. */
    private void place(Node<K, V> node, long tick) {
        if (tick < now) {
            append(OVERDUE, 0, node, tick);
            return;
        }
        int level = levelOf(tick);
        append(level, slotOf(tick, level), node, tick);
    }

    /* The level of a tick not before now: that of the highest bit in which it differs from now (0 if none). */
    private int levelOf(long tick) {
        return Math.min(LEVELS - 1, (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS);
    }

    private static int slotOf(long tick, int level) {
        return (int) ((tick >>> (level * BITS)) & (SLOTS - 1));
    }

    private void append(int level, int slot, Node<K, V> node, long tick) {
        int count = slotSizes[level][slot];
        Node<K, V>[] nodes = slotNodes[level][slot];
        int[] ticks = slotTicks[level][slot];
        if (nodes == null || ticks == null) {
            nodes = newNodes(FIRST_CAPACITY);
            ticks = new int[FIRST_CAPACITY];
            slotNodes[level][slot] = nodes;
            slotTicks[level][slot] = ticks;
        } else if (count == nodes.length) {
            int capacity = count + (count >>> 1) + 1;
            nodes = Arrays.copyOf(nodes, capacity);
            ticks = Arrays.copyOf(ticks, capacity);
            slotNodes[level][slot] = nodes;
            slotTicks[level][slot] = ticks;
        }
        nodes[count] = node;
        ticks[count] = (int) tick;
        slotSizes[level][slot] = count + 1;
        if (count == 0) {
            setOccupied(level, slot);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create generic arrays; this holds only Node<K, V>
    private Node<K, V>[] newNodes(int capacity) {
        return new Node[capacity];
    }

    /*
     * Takes a node that left the table (cancelled or replaced) out of the wheel: out of its slot if its entry
     * is among the slot's last few (where the position a node's tick and the time name is always its entry's
     * slot), else marked dead, its entry left for firing or compaction to drop.
     */
    private void discard(Node<K, V> node) {
        long tick = node.tick;
        int level = OVERDUE;
        int slot = 0;
        if (tick >= now) {
            level = levelOf(tick);
            slot = slotOf(tick, level);
        }
        int count = slotSizes[level][slot];
        Node<K, V>[] nodes = slotNodes[level][slot];
        int[] ticks = slotTicks[level][slot];
        if (nodes != null && ticks != null) {
            for (int i = count - 1; i >= Math.max(0, count - CANCEL_SEARCH); i--) {
                if (nodes[i] == node) {
                    System.arraycopy(nodes, i + 1, nodes, i, count - 1 - i);
                    System.arraycopy(ticks, i + 1, ticks, i, count - 1 - i);
                    nodes[count - 1] = null;
                    slotSizes[level][slot] = count - 1;
                    if (count == 1) {
                        clearOccupied(level, slot);
                    }
                    return;
                }
            }
        }
        node.tick = DEAD;
        garbage++;
        if (garbage > MIN_GARBAGE && garbage > size) {
            compact();
        }
    }

    /* Drops every dead entry from the slots, keeping the order of the others. */
    private void compact() {
        for (int level = 0; level <= OVERDUE; level++) {
            for (int slot = 0; slot < SLOTS; slot++) {
                int count = slotSizes[level][slot];
                if (count == 0) {
                    continue;
                }
                Node<K, V>[] nodes = slotNodes[level][slot];
                int[] ticks = slotTicks[level][slot];
                int live = 0;
                for (int i = 0; i < count; i++) {
                    if (nodes[i].tick != DEAD) {
                        nodes[live] = nodes[i];
                        ticks[live] = ticks[i];
                        live++;
                    }
                }
                Arrays.fill(nodes, live, count, null);
                slotSizes[level][slot] = live;
                if (live == 0) {
                    clearOccupied(level, slot);
                }
            }
        }
        garbage = 0;
    }

    /* Spreads a hash code over the top bits, which name a key's home cell in the table. */
    private static int mix(int hashCode) {
        return hashCode * GOLDEN;
    }

    /* The cell of the key's node, or the empty cell where it would go. */
    private int indexOf(K key, int hash) {
        Node<K, V>[] cells = table;
        int[] cellHashes = hashes;
        int mask = cells.length - 1;
        for (int cell = hash >>> tableShift; ; cell = (cell + 1) & mask) {
            Node<K, V> node = cells[cell];
            if (node == null || cellHashes[cell] == hash && node.key.equals(key)) {
                return cell;
            }
        }
    }

    /* Removes a node known to be in the table: found by identity, so no other key is compared. */
    private void removeNode(Node<K, V> node) {
        Node<K, V>[] cells = table;
        int mask = cells.length - 1;
        int cell = node.hash >>> tableShift;
        while (cells[cell] != node) {
            cell = (cell + 1) & mask;
        }
        removeCell(cell);
    }

    /* Empties a cell, moving back the later nodes of its run whose home cell allows it (no tombstones). */
    private void removeCell(int hole) {
        Node<K, V>[] cells = table;
        int[] cellHashes = hashes;
        int mask = cells.length - 1;
        for (int cell = (hole + 1) & mask; ; cell = (cell + 1) & mask) {
            Node<K, V> node = cells[cell];
            if (node == null) {
                break;
            }
            int hash = cellHashes[cell];
            int home = hash >>> tableShift;
            // the node may fill the hole if the hole lies between its home cell and its cell
            if (((cell - home) & mask) >= ((cell - hole) & mask)) {
                cells[hole] = node;
                cellHashes[hole] = hash;
                hole = cell;
            }
        }
        cells[hole] = null;
        size--;
    }

    private void resize() {
        Node<K, V>[] old = table;
        int[] oldHashes = hashes;
        Node<K, V>[] grown = newNodes(old.length * 2);
        int[] grownHashes = new int[grown.length];
        int shift = tableShift - 1;
        int mask = grown.length - 1;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                int cell = oldHashes[i] >>> shift;
                while (grown[cell] != null) {
                    cell = (cell + 1) & mask;
                }
                grown[cell] = old[i];
                grownHashes[cell] = oldHashes[i];
            }
        }
        table = grown;
        hashes = grownHashes;
        tableShift = shift;
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
