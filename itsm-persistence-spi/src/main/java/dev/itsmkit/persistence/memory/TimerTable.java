package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The due timers of every tenant, behind one lock. A {@link HandleTimerWheel} orders the timers by the instant
 * they next need attention (the due instant, or the lease end of a claimed timer), so scheduling,
 * rescheduling, cancelling and completing a timer are O(1) amortised, however many timers are running.
 * The wheel counts milliseconds; a timer it fires is only known to be due by the end of its millisecond,
 * so fired timers wait in a small ready set, ordered exactly (by instant, then tenant and id), from
 * which claims take those due by the claim's instant: a claim is O(log r) per timer claimed, for r
 * timers due but not yet claimed. The wheel's time only moves forward; a timer scheduled before it
 * (an overdue one, or found by {@link #nextWakeUp}, which looks ahead) reaches the ready set on the
 * next move. An open-addressing table of the entries themselves ({@link EntryTable}) finds a timer by
 * tenant and id, in O(1) without a key object. A ticket's timers (one to three for an engine's SLA clocks) are
 * linked through their entries from the first, which the ticket's {@link TicketData} holds: the commit that
 * schedules a timer has that data at hand, so a new timer costs no probe of a table by ticket, and its store into
 * the data marks no card of the garbage collector's that the commit has not marked already (see
 * {@link #add}). A reschedule (an SLA clock's timer moved to its next threshold) changes its entry in place and
 * moves it in the wake order; a new timer costs its entry and no other object (but the table's and the wheel's
 * occasional growth); a cancel costs none.
 */
final class TimerTable implements TimerClaims {
    /** Breaks ties between timers that wake at the same instant: by tenant, then id (built for the comparison: rare). */
    private static final Comparator<Entry> BY_TENANT_AND_ID = (a, b) -> {
        if (a == b) {
            return 0;
        }
        int c = a.tenant.value().compareTo(b.tenant.value());
        return c != 0 ? c : a.id().value().compareTo(b.id().value());
    };

    /** The wake order: by the instant a timer next needs attention, then tenant and id. */
    private static final Comparator<Entry> BY_WAKE = Comparator.comparing(Entry::wake).thenComparing(BY_TENANT_AND_ID);

    /**
     * A timer, kept as its components rather than as the {@link DueTimer} given: the timer's id is derived from
     * them, and its text, with the id and the timer objects, was most of the bytes a running clock cost here. A
     * {@link DueTimer} is built again when one is read (a claim, a find), which is rarer than keeping one.
     */
    static final class Entry {
        final TenantId tenant;
        final TicketId ticket;
        /**
         * The data of the timer's ticket in its tenant's store, which holds the ticket's first timer
         * ({@link TicketData#firstTimer}); never replaced, so the same for every timer of the ticket.
         */
        final TicketData owner;
        final String target;
        final int cycle;
        final int percent;
        /**
         * The due instant as numbers, not an {@link Instant}: a reschedule then stores no reference into the entry, old
         * by then (with G1, a store of a reference into an old object reads and marks a random card among a million
         * timers).
         */
        long dueSecond;
        int dueNano;
        @Nullable NodeId node;
        /** The end of the current claim's lease, or {@code null} while the timer is not claimed. */
        @Nullable Instant leaseUntil;
        long token;
        /** The timer's handle in the wheel while it is there (not ready). */
        long handle;
        /**
         * The ticket's next timer: a list whose head is in {@link #owner}, singly linked, so that adding a timer
         * writes no older entry (a ticket has a few timers: a removal finds the one before it by a walk).
         */
        @Nullable Entry nextOfTicket;

        Entry(TenantId tenant, DueTimer timer, TicketData owner) {
            this.tenant = tenant;
            this.ticket = timer.ticket();
            this.owner = owner;
            this.target = timer.target();
            this.cycle = timer.cycle();
            this.percent = timer.percent();
            setDue(timer.dueAt());
        }

        /** The instant the timer next needs attention: its due instant, or its lease end once claimed. */
        Instant wake() {
            Instant lease = leaseUntil;
            return lease != null ? lease : dueAt();
        }

        Instant dueAt() {
            return Instant.ofEpochSecond(dueSecond, dueNano);
        }

        void setDue(Instant due) {
            dueSecond = due.getEpochSecond();
            dueNano = due.getNano();
        }

        TimerId id() {
            return TimerId.of(ticket, target, cycle, percent);
        }

        DueTimer timer() {
            return new DueTimer(id(), tenant, ticket, target, cycle, percent, dueAt());
        }
    }

    /**
     * Entries by (tenant, timer id): linear probing over an array of entries and one of their hashes, at most half
     * full, with backward-shift deletion (no tombstones). The key is read from the entry, so neither a lookup nor an
     * insertion allocates.
     */
    static final class EntryTable {
        private static final int GOLDEN = 0x9E3779B9;
        private Entry[] slots = new Entry[16];
        private int[] hashes = new int[16];
        private int shift = 28;
        private int size;

        EntryTable() {}

        /** The hash of a timer's key: from the id's text (see {@link #hash(TenantId, DueTimer)}). */
        static int hash(TenantId tenant, TimerId id) {
            return 31 * tenant.hashCode() + id.value().hashCode();
        }

        /**
         * {@link #hash} of a timer's id, computed from the timer's components: the hash code of the id's text
         * ({@code ticket:target:cycle:percent}, see {@link TimerId#of}) follows from the cached hash codes of the
         * ticket's and the target's texts and the digits, without hashing the id's text (a new string per timer,
         * about 30 characters) nor reading it.
         */
        static int hash(TenantId tenant, DueTimer timer) {
            return 31 * tenant.hashCode() + idTextHash(timer.ticket(), timer.target(), timer.cycle(), timer.percent());
        }

        /** {@code TimerId.of(ticket, target, cycle, percent).value().hashCode()}, for a cycle and percent of 0 or more. */
        static int idTextHash(TicketId ticket, String target, int cycle, int percent) {
            // String.hashCode is the polynomial sum of c[i] * 31^(n-1-i): appending a text of length k to a text of
            // hash h gives h * 31^k + the appended text's hash
            int h = ticket.value().hashCode();
            h = 31 * h + ':';
            h = h * pow31(target.length()) + target.hashCode();
            h = 31 * h + ':';
            h = digitsHash(h, cycle);
            h = 31 * h + ':';
            return digitsHash(h, percent);
        }

        /**
         * The hash of a text of hash {@code h} followed by the decimal digits of {@code n}, 0 or more: the digits
         * before the last, then the last (divisions by the constant 10, which compile to multiplications).
         */
        private static int digitsHash(int h, int n) {
            return n < 10 ? 31 * h + ('0' + n) : 31 * digitsHash(h, n / 10) + ('0' + n % 10);
        }

        private static final int[] POWERS_OF_31 = new int[64];

        static {
            POWERS_OF_31[0] = 1;
            for (int k = 1; k < POWERS_OF_31.length; k++) {
                POWERS_OF_31[k] = 31 * POWERS_OF_31[k - 1];
            }
        }

        /** 31 to the power k, modulo 2^32 as {@code int} arithmetic is. */
        private static int pow31(int k) {
            if (k < POWERS_OF_31.length) {
                return POWERS_OF_31[k];
            }
            int p = POWERS_OF_31[POWERS_OF_31.length - 1];
            for (int rest = k - (POWERS_OF_31.length - 1); rest > 0; rest--) {
                p *= 31;
            }
            return p;
        }

        private int home(int hash) {
            return (hash * GOLDEN) >>> shift;
        }

        /**
         * Reads, WITHOUT the lock, a hash's home slot and the entry there if it has that hash: the lines a lookup of
         * the hash will read first (see {@link TimerTable#readAhead}). Bounded by the array read, whatever a writer is doing.
         *
         * @return a value made of what was read
         */
        long readAhead(int hash) {
            Entry[] entries = slots;
            int[] entryHashes = hashes;
            int i = home(hash) & (entries.length - 1);
            int found = i < entryHashes.length ? entryHashes[i] : 0;
            Entry e = entries[i];
            // the entry only if it is the hash's (as a lookup reads it): another one's would be a miss for nothing
            return e != null && found == hash ? e.handle + e.cycle : found;
        }

        private static boolean matches(Entry e, TenantId tenant, TimerId key) {
            return key.identifies(e.ticket, e.target, e.cycle, e.percent) && (e.tenant == tenant || e.tenant.equals(tenant));
        }

        /** The slot of a timer's id, or -1. */
        int indexOf(int hash, TenantId tenant, TimerId key) {
            int mask = slots.length - 1;
            for (int i = home(hash); ; i = (i + 1) & mask) {
                Entry e = slots[i];
                if (e == null) {
                    return -1;
                }
                if (hashes[i] == hash && matches(e, tenant, key)) {
                    return i;
                }
            }
        }

        /**
         * The slot of a timer's id, or -1; for the table by id. An entry with the timer's components has its id; one
         * with other components may still have the same id's text (a ticket id or a target may hold a colon), which
         * the id's text then tells.
         */
        int indexOfTimer(int hash, TenantId tenant, DueTimer timer) {
            int mask = slots.length - 1;
            for (int i = home(hash); ; i = (i + 1) & mask) {
                Entry e = slots[i];
                if (e == null) {
                    return -1;
                }
                if (hashes[i] == hash && (e.tenant == tenant || e.tenant.equals(tenant))
                        && (hasComponentsOf(e, timer) || timer.id().identifies(e.ticket, e.target, e.cycle, e.percent))) {
                    return i;
                }
            }
        }

        private static boolean hasComponentsOf(Entry e, DueTimer timer) {
            // a rescheduled timer usually carries the instances its entry holds: compared by identity first
            return e.cycle == timer.cycle() && e.percent == timer.percent()
                    && (e.ticket == timer.ticket() || e.ticket.equals(timer.ticket()))
                    && (e.target == timer.target() || e.target.equals(timer.target()));
        }

        @Nullable Entry get(int hash, TenantId tenant, TimerId key) {
            int i = indexOf(hash, tenant, key);
            return i < 0 ? null : slots[i];
        }

        Entry at(int index) {
            return slots[index];
        }

        /** Adds an entry whose key is absent. */
        void insert(int hash, Entry e) {
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            place(hash, e);
            size++;
        }

        private void place(int hash, Entry e) {
            int mask = slots.length - 1;
            int i = home(hash);
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = e;
            hashes[i] = hash;
        }

        private void grow() {
            Entry[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new Entry[2 * oldSlots.length];
            hashes = new int[2 * oldSlots.length];
            shift--;
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != null) {
                    place(oldHashes[i], oldSlots[i]);
                }
            }
        }

        /** Empties a slot, moving back the entries of its probe run that may not stay behind a gap. */
        void removeAt(int index) {
            int mask = slots.length - 1;
            int gap = index;
            for (int j = (gap + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
                int home = home(hashes[j]);
                // the entry at j may move into the gap unless its home lies cyclically in (gap, j]
                boolean stays = gap < j ? home > gap && home <= j : home > gap || home <= j;
                if (!stays) {
                    slots[gap] = slots[j];
                    hashes[gap] = hashes[j];
                    gap = j;
                }
            }
            slots[gap] = null;
            size--;
        }

        int size() {
            return size;
        }
    }

    private static final TicketData[] NO_OWNERS = new TicketData[0];

    private final ReentrantLock lock = new ReentrantLock();
    private final EntryTable byId = new EntryTable();
    /** Timers not yet known to be due, by the millisecond they wake in; an entry holds its handle there. */
    private final HandleTimerWheel<Entry> wheel = new HandleTimerWheel<>(Instant.EPOCH);
    /**
     * Timers the wheel has fired and no claim has taken yet, in exact wake order: usually a few, so a tree of them
     * (a node each) rather than a chunked index, whose first chunk would be made again whenever it empties.
     */
    private final TreeSet<Entry> ready = new TreeSet<>(BY_WAKE);
    /** The latest time the wheel was moved to, in milliseconds since the epoch; it never moves back. */
    private long wheelMillis;
    private final Consumer<Entry> toReady = ready::add;
    private long tokens;

    /**
     * Reads, WITHOUT the lock, the lines that applying a timer change will read first: the home slot of the timer's
     * id and the entry there. A commit calls it
     * before it takes its locks, so that these cache misses (random slots of tables of a million timers) overlap with
     * its other reads ahead instead of coming one after another under the locks. Nothing is changed, and nothing read
     * is trusted: the locked lookup reads it again, from the cache.
     *
     * @param change a {@link DueTimer} to schedule or the {@link TimerId} of a timer to cancel
     * @return a value made of what was read, for the caller to keep (so that the reads are not dropped as unused)
     */
    long readAhead(TenantId tenant, Object change) {
        if (change instanceof DueTimer timer) {
            return byId.readAhead(EntryTable.hash(tenant, timer));
        }
        return byId.readAhead(EntryTable.hash(tenant, (TimerId) change));
    }

    /**
     * Applies a unit of work's cancels in order: a unit of work without tenant data schedules nothing (a schedule
     * writes the ticket's data, see {@link #applyLocked}).
     *
     * @param first the {@link TimerId} of a timer to cancel
     * @param others more, of which the first {@code more} are applied after {@code first}
     */
    void applyCancels(TenantId tenant, Object first, Object[] others, int more) {
        lock.lock();
        try {
            applyLocked(tenant, first, others, more, null, NO_OWNERS);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the table's lock for {@link #applyLocked}: a commit takes it while it still holds its tenant's lock, then
     * releases the tenant's, so that its timer changes follow those of the tenant's earlier commits and precede those
     * of its later ones, while the tenant's next commit need not wait for them. Released by {@link #unlockApply}.
     */
    void lockForApply() {
        lock.lock();
    }

    /** Releases the lock {@link #lockForApply} took. */
    void unlockApply() {
        lock.unlock();
    }

    /**
     * Applies a unit of work's timer changes in order; for the holder of the table's lock ({@link #lockForApply}).
     *
     * @param first a {@link DueTimer} to schedule or the {@link TimerId} of a timer to cancel
     * @param others more such changes, of which the first {@code more} are applied after {@code first}
     * @param firstOwner for a {@code first} to schedule, the data of its ticket in its tenant's store (which holds the
     *     ticket's first timer), else {@code null}
     * @param otherOwners the same for {@code others}, index by index
     */
    void applyLocked(TenantId tenant, Object first, Object[] others, int more, @Nullable TicketData firstOwner,
            @Nullable TicketData[] otherOwners) {
        for (int k = -1; k < more; k++) {
            Object change = k < 0 ? first : others[k];
            DueTimer timer = change instanceof DueTimer t ? t : null;
            // one lookup decides between a reschedule in place, a replacement, a new timer and a cancel
            int hash;
            int slot;
            if (timer != null) {
                hash = EntryTable.hash(tenant, timer);
                slot = byId.indexOfTimer(hash, tenant, timer);
            } else {
                TimerId id = (TimerId) change;
                hash = EntryTable.hash(tenant, id);
                slot = byId.indexOf(hash, tenant, id);
            }
            Entry old = slot < 0 ? null : byId.at(slot);
            if (timer != null && old != null && old.ticket.equals(timer.ticket())) {
                reschedule(old, timer);
                continue;
            }
            if (old != null) {
                remove(old, slot);
            }
            if (timer != null) {
                TicketData owner = k < 0 ? firstOwner : otherOwners[k];
                add(hash, tenant, timer, requireNonNull(owner, "the data of a scheduled timer's ticket"));
            }
        }
    }

    /**
     * Reschedules a timer of the same ticket in place, un-claimed as a new one would be (a stale claim's token no
     * longer matches): one move in the wake order, the tables and the ticket's list untouched. The common case: an
     * SLA clock's timer moved to its next threshold.
     */
    private void reschedule(Entry e, DueTimer timer) {
        unwake(e);
        e.setDue(timer.dueAt());
        e.node = null;
        e.leaseUntil = null;
        e.token = 0;
        wake(e);
    }

    private void wake(Entry e) {
        Instant lease = e.leaseUntil;
        e.handle = wheel.schedule(lease != null ? ceilMillis(lease) : ceilMillis(e.dueSecond, e.dueNano), e);
    }

    private void unwake(Entry e) {
        // the ready set is small (timers due and not yet claimed): a failed removal there costs little
        if (ready.isEmpty() || !ready.remove(e)) {
            wheel.cancel(e.handle);
        }
    }

    /** Moves the wheel's time on to a millisecond (if later) and its timers due by then into the ready set. */
    private void moveWheel(long millis) {
        wheelMillis = Math.max(wheelMillis, millis);
        wheel.advance(wheelMillis, toReady);
    }

    /**
     * The first millisecond at or after an instant, so that a timer never wakes early; saturated at the ends of
     * {@code long} (the wheel treats what lies beyond its years as its first or last millisecond, and the ready set
     * orders exactly), where {@link Instant#toEpochMilli} would throw.
     */
    private static long ceilMillis(Instant instant) {
        return ceilMillis(instant.getEpochSecond(), instant.getNano());
    }

    /** {@link #ceilMillis(Instant)} of the instant of those seconds and nanoseconds. */
    private static long ceilMillis(long seconds, int nanos) {
        if (seconds >= Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1000) {
            return Long.MIN_VALUE;
        }
        long millis = seconds * 1000 + nanos / 1_000_000;
        return nanos % 1_000_000 == 0 ? millis : millis + 1;
    }

    /**
     * Adds a new timer, first in its ticket's list. Its references are stored into the new entry (young, so the
     * collector's write barrier has nothing to record), the id table's slot and the ticket's data, which the commit
     * has just written (its published view): with G1, a reference stored into an old object costs a fence and, at a
     * card (512 bytes of heap) not yet marked, a read of that card's byte, a random line of the card table among a
     * million tickets; a table of the tickets' first timers cost another such card per new timer.
     */
    private void add(int hash, TenantId tenant, DueTimer timer, TicketData owner) {
        Entry e = new Entry(tenant, timer, owner);
        byId.insert(hash, e);
        wake(e);
        e.nextOfTicket = owner.firstTimer;
        owner.firstTimer = e;
    }

    /** Removes an entry found at a slot of {@code byId}. */
    private void remove(Entry e, int slot) {
        byId.removeAt(slot);
        unwake(e);
        TicketData owner = e.owner;
        Entry first = owner.firstTimer;
        if (first == e) {
            owner.firstTimer = e.nextOfTicket;
        } else {
            for (Entry before = first; before != null; before = before.nextOfTicket) {
                if (before.nextOfTicket == e) {
                    before.nextOfTicket = e.nextOfTicket;
                    break;
                }
            }
        }
        e.nextOfTicket = null;
    }

    Optional<DueTimer> find(TenantId tenant, TimerId id) {
        lock.lock();
        try {
            Entry e = byId.get(EntryTable.hash(tenant, id), tenant, id);
            return e == null ? Optional.empty() : Optional.of(e.timer());
        } finally {
            lock.unlock();
        }
    }

    /** The timers of the ticket whose data is given, by due instant then id. */
    List<DueTimer> forTicket(TicketData owner) {
        lock.lock();
        try {
            List<DueTimer> timers = new ArrayList<>();
            for (Entry e = owner.firstTimer; e != null; e = e.nextOfTicket) {
                timers.add(e.timer());
            }
            timers.sort(Comparator.comparing(DueTimer::dueAt).thenComparing(t -> t.id().value()));
            return List.copyOf(timers);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return byId.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<TimerClaim> claimDue(Instant now, NodeId node, Duration lease, int limit) {
        java.util.Objects.requireNonNull(now, "now");
        java.util.Objects.requireNonNull(node, "node");
        java.util.Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least 1 timer, got a limit of " + limit);
        }
        Instant leaseUntil = now.plus(lease);
        List<TimerClaim> claims = new ArrayList<>();
        lock.lock();
        try {
            // every timer whose millisecond has begun by now; those later in it stay ready, not yet due
            moveWheel(ceilMillis(now));
            while (claims.size() < limit) {
                Entry e = ready.isEmpty() ? null : ready.first();
                // a claimed timer wakes at its lease end, which is due once the lease has expired (<= now)
                if (e == null || e.wake().isAfter(now)) {
                    break;
                }
                ready.pollFirst();
                e.node = node;
                e.leaseUntil = leaseUntil;
                e.token = ++tokens;
                wake(e);
                claims.add(new TimerClaim(e.timer(), node, leaseUntil, e.token));
            }
        } finally {
            lock.unlock();
        }
        return claims;
    }

    @Override
    public boolean complete(TimerClaim claim) {
        java.util.Objects.requireNonNull(claim, "claim");
        lock.lock();
        try {
            TenantId tenant = claim.timer().tenant();
            TimerId id = claim.timer().id();
            int slot = byId.indexOf(EntryTable.hash(tenant, id), tenant, id);
            Entry e = slot < 0 ? null : byId.at(slot);
            if (e == null || e.token != claim.token() || !claim.node().equals(e.node)) {
                return false;
            }
            remove(e, slot);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Instant> nextWakeUp() {
        lock.lock();
        try {
            // timers scheduled before the wheel's time (overdue, or behind a look-ahead) go to the ready set first
            moveWheel(wheelMillis);
            while (true) {
                // a ready timer woke by the wheel's time; every timer still in the wheel wakes after it
                if (!ready.isEmpty()) {
                    return Optional.of(ready.first().wake());
                }
                Optional<Instant> wheelNext = wheel.nextWakeUp();
                if (wheelNext.isEmpty()) {
                    return Optional.empty();
                }
                // looks ahead: moves the timers of that millisecond (or moves them down a level) into the ready set
                moveWheel(wheelNext.get().toEpochMilli());
            }
        } finally {
            lock.unlock();
        }
    }
}
