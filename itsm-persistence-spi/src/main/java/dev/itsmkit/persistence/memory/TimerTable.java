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
 * next move. A ticket's timers (one to three for an engine's SLA clocks) are linked through their entries
 * from the first, which the ticket's {@link TicketData} holds; there is no table of timers. The commit that
 * schedules a timer has that data at hand, so it finds the ticket's timers without a probe, and a new timer's
 * store into the data marks no card of the garbage collector's that the commit has not marked already (see
 * {@link #add}). A timer found by its id alone (a cancel, {@link #find}) is looked for among the timers of the
 * ticket its id names ({@link #entryOf}). A reschedule (an SLA clock's timer moved to its next threshold) changes
 * its entry in place and moves it in the wake order; a new timer costs its entry and no other object (but the
 * wheel's occasional growth); a cancel costs none.
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

    /** Finds the data of a tenant's ticket, or {@code null}: a store's lookup, safe without the tenant's lock. */
    @FunctionalInterface
    interface Owners {
        /** The data of a ticket of a tenant, or {@code null} if the tenant holds none of that id. */
        @Nullable TicketData find(TenantId tenant, TicketId ticket);
    }

    private static final TicketData[] NO_OWNERS = new TicketData[0];

    private final ReentrantLock lock = new ReentrantLock();
    private final Owners owners;
    /** How many timers the table holds. */
    private int count;
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

    /** @param owners finds the data of a tenant's ticket, whose timers it holds */
    TimerTable(Owners owners) {
        this.owners = owners;
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
            if (!(change instanceof DueTimer timer)) {
                Entry old = entryOf(tenant, (TimerId) change);
                if (old != null) {
                    remove(old);
                }
                continue;
            }
            TicketData owner = requireNonNull(k < 0 ? firstOwner : otherOwners[k],
                    "the data of a scheduled timer's ticket");
            // one lookup decides between a reschedule in place, a replacement and a new timer
            Entry old = mayShareItsIdWithAnotherTicket(timer) ? entryOf(tenant, timer.id()) : ownEntry(owner, timer);
            if (old != null && old.owner == owner) {
                reschedule(old, timer);
                continue;
            }
            if (old != null) {
                remove(old);
            }
            add(tenant, timer, owner);
        }
    }

    /**
     * Whether another ticket's timer may have the same id: only if the ticket's id or the target holds a colon. An id
     * is {@code ticket:target:cycle:percent}; with three colons only, all four parts are determined by the text (the
     * last two are numbers), so a timer of the same id is one of the same ticket.
     */
    private static boolean mayShareItsIdWithAnotherTicket(DueTimer timer) {
        return timer.ticket().value().indexOf(':') >= 0 || timer.target().indexOf(':') >= 0;
    }

    /** The entry among a ticket's timers of a timer's components, or {@code null}. */
    private static @Nullable Entry ownEntry(TicketData owner, DueTimer timer) {
        for (Entry e = owner.firstTimer; e != null; e = e.nextOfTicket) {
            // a rescheduled timer usually carries the instances its entry holds: compared by identity first
            if (e.cycle == timer.cycle() && e.percent == timer.percent()
                    && (e.target == timer.target() || e.target.equals(timer.target()))) {
                return e;
            }
        }
        return null;
    }

    /**
     * The entry of a timer id of a tenant, or {@code null}. The id is {@code ticket:target:cycle:percent}, and ticket
     * ids and targets may hold colons: its ticket is its text before one of its colons but the last two, so the
     * timers of each such ticket the tenant holds are searched (one, unless the id has more than three colons).
     */
    private @Nullable Entry entryOf(TenantId tenant, TimerId id) {
        String text = id.value();
        int last = text.lastIndexOf(':');
        int cycleStart = last <= 0 ? -1 : text.lastIndexOf(':', last - 1);
        for (int colon = text.indexOf(':'); colon >= 0 && colon < cycleStart; colon = text.indexOf(':', colon + 1)) {
            TicketId ticket;
            try {
                ticket = TicketId.of(text.substring(0, colon));
            } catch (IllegalArgumentException notAnId) {
                continue; // no ticket has it
            }
            TicketData data = owners.find(tenant, ticket);
            for (Entry e = data == null ? null : data.firstTimer; e != null; e = e.nextOfTicket) {
                if (id.identifies(e.ticket, e.target, e.cycle, e.percent)) {
                    return e;
                }
            }
        }
        return null;
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
    private void add(TenantId tenant, DueTimer timer, TicketData owner) {
        Entry e = new Entry(tenant, timer, owner);
        wake(e);
        e.nextOfTicket = owner.firstTimer;
        owner.firstTimer = e;
        count++;
    }

    /** Removes an entry. */
    private void remove(Entry e) {
        count--;
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
            Entry e = entryOf(tenant, id);
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
            return count;
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
            DueTimer timer = claim.timer();
            // the claimed timer is its ticket's (one of the same id that replaced it since, of another ticket, has
            // another token)
            TicketData owner = owners.find(timer.tenant(), timer.ticket());
            Entry e = owner == null ? null : ownEntry(owner, timer);
            if (e == null || e.token != claim.token() || !claim.node().equals(e.node)) {
                return false;
            }
            remove(e);
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
