package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
 * With a million timers, firing costs cache misses and the garbage collector's work, so a timer is no
 * object at all: it is a number, its id, indexing arrays (rows) of its key and value (side by side, one
 * cache line) and of its tick. The table from key to id is open-addressed (linear probing, removal by
 * shifting back) in one {@code long} array of hash and id, so a probe reads one cache line and no key
 * unless the hashes match. A slot is a
 * pair of {@code int} arrays, the ids of its timers and the low bits of their ticks, in the order they
 * came, so a cascade moves timers without reading their rows. Nothing but the keys and values is a
 * reference: the wheel allocates nothing per timer and gives the collector no nodes to copy.
 *
 * <p>Locality is arranged, since the collector no longer provides it: ids are handed out in chunks of
 * 64, a chunk to one slot of level 2 (4.7 hours) at a time, so the timers that will fire within the same
 * hours have their rows side by side, and firing one brings its neighbours' rows into the cache. When the
 * time enters a slot of level 2, its timers are sorted by their slot of level 1 (a counting sort, stable)
 * into one array, the run, instead of being appended one by one to 4096 slot arrays that are no longer in
 * the cache. When the time enters a slot of level 1, its timers (from the run, then from the slot's own
 * arrays) are sorted by tick, stably, into the current list, and fire from there: only the timers due
 * within the next 4.1 seconds are sorted, and they are not copied into the slots of level 0, which hold
 * only the timers scheduled while the time is already in their level-1 slot (these fire after the current
 * list's timers of the same millisecond, having been scheduled later).
 *
 * <p>Counted over a timer's life in a wheel of a million timers due within 30 days, the cache misses that
 * depend on the timer are: its table cell when it is scheduled; its row, when it fires (shared with the
 * timers of its chunk, which fire within the same hours); and its key and value, read by the consumer. The
 * last two are taken ahead of time: when the time enters a slot of level 1, the wheel reads the rows and values
 * of the next few dozen timers of the run (those due in the next minutes), a batch at a time, so that their
 * misses overlap instead of stalling the firing and the consumer one after the other.
 * The table cell is not looked up again when the timer fires: its id's bit is set in a bit set of fired
 * timers, and a sweep visits the table in order, a batch of cells at a time (8 cells per timer fired),
 * taking out the cells of fired timers and freeing their ids only then. A fired timer's cell left in the
 * table has no key in its row, so no lookup finds it; the table's load counts these cells, and a resize
 * drops them all.
 *
 * <p>A timer stays in the slot it was put in until it fires or cascades: cancelling or rescheduling a
 * key takes its timer out of its slot when it is among the last few there (a timer cancelled soon after
 * it was scheduled); otherwise the timer is marked dead (its key and value cleared: nothing else is read
 * when it comes to fire) and left in its slot, skipped when its time
 * comes, its id free only then. When the dead outnumber the live timers, one pass over the slots drops
 * them (amortised O(1) per cancel), so dead timers never take more memory than live ones. The arrays of
 * a slot whose time has come are reused: small ones by their slot, a few large ones by the slots of
 * level 2 that fill up next (to about the same size). A chunk of ids is reused once all its ids are free.
 *
 * <p>A timer allocates nothing but its share of the arrays as they grow; {@link #advance} allocates one
 * array for the timers it fires, which dies young. Due instants can be given as milliseconds since the
 * epoch ({@link #schedule(Object, long, Object)}, {@link #advance(long, BiConsumer)}) so that a caller
 * holding them as numbers creates no {@link Instant}.
 *
 * <p>Timers due in the same millisecond fire in the order they were scheduled (a rescheduled timer
 * counts from its last scheduling); timers of different milliseconds in time order. Instants before the
 * epoch are treated as the epoch, instants after the year 10889 as then.
 *
 * <p>A caller that keeps the timers it schedules can name them by handles instead of keys:
 * {@link HandleTimerWheel} is this wheel without the table (and without the sweep), its rows holding only the
 * values, a timer's handle being its id and the id's generation (a count, per id, of the timers that held it).
 * With a million timers that saves the cache miss in the table at every schedule, which is the keyed wheel's
 * largest single cost.
 *
 * <p>Thread-safe: every method holds the wheel's lock, and {@link #advance} calls its consumer
 * outside the lock, after removing the fired timers, so a consumer may schedule again. The fired timers go to
 * an array the wheel keeps; an advance that finds it still being handed to a consumer (a consumer advancing
 * again, or another thread) uses an array of its own. No reference is stored into the wheel's fields per
 * advance: with G1, each such store into an old object costs a memory fence.
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
    /** How many entries from the end of its slot a cancelled timer is looked for before it is left there dead. */
    private static final int CANCEL_SEARCH = 8;
    /** Dead timers are dropped when there are more of them than this and than live timers. */
    private static final int MIN_GARBAGE = 16;
    /** The capacity of a slot's arrays up to which they are kept for reuse once the slot is emptied. */
    private static final int KEPT_CAPACITY = 64;
    private static final int FIRST_SLOT_CAPACITY = 4;
    /** How many pairs of large slot arrays are kept for reuse. */
    private static final int SPARES = 4;
    private static final int[] NO_IDS = {};
    /** A level-1 cascade reads values ahead when fewer than this many run entries past its own were read ahead. */
    private static final int READ_AHEAD_LOW = 8;
    /** How many run entries past its own a level-1 cascade reads ahead at once, so that their cache misses overlap. */
    private static final int READ_AHEAD_BATCH = 32;
    /** Current lists up to this length are sorted by insertion, longer ones by counting. */
    private static final int INSERTION_SORTED = 32;
    /** Table cells a sweep visits per timer fired: see {@link #sweep}. */
    private static final int SWEEP_CELLS_PER_FIRE = 8;
    /**
     * The sweep visits cells in batches of this many, so that the processor reads the table ahead of it in
     * order (a few cells per call would each miss in the cache).
     */
    private static final int SWEEP_BATCH = 1 << 13;
    /** Ids are handed out in chunks of this many, a chunk to a slot of level 2 at a time: see {@link #newId}. */
    private static final int CHUNK = 64;
    private static final int FIRST_IDS = CHUNK * 4;
    /** The group of the timers not placed at level 2. */
    private static final int SHARED = SLOTS;
    private static final int INITIAL_TABLE_BITS = 4;
    /** Odd 32-bit golden-ratio constant: multiplying by it spreads a hash code into the top bits, which name a cell. */
    private static final int GOLDEN = 0x9E3779B9;
    private static final long ID_BITS = 0xFFFF_FFFFL;

    private final Object lock = new Object();
    /**
     * False for the wheel behind a {@link HandleTimerWheel}: its timers are named by handles, not keys, so it has
     * no table (its {@link #cells} stay empty) and frees a fired timer's id at once.
     */
    private final boolean keyed;
    /**
     * 1 if keyed, 0 if not: a timer's key is at {@code id << refShift} in {@link #refs}, its value at
     * {@code (id << refShift) + refShift}. A wheel without keys keeps only values, one per id, so that a cache line
     * holds the rows of 16 timers instead of 8.
     */
    private final int refShift;
    /**
     * In a wheel without keys, per id: how many timers have held the id, the high half of their handles, so that
     * the handle of a timer that fired or was cancelled names no later timer of the same id. Empty if keyed.
     */
    private int[] generations;

    /**
     * Per id, side by side in one cache line: the timer's key (at {@code 2 * id}) and value (at {@code 2 * id + 1}),
     * or only its value (at {@code id}) in a wheel without keys, see {@link #refShift}; null if the timer is dead (cancelled or replaced while it stays in its slot), fired or its id free.
     */
    private Object[] refs;
    /** Per id: the timer's tick. */
    private long[] ticks = new long[FIRST_IDS];
    /**
     * One bit per id: set while the id's timer has fired but its cell is still in the table, to be taken out
     * by {@link #sweep}; the id is not reused until then.
     */
    private long[] firedBits = new long[FIRST_IDS / Long.SIZE];
    /** How many fired timers' cells are still in the table. */
    private int firedInTable;
    /** The next cell {@link #sweep} visits. */
    private int sweepCursor;
    /** How many cells the sweep is to visit, once they are {@link #SWEEP_BATCH} or the whole table. */
    private int sweepDue;
    /** Per chunk of {@link #CHUNK} ids: how many of its ids are taken (by live or dead timers). */
    private int[] chunkTaken = new int[FIRST_IDS / CHUNK];
    /** Per chunk: the group that takes its ids, or -1 once it has no room left or was freed. */
    private int[] chunkGroup = new int[FIRST_IDS / CHUNK];
    /** The chunks whose ids are all free. */
    private int[] freeChunks = new int[FIRST_IDS / CHUNK];
    private int freeChunkCount;
    /** The chunks from here on were never used. */
    private int chunkLimit;
    /** Per group (a slot of level 2, or {@link #SHARED} for any other place): the chunk it takes ids from, or -1. */
    private final int[] groupChunk = new int[SLOTS + 1];
    /** Per group: the next id to take in its chunk. */
    private final int[] groupNext = new int[SLOTS + 1];

    /** The table from key to id, open-addressed: per cell, the hash in the high half and id + 1 in the low half, or 0. */
    private long[] cells = new long[1 << INITIAL_TABLE_BITS];
    /** 32 minus the binary logarithm of the table's length: a hash's home cell is the hash shifted right by this. */
    private int cellShift = Integer.SIZE - INITIAL_TABLE_BITS;
    private int size;

    /** Per level and slot, the ids of the slot's timers in the order they came, or null (never used or dropped). */
    private final int[][][] slotIds = new int[LEVELS + 1][SLOTS][];
    /**
     * Per level and slot, the low 32 bits of those timers' ticks, so that a cascade need not read their rows:
     * the bits above are the time's (below level 3, whose cascades, years apart, read the rows).
     */
    private final int[][][] slotTicks = new int[LEVELS + 1][SLOTS][];
    /** Per level and slot, how many timers it holds (live or dead). */
    private final int[][] slotSizes = new int[LEVELS + 1][SLOTS];
    /** Per level, one bit per slot: set if the slot holds a timer. */
    private final long[][] occupied = new long[LEVELS + 1][SLOTS / Long.SIZE];
    /** Per level, one bit per word of {@link #occupied}: set if the word is not zero. */
    private final long[] occupiedWords = new long[LEVELS + 1];
    /**
     * The timers of the slot of level 2 that the time is in, sorted by their slot of level 1: that slot's
     * timers are {@code runIds[runStart[s] .. runStart[s] + runCount[s])}, with the low bits of their ticks
     * in {@link #runLows}. They count as the level-1 slot's first timers.
     */
    private int[] runIds = new int[0];
    private int[] runLows = new int[0];
    private final int[] runStart = new int[SLOTS];
    private final int[] runCount = new int[SLOTS];
    /** How many entries the run had when it was made: {@code runIds[0 .. runLength)}. */
    private int runLength;
    /** The run's entries before this one have had their values read ahead: see {@link #readAhead}. */
    private int runReadAhead;
    /** Counts the values read ahead of a certain class, so that the compiler keeps the reads: see {@link #readAhead}. */
    private int readAheadSink;
    /**
     * The timers of the level-1 slot the time is in that came down from level 1, sorted by tick (stably):
     * {@code currentIds[currentAt .. currentEnd)}, with the low bits of their ticks in {@link #currentLows}.
     * They fire from here, before the timers of the same tick in the slots of level 0 (scheduled later).
     */
    private int[] currentIds = new int[FIRST_SLOT_CAPACITY];
    private int[] currentLows = new int[FIRST_SLOT_CAPACITY];
    private int currentAt;
    private int currentEnd;
    /** Large slot arrays whose slot's time came, for slots that grow: they grow to the same sizes. */
    private final int[][] spareIds = new int[SPARES][];
    private final int[][] spareLows = new int[SPARES][];
    private int spareCount;
    /** How many timers in the slots are dead. */
    private int garbage;
    /** The first tick not yet processed: every timer of an earlier tick has fired. */
    private long now;

    /**
     * While {@link #advance} holds the lock: the keys and values fired so far, in pairs, in firing order. Outside
     * the lock, the wheel's array for them, which every advance fires into unless another advance's consumer is
     * reading it (see {@link #firedInUse}): the field is not written per advance, since with G1 every store of a
     * reference into an old object costs a memory fence (the collector's card-marking barrier).
     */
    private Object[] fired = NO_TIMERS;
    private int firedCount;
    /**
     * True while an advance hands the timers in {@link #fired} to its consumer, outside the lock. Set under the
     * lock; cleared outside it with a release store, once the entries are cleared (so that they are seen cleared),
     * and read under the lock with an acquire load: an advance takes the lock once, not twice. An advance that finds
     * it set (a consumer advancing again, or another thread) fires into an array of its own and leaves the field.
     */
    private boolean firedInUse;
    private static final Object[] NO_TIMERS = {};
    private static final VarHandle FIRED_IN_USE;

    static {
        try {
            FIRED_IN_USE = MethodHandles.lookup().findVarHandle(TimerWheel.class, "firedInUse", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Creates an empty wheel whose time starts at an instant.
     *
     * @param start the wheel's current time; timers due before it fire on the first {@link #advance}
     */
    public TimerWheel(Instant start) {
        this(start, true);
    }

    /* A keyed wheel, or the wheel without keys behind a HandleTimerWheel. */
    TimerWheel(Instant start, boolean keyed) {
        this.now = floorTick(requireNonNull(start, "start"));
        this.keyed = keyed;
        this.refShift = keyed ? 1 : 0;
        this.refs = new Object[FIRST_IDS << refShift];
        this.generations = keyed ? NO_IDS : new int[FIRST_IDS];
        Arrays.fill(groupChunk, -1);
    }

    /*
     * Schedules a timer in a wheel without keys and returns its handle: the id's generation in the high half,
     * the id in the low half. No table: nothing to look up, nothing to sweep when it fires.
     */
    long scheduleHandle(long tick, V value) {
        synchronized (lock) {
            size++;
            int id = newId(tick);
            refs[id] = value;
            ticks[id] = tick;
            place(id, tick);
            return ((long) generations[id] << 32) | id;
        }
    }

    /* Cancels the timer of a handle in a wheel without keys, if it is still waiting. */
    boolean cancelHandle(long handle) {
        synchronized (lock) {
            int id = liveId(handle);
            if (id < 0) {
                return false;
            }
            size--;
            discard(id);
            return true;
        }
    }

    /* The due tick of the timer of a handle, or -1 if it fired, was cancelled or never was. */
    long dueTickOfHandle(long handle) {
        synchronized (lock) {
            int id = liveId(handle);
            return id < 0 ? -1 : ticks[id];
        }
    }

    /* The id of a handle's timer if it is still waiting (its id holds it: same generation, not dead), else -1. */
    private int liveId(long handle) {
        int id = (int) handle;
        if (id < 0 || id >= chunkLimit * CHUNK || generations[id] != (int) (handle >>> 32) || isDead(id)) {
            return -1;
        }
        return id;
    }

    /* Fires the timers due by a tick in a wheel without keys, handing their values to a consumer. */
    int advanceHandles(long target, Consumer<? super V> consumer) {
        return advanceTo(target, consumer);
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
        synchronized (lock) {
            int cell = indexOf(key, hash);
            long old = cells[cell];
            boolean replaced = old != 0;
            if (replaced) {
                discard(idOf(old));
            } else {
                size++;
            }
            int id = newId(tick);
            refs[2 * id] = key;
            refs[2 * id + 1] = value;
            ticks[id] = tick;
            cells[cell] = ((long) hash << 32) | (id + 1L);
            place(id, tick);
            if (size + firedInTable > cells.length - (cells.length >>> 2)) {
                resize();
            }
            return replaced;
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
            long old = cells[cell];
            if (old == 0) {
                return false;
            }
            removeCell(cell);
            size--;
            discard(idOf(old));
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
        int hash = mix(key.hashCode());
        synchronized (lock) {
            long cell = cells[indexOf(key, hash)];
            return cell == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ticks[idOf(cell)]));
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

    /*
     * Fires what is due by a tick and hands it to the consumer: a BiConsumer of keys and values if the wheel is
     * keyed, else a Consumer of values.
     */
    @SuppressWarnings("unchecked") // keys and values hold only the K and V given to schedule, in pairs
    private int advanceTo(long target, Object consumer) {
        Object[] taken;
        int count;
        boolean own;
        synchronized (lock) {
            own = !(boolean) FIRED_IN_USE.getAcquire(this);
            Object[] inUse = fired;
            if (!own) {
                // another advance's consumer (this one's caller, or another thread) reads the wheel's array
                fired = NO_TIMERS;
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
                takeCurrent();
                take(0, (int) (now & (SLOTS - 1)));
                moveTo(now + 1);
            }
            if (keyed) {
                sweepDue += SWEEP_CELLS_PER_FIRE * (firedCount >>> 1);
                if (sweepDue >= Math.min(SWEEP_BATCH, cells.length)) {
                    sweep(sweepDue);
                    sweepDue = 0;
                }
            }
            taken = fired;
            count = firedCount;
            firedCount = 0;
            if (!own) {
                fired = inUse;
            } else if (count > 0) {
                FIRED_IN_USE.set(this, true);
            }
            if (count == 0) {
                return 0;
            }
        }
        int handed = 0;
        try {
            if (keyed) {
                BiConsumer<? super K, ? super V> keysAndValues = (BiConsumer<? super K, ? super V>) consumer;
                while (handed < count) {
                    K key = (K) taken[handed];
                    V value = (V) taken[handed + 1];
                    taken[handed] = null;
                    taken[handed + 1] = null;
                    handed += 2;
                    keysAndValues.accept(key, value);
                }
            } else {
                Consumer<? super V> values = (Consumer<? super V>) consumer;
                while (handed < count) {
                    V value = (V) taken[handed];
                    taken[handed] = null;
                    handed++;
                    values.accept(value);
                }
            }
        } finally {
            if (own) {
                release(taken, handed, count);
            }
        }
        return count >> refShift;
    }

    /*
     * Gives the wheel's array of fired timers back once an advance's consumer is done with it (or failed, leaving
     * entries from {@code handed} on): a large one is dropped, under the lock, since the wheel keeps it otherwise.
     */
    private void release(Object[] taken, int handed, int count) {
        if (handed < count) {
            Arrays.fill(taken, handed, count, null);
        }
        if (taken.length > KEPT_CAPACITY) {
            synchronized (lock) {
                fired = NO_TIMERS;
                firedInUse = false;
            }
        } else {
            FIRED_IN_USE.setRelease(this, false);
        }
    }

    /*
     * Fires a slot's live timers (their keys and values to the fired ones, their ids out of the table and
     * free) and empties the slot; frees the ids of its dead timers.
     */
    private void take(int level, int slot) {
        int count = slotSizes[level][slot];
        if (count == 0) {
            return;
        }
        int[] ids = slotIds[level][slot];
        int[] lows = slotTicks[level][slot];
        if (firedCount + 2 * count > fired.length) {
            fired = Arrays.copyOf(fired, Math.max(firedCount + 2 * count, 2 * fired.length));
        }
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            if (isDead(id)) {
                garbage--;
                freeId(id);
            } else {
                fire(id);
            }
        }
        empty(level, slot, ids.length);
        spare(ids, lows);
    }

    /*
     * Fires a live timer: its key and value to the fired ones; its cell stays in the table, marked by the
     * id's bit, until a sweep takes it out and frees the id.
     */
    private void fire(int id) {
        int at = id << refShift;
        fired[firedCount++] = refs[at];
        refs[at] = null;
        if (keyed) {
            fired[firedCount++] = refs[at + 1];
            refs[at + 1] = null;
        }
        if (keyed) {
            firedBits[id >>> 6] |= 1L << id;
            firedInTable++;
        } else {
            freeId(id);
        }
        size--;
    }

    /*
     * Fires the timers of the current level-1 slot's sorted list that are due by now (their ticks share every
     * bit above the low 12 with now), dropping the dead ones; they were scheduled before any timer in a slot of
     * level 0 of the same tick, so they fire first.
     */
    private void takeCurrent() {
        int at = currentAt;
        int end = currentEnd;
        int due = (int) (now & (SLOTS - 1));
        if (at == end || (currentLows[at] & (SLOTS - 1)) > due) {
            return;
        }
        int stop = at;
        while (stop < end && (currentLows[stop] & (SLOTS - 1)) <= due) {
            stop++;
        }
        if (firedCount + 2 * (stop - at) > fired.length) {
            fired = Arrays.copyOf(fired, Math.max(firedCount + 2 * (stop - at), 2 * fired.length));
        }
        for (; at < stop; at++) {
            int id = currentIds[at];
            if (isDead(id)) {
                garbage--;
                freeId(id);
            } else {
                fire(id);
            }
        }
        currentAt = at == end ? 0 : at;
        currentEnd = at == end ? 0 : end;
    }

    /*
     * Makes the current list of the level-1 slot the time entered: the slot's timers in the run, then those in
     * the slot's own arrays (scheduled later), sorted by tick, stably, so that they fire from there instead of
     * being appended to the slots of level 0.
     */
    private void makeCurrent(int slot) {
        int fromRun = runCount[slot];
        int own = slotSizes[1][slot];
        int count = fromRun + own;
        if (currentIds.length < count) {
            currentIds = new int[count + (count >>> 1)];
            currentLows = new int[currentIds.length];
        }
        if (fromRun > 0) {
            int end = runStart[slot] + fromRun;
            if (runReadAhead < end + READ_AHEAD_LOW) {
                readAhead(Math.max(runReadAhead, end), Math.min(runLength, end + READ_AHEAD_BATCH));
            }
            System.arraycopy(runIds, runStart[slot], currentIds, 0, fromRun);
            System.arraycopy(runLows, runStart[slot], currentLows, 0, fromRun);
            runCount[slot] = 0;
        }
        if (own > 0) {
            int[] ids = slotIds[1][slot];
            int[] lows = slotTicks[1][slot];
            System.arraycopy(ids, 0, currentIds, fromRun, own);
            System.arraycopy(lows, 0, currentLows, fromRun, own);
            empty(1, slot, ids.length);
            spare(ids, lows);
        } else {
            clearOccupied(1, slot);
        }
        sortCurrent(count);
        currentAt = 0;
        currentEnd = count;
    }

    /*
     * Reads ahead the values of the run's entries in [from, to): the timers that fire after the current list's,
     * within the next minutes of the wheel's time. Each is read again when it fires, by the wheel (its row) and by
     * the consumer (the value itself), and with a million timers each read would be a cache miss, one after the
     * other: the value's line is known only once its row is read, and the consumer runs once the timer has fired.
     * Read here, a batch at a time in a loop whose iterations do not depend on each other, the misses of the batch
     * overlap (the processor has a dozen or more in flight), and the lines wait in the cache for the few calls until
     * the timers fire. The value is read through its class pointer (in its header, on the line of its first fields);
     * the compiler keeps a read whose result decides a count, so the counts go to a field nothing else reads. The
     * wheel without keys reads the timer's generation too, which firing increments.
     */
    private void readAhead(int from, int to) {
        Object[] rows = refs;
        int[] ids = runIds;
        int marked = 0;
        if (keyed) {
            for (int i = from; i < to; i++) {
                Object value = rows[2 * ids[i] + 1];
                if (value != null && value.getClass() == TimerWheel.class) {
                    marked++;
                }
            }
        } else {
            int[] counts = generations;
            for (int i = from; i < to; i++) {
                int id = ids[i];
                Object value = rows[id];
                if (value != null && (value.getClass() == TimerWheel.class | counts[id] == Integer.MIN_VALUE)) {
                    marked++;
                }
            }
        }
        readAheadSink += marked;
        runReadAhead = Math.max(runReadAhead, to);
    }

    /* Sorts the current list by the low 12 bits of the ticks, stably: by insertion when short, else by counting. */
    private void sortCurrent(int count) {
        int[] ids = currentIds;
        int[] lows = currentLows;
        if (count <= INSERTION_SORTED) {
            for (int i = 1; i < count; i++) {
                int id = ids[i];
                int low = lows[i];
                int key = low & (SLOTS - 1);
                int j = i - 1;
                while (j >= 0 && (lows[j] & (SLOTS - 1)) > key) {
                    ids[j + 1] = ids[j];
                    lows[j + 1] = lows[j];
                    j--;
                }
                ids[j + 1] = id;
                lows[j + 1] = low;
            }
            return;
        }
        int[] starts = new int[SLOTS + 1];
        for (int i = 0; i < count; i++) {
            starts[(lows[i] & (SLOTS - 1)) + 1]++;
        }
        for (int key = 0; key < SLOTS; key++) {
            starts[key + 1] += starts[key];
        }
        int[] sortedIds = new int[ids.length];
        int[] sortedLows = new int[ids.length];
        for (int i = 0; i < count; i++) {
            int at = starts[lows[i] & (SLOTS - 1)]++;
            sortedIds[at] = ids[i];
            sortedLows[at] = lows[i];
        }
        currentIds = sortedIds;
        currentLows = sortedLows;
    }

    /* Marks a slot empty; drops its arrays if they are large (their slot's time will not come again soon). */
    private void empty(int level, int slot, int capacity) {
        slotSizes[level][slot] = 0;
        clearOccupied(level, slot);
        if (capacity > KEPT_CAPACITY) {
            slotIds[level][slot] = null;
            slotTicks[level][slot] = null;
        }
    }

    /* The first tick at which something happens: a timer fires (level 0) or a slot cascades. */
    private long nextTick() {
        int found = firstOccupied(0, (int) (now & (SLOTS - 1)));
        if (currentAt < currentEnd) {
            int current = currentLows[currentAt] & (SLOTS - 1);
            found = found < 0 ? current : Math.min(found, current);
        }
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
     * Sets the time and cascades the slots that the new time enters, from the top level down: each timer
     * goes to the slot below that its tick names, dead ones too, without reading its row (but at the top
     * level, whose slots span years).
     */
    private void moveTo(long tick) {
        long changed = now ^ Math.min(tick, MAX_TICK);
        now ^= changed;
        for (int level = LEVELS - 1; level >= 1; level--) {
            if (changed >>> (level * BITS) == 0) {
                // the time is still in the slot of this level it was in, which it emptied when it entered it
                continue;
            }
            int slot = (int) ((now >>> (level * BITS)) & (SLOTS - 1));
            long lowBits = (1L << (level * BITS)) - 1;
            long high = now & ~lowBits;
            if (level == 1) {
                if (runCount[slot] > 0 || slotSizes[1][slot] > 0) {
                    makeCurrent(slot);
                }
                continue;
            }
            int count = slotSizes[level][slot];
            if (count == 0) {
                continue;
            }
            int[] ids = slotIds[level][slot];
            int[] lows = slotTicks[level][slot];
            // a timer of this slot never goes back to it: its tick now shares this level's bits with the time
            empty(level, slot, ids.length);
            if (level == 2) {
                if (groupChunk[slot] >= 0) {
                    // the slot's chunk takes no more ids until the slot's time comes round again
                    closeChunk(groupChunk[slot]);
                    groupChunk[slot] = -1;
                }
                makeRun(ids, lows, count, high);
                spare(ids, lows);
                continue;
            }
            for (int i = 0; i < count; i++) {
                int id = ids[i];
                if (level < LEVELS - 1) {
                    place(id, high | (lows[i] & lowBits));
                } else if (isDead(id)) {
                    garbage--;
                    freeId(id);
                } else {
                    place(id, ticks[id]);
                }
            }
            spare(ids, lows);
        }
    }

    /* Keeps the large arrays of a slot that was emptied (and dropped them) for a slot that grows. */
    private void spare(int[] ids, int[] lows) {
        if (ids.length > KEPT_CAPACITY && spareCount < SPARES) {
            spareIds[spareCount] = ids;
            spareLows[spareCount] = lows;
            spareCount++;
        }
    }

    /*
     * Cascades the slot of level 2 that the time entered: sorts its timers by their slot of level 1 (a
     * counting sort, stable) into the run, where the level-1 cascades read them, instead of appending each
     * to one of 4096 slot arrays that are no longer in the cache. Timers of the current level-1 slot go to
     * level 0 at once. Every earlier run was used up: the time has passed all its slots.
     */
    private void makeRun(int[] ids, int[] lows, int count, long high) {
        int current = (int) ((now >>> BITS) & (SLOTS - 1));
        int inRun = 0;
        for (int i = 0; i < count; i++) {
            int slot = (lows[i] >>> BITS) & (SLOTS - 1);
            if (slot > current) {
                runCount[slot]++;
                inRun++;
            }
        }
        if (runIds.length < inRun) {
            runIds = new int[inRun + (inRun >>> 2)];
            runLows = new int[runIds.length];
        }
        runLength = inRun;
        runReadAhead = 0;
        int start = 0;
        for (int slot = current + 1; slot < SLOTS; slot++) {
            runStart[slot] = start;
            start += runCount[slot];
            if (runCount[slot] > 0) {
                setOccupied(1, slot);
            }
            runCount[slot] = 0;
        }
        for (int i = 0; i < count; i++) {
            int low = lows[i];
            int slot = (low >>> BITS) & (SLOTS - 1);
            if (slot > current) {
                int at = runStart[slot] + runCount[slot]++;
                runIds[at] = ids[i];
                runLows[at] = low;
            } else {
                place(ids[i], high | (low & ((1L << (2 * BITS)) - 1)));
            }
        }
    }

    /* Appends a timer to the slot of its tick, or to the overdue slot if its time has passed. */
    private void place(int id, long tick) {
        if (tick < now) {
            append(OVERDUE, 0, id, tick);
            return;
        }
        int level = levelOf(tick);
        append(level, slotOf(tick, level), id, tick);
    }

    /* The level of a tick not before now: that of the highest bit in which it differs from now (0 if none). */
    private int levelOf(long tick) {
        return Math.min(LEVELS - 1, (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS);
    }

    private static int slotOf(long tick, int level) {
        return (int) ((tick >>> (level * BITS)) & (SLOTS - 1));
    }

    private void append(int level, int slot, int id, long tick) {
        int count = slotSizes[level][slot];
        int[] ids = slotIds[level][slot];
        int[] lows = slotTicks[level][slot];
        if (ids == null || lows == null || count == ids.length) {
            int capacity = ids == null ? FIRST_SLOT_CAPACITY : count + (count >>> 1) + 1;
            if (spareCount > 0 && (level == 2 || capacity > KEPT_CAPACITY) && spareIds[spareCount - 1].length >= capacity) {
                // the arrays of a slot of level 2 whose time came: slots of level 2 fill up to the same sizes
                spareCount--;
                int[] grown = spareIds[spareCount];
                int[] grownLows = spareLows[spareCount];
                spareIds[spareCount] = NO_IDS;
                spareLows[spareCount] = NO_IDS;
                if (count > 0) {
                    System.arraycopy(ids, 0, grown, 0, count);
                    System.arraycopy(lows, 0, grownLows, 0, count);
                }
                ids = grown;
                lows = grownLows;
            } else if (ids == null || lows == null) {
                ids = new int[capacity];
                lows = new int[capacity];
            } else {
                ids = Arrays.copyOf(ids, capacity);
                lows = Arrays.copyOf(lows, capacity);
            }
            slotIds[level][slot] = ids;
            slotTicks[level][slot] = lows;
        }
        ids[count] = id;
        lows[count] = (int) tick;
        slotSizes[level][slot] = count + 1;
        if (count == 0) {
            setOccupied(level, slot);
        }
    }

    /*
     * Takes a timer that left the table (cancelled or replaced) out of the wheel: out of its slot if it is
     * among the slot's last few (where a live timer is is always the slot its tick and the time name), its
     * id then free; else marked dead, left for firing or compaction to drop.
     */
    private void discard(int id) {
        long tick = ticks[id];
        int level = OVERDUE;
        int slot = 0;
        if (tick >= now) {
            level = levelOf(tick);
            slot = slotOf(tick, level);
        }
        int count = slotSizes[level][slot];
        int[] ids = slotIds[level][slot];
        int[] lows = slotTicks[level][slot];
        if (ids != null && lows != null) {
            for (int i = count - 1; i >= Math.max(0, count - CANCEL_SEARCH); i--) {
                if (ids[i] == id) {
                    System.arraycopy(ids, i + 1, ids, i, count - 1 - i);
                    System.arraycopy(lows, i + 1, lows, i, count - 1 - i);
                    slotSizes[level][slot] = count - 1;
                    if (count == 1 && (level != 1 || runCount[slot] == 0)) {
                        clearOccupied(level, slot);
                    }
                    refs[id << refShift] = null;
                    refs[(id << refShift) + refShift] = null;
                    freeId(id);
                    return;
                }
            }
        }
        refs[id << refShift] = null;
        refs[(id << refShift) + refShift] = null;
        garbage++;
        if (garbage > MIN_GARBAGE && garbage > size) {
            compact();
        }
    }

    /* Drops every dead timer from the slots, freeing its id and keeping the order of the others. */
    private void compact() {
        for (int level = 0; level <= OVERDUE; level++) {
            for (int slot = 0; slot < SLOTS; slot++) {
                int count = slotSizes[level][slot];
                if (count == 0) {
                    continue;
                }
                int[] ids = slotIds[level][slot];
                int[] lows = slotTicks[level][slot];
                int live = 0;
                for (int i = 0; i < count; i++) {
                    if (isDead(ids[i])) {
                        freeId(ids[i]);
                    } else {
                        ids[live] = ids[i];
                        lows[live] = lows[i];
                        live++;
                    }
                }
                slotSizes[level][slot] = live;
                if (live == 0 && (level != 1 || runCount[slot] == 0)) {
                    clearOccupied(level, slot);
                }
            }
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            int start = runStart[slot];
            int end = start + runCount[slot];
            int live = start;
            for (int i = start; i < end; i++) {
                if (isDead(runIds[i])) {
                    freeId(runIds[i]);
                } else {
                    runIds[live] = runIds[i];
                    runLows[live] = runLows[i];
                    live++;
                }
            }
            runCount[slot] = live - start;
            if (end > start && live == start && slotSizes[1][slot] == 0) {
                clearOccupied(1, slot);
            }
        }
        int live = currentAt;
        for (int i = currentAt; i < currentEnd; i++) {
            int id = currentIds[i];
            if (isDead(id)) {
                freeId(id);
            } else {
                currentIds[live] = id;
                currentLows[live] = currentLows[i];
                live++;
            }
        }
        currentEnd = live;
        if (currentAt == currentEnd) {
            currentAt = 0;
            currentEnd = 0;
        }
        garbage = 0;
    }

    /*
     * An id for a new timer due at a tick. The timers placed in the same slot of level 2 (4.7 hours) take
     * their ids from the same chunks, so their rows lie side by side: when that slot's time comes, its
     * timers fire within hours of each other and find their rows in the cache, brought in by the timers
     * before them. A chunk is reused once all its ids are free.
     */
    private int newId(long tick) {
        int group = tick >= now && levelOf(tick) == 2 ? slotOf(tick, 2) : SHARED;
        int chunk = groupChunk[group];
        if (chunk < 0 || groupNext[group] == CHUNK) {
            if (chunk >= 0) {
                closeChunk(chunk);
            }
            chunk = newChunk(group);
            groupChunk[group] = chunk;
            groupNext[group] = 0;
        }
        chunkTaken[chunk]++;
        return chunk * CHUNK + groupNext[group]++;
    }

    /* A chunk takes no more ids: it is free as soon as its taken ids are. */
    private void closeChunk(int chunk) {
        chunkGroup[chunk] = -1;
        if (chunkTaken[chunk] == 0) {
            freeChunks[freeChunkCount++] = chunk;
        }
    }

    private int newChunk(int group) {
        int chunk;
        if (freeChunkCount > 0) {
            chunk = freeChunks[--freeChunkCount];
        } else {
            if (chunkLimit == chunkTaken.length) {
                int chunks = chunkLimit + (chunkLimit >>> 1);
                chunkTaken = Arrays.copyOf(chunkTaken, chunks);
                chunkGroup = Arrays.copyOf(chunkGroup, chunks);
                freeChunks = Arrays.copyOf(freeChunks, chunks);
                refs = Arrays.copyOf(refs, chunks * CHUNK << refShift);
                ticks = Arrays.copyOf(ticks, chunks * CHUNK);
                if (keyed) {
                    firedBits = Arrays.copyOf(firedBits, chunks * CHUNK / Long.SIZE);
                } else {
                    generations = Arrays.copyOf(generations, chunks * CHUNK);
                }
            }
            chunk = chunkLimit++;
        }
        chunkGroup[chunk] = group;
        return chunk;
    }

    /* Frees the id of a timer whose key and value were cleared (dead or fired). */
    private void freeId(int id) {
        if (!keyed) {
            generations[id]++;
        }
        int chunk = id / CHUNK;
        if (--chunkTaken[chunk] == 0 && chunkGroup[chunk] < 0) {
            freeChunks[freeChunkCount++] = chunk;
        }
    }

    private static int idOf(long cell) {
        return (int) (cell & ID_BITS) - 1;
    }

    /* Spreads a hash code over the top bits, which name a key's home cell in the table. */
    private static int mix(int hashCode) {
        return hashCode * GOLDEN;
    }

    /* The cell of the key's timer, or the empty cell where it would go. */
    private int indexOf(K key, int hash) {
        long[] table = cells;
        int mask = table.length - 1;
        for (int cell = hash >>> cellShift; ; cell = (cell + 1) & mask) {
            long entry = table[cell];
            if (entry == 0) {
                return cell;
            }
            if ((int) (entry >>> 32) == hash) {
                // a fired timer's cell, left for the sweep, has no key
                Object found = refs[2 * idOf(entry)];
                if (found != null && found.equals(key)) {
                    return cell;
                }
            }
        }
    }

    /*
     * Takes the cells of fired timers out of the table, visiting a number of cells from where the last sweep
     * stopped, round the table: a fired timer's cell is not looked up when it fires (a cache miss in a large
     * table) but found here, in a pass that reads the table in order, a few cells per timer fired. A cell
     * that a removal moves back past the cursor waits for the next round; the table's load counts the cells
     * of fired timers, and a resize drops them all.
     */
    private void sweep(int visits) {
        long[] table = cells;
        int mask = table.length - 1;
        int cell = sweepCursor & mask;
        long[] bits = firedBits;
        for (int visited = 0; visited < visits && firedInTable > 0; visited++) {
            long entry = table[cell];
            int id = idOf(entry);
            // one branch per cell, taken for a fired timer's cell only (an empty cell reads word 0 and is masked)
            if (entry != 0 & (bits[Math.max(id, 0) >>> 6] & (1L << id)) != 0) {
                do {
                    releaseFired(id);
                    removeCell(cell);
                    entry = table[cell];
                    id = idOf(entry);
                } while (entry != 0 && isFired(id));
            }
            cell = (cell + 1) & mask;
        }
        sweepCursor = cell;
    }

    /* A timer cancelled or replaced while it stayed in its slot: skipped there, its id freed then. */
    private boolean isDead(int id) {
        return refs[id << refShift] == null;
    }

    private boolean isFired(int id) {
        return (firedBits[id >>> 6] & (1L << id)) != 0;
    }

    /* A fired timer's cell has left the table: its id is free. */
    private void releaseFired(int id) {
        firedBits[id >>> 6] &= ~(1L << id);
        firedInTable--;
        freeId(id);
    }

    /* Empties a cell, moving back the later entries of its run whose home cell allows it (no tombstones). */
    private void removeCell(int hole) {
        long[] table = cells;
        int mask = table.length - 1;
        for (int cell = (hole + 1) & mask; ; cell = (cell + 1) & mask) {
            long entry = table[cell];
            if (entry == 0) {
                break;
            }
            int home = (int) (entry >>> 32) >>> cellShift;
            // the entry may fill the hole if the hole lies between its home cell and its cell
            if (((cell - home) & mask) >= ((cell - hole) & mask)) {
                table[hole] = entry;
                hole = cell;
            }
        }
        table[hole] = 0;
    }

    private void resize() {
        long[] old = cells;
        long[] grown = new long[old.length * 2];
        int shift = cellShift - 1;
        int mask = grown.length - 1;
        for (long entry : old) {
            if (entry != 0 && isFired(idOf(entry))) {
                releaseFired(idOf(entry));
            } else if (entry != 0) {
                int cell = (int) (entry >>> 32) >>> shift;
                while (grown[cell] != 0) {
                    cell = (cell + 1) & mask;
                }
                grown[cell] = entry;
            }
        }
        cells = grown;
        cellShift = shift;
    }

    static long clampTick(long epochMilli) {
        return Math.max(0, Math.min(MAX_TICK, epochMilli));
    }

    static long floorTick(Instant instant) {
        if (instant.isBefore(Instant.EPOCH)) {
            return 0;
        }
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_TICK / 1000) {
            return MAX_TICK;
        }
        return Math.min(MAX_TICK, seconds * 1000 + instant.getNano() / 1_000_000);
    }

    static long ceilTick(Instant instant) {
        long floor = floorTick(instant);
        boolean exact = instant.getNano() % 1_000_000 == 0 || floor == 0 && instant.isBefore(Instant.EPOCH);
        return exact || floor == MAX_TICK ? floor : floor + 1;
    }
}
