package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.TenantAccessException;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * Collects one command's writes and commits them under the tenant's write lock: first every check
 * (versions, sequences, numbers), then every change. The changes cannot fail, so a commit that
 * passed its checks is complete and one that did not has changed nothing.
 *
 * <p>The audit hashes (a canonical form and a SHA-256 per event, about a microsecond each) are computed
 * before the lock, by the thread's {@link TrailHasher}, against the trail heads each ticket last published
 * ({@link TicketData#head}), and events of one ticket in this unit of work against each other. Under the
 * lock, the checks run exactly as before; an event's hash is kept if the trail's last record is still the
 * one it was chained to (a comparison of four {@code long}s), else chained again there, so the stored
 * chain is the one a commit hashing under the lock would store. Each touched ticket's view is published
 * once, after all changes.
 *
 * <p>What the tenant's commands share is the tenant's lock, so what a commit does while holding it is kept short.
 * Before taking it, a commit reads ahead the lines it will read and write under it ({@link #readAhead}), whose
 * cache misses then overlap instead of following one another under the lock. The due timers and the outbox log,
 * shared by all tenants, have their own locks: a commit takes the timer table's, and the log's, before it releases
 * the tenant's (a hand-over), then applies its timer changes and appends its outbox entries, so that they follow
 * the tenant's earlier commits and precede its later ones while the tenant's next commit goes on.
 *
 * <p>The first write of each kind is kept in a field, the others in a plain array allocated on the
 * second: a command's unit of work (one snapshot, an event, a timer, an outbox entry) allocates this
 * object, and its commit the ticket's published view (and a new clock list per clock saved). A timer change
 * is its timer or its id, not an object that wraps it.
 */
final class InMemoryUnitOfWork implements UnitOfWork {
    private static final int SMALL = 8;
    private final @Nullable InMemoryTenantStores stores;
    private final InMemoryStores root;
    private final TenantId tenant;
    // plain lists: a command's unit of work holds one or two tickets, so a scan beats a map; the
    // lookups switch to hash sets past SMALL entries, so a bulk unit of work stays linear
    private static final Ticket[] NO_SAVES = new Ticket[0];
    private static final long[] NO_VERSIONS = new long[0];
    private static final TicketEvent[] NO_EVENTS = new TicketEvent[0];
    private static final SlaClockSnapshot[] NO_CLOCKS = new SlaClockSnapshot[0];
    private static final Object[] NO_TIMER_CHANGES = new Object[0];
    private static final OutboxEntry[] NO_ENTRIES = new OutboxEntry[0];
    private static final TicketData[] NO_DATA = new TicketData[0];

    private @Nullable Ticket firstSave;
    private long firstExpectedVersion;
    /** The saves after the first: save i at {@code i - 1}. */
    private Ticket[] moreSaves = NO_SAVES;
    private long[] moreExpectedVersions = NO_VERSIONS;
    private int saveCount;
    private @Nullable HashSet<TicketId> savedIds;
    private @Nullable TicketEvent firstEvent;
    /** The events after the first: event i at {@code i - 1}. */
    private TicketEvent[] moreEvents = NO_EVENTS;
    private int eventCount;
    private @Nullable HashMap<TicketId, TicketEvent> lastEventOf;
    private SlaClockSnapshot[] clocks = NO_CLOCKS;
    private int clockCount;
    /** Each a {@link DueTimer} to schedule or the {@link TimerId} of one to cancel, in call order. */
    private @Nullable Object firstTimerChange;
    private Object[] moreTimerChanges = NO_TIMER_CHANGES;
    private int timerChangeCount;
    /**
     * Per timer change to schedule, the data of its ticket (which holds the ticket's first timer, see
     * {@link TicketData#firstTimer}), found under the tenant's lock; {@code null} for a cancel.
     */
    private @Nullable TicketData firstTimerOwner;
    private TicketData[] moreTimerOwners = NO_DATA;
    /** Whether a timer change schedules a timer: it then writes its ticket's data. */
    private boolean schedulesTimer;
    private @Nullable OutboxEntry firstEntry;
    private OutboxEntry[] moreEntries = NO_ENTRIES;
    private int entryCount;
    private boolean committed;
    /** The data of the tickets the commit changed, to publish: the first, then the others (with some repeats). */
    private @Nullable TicketData firstTouched;
    private @Nullable TicketData lastTouched;
    private TicketData[] moreTouched = NO_DATA;
    private int moreTouchedCount;
    /** What {@link #readAhead} read, kept so that the compiler keeps its reads. */
    @SuppressWarnings("unused")
    private long readSum;
    /** While hashing a bulk unit of work: the index of the last event seen of each ticket. */
    private @Nullable HashMap<TicketId, Integer> previousIndex;

    /**
     * @param stores the tenant's data if it existed when the unit of work began; if not, the commit
     *     creates it only if it writes to it (a unit of work that only cancels timers creates nothing)
     */
    InMemoryUnitOfWork(InMemoryStores root, TenantId tenant, @Nullable InMemoryTenantStores stores) {
        this.stores = stores;
        this.root = root;
        this.tenant = tenant;
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("this unit of work was committed already; begin a new one");
        }
    }

    /** Checks a value's tenant; the message is built only when the check fails. */
    private void checkTenant(TenantId offered, String kind, Object id) {
        if (!offered.equals(tenant)) {
            throw new TenantAccessException(tenant, offered, kind + " " + id);
        }
    }

    @Override
    public UnitOfWork save(Ticket ticket, long expectedVersion) {
        requireNonNull(ticket, "ticket");
        checkOpen();
        checkTenant(ticket.tenant(), "ticket", ticket.number());
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a snapshot saved over version " + expectedVersion + " must have version "
                    + (expectedVersion + 1) + ", got " + ticket.version() + " for " + ticket.number());
        }
        if (isSaved(ticket.id())) {
            throw new IllegalArgumentException("ticket " + ticket.number() + " was already saved in this unit of work");
        }
        if (saveCount == 0) {
            firstSave = ticket;
            firstExpectedVersion = expectedVersion;
        } else {
            if (saveCount - 1 == moreSaves.length) {
                moreSaves = Arrays.copyOf(moreSaves, Math.max(2, moreSaves.length * 2));
                moreExpectedVersions = Arrays.copyOf(moreExpectedVersions, moreSaves.length);
            }
            moreSaves[saveCount - 1] = ticket;
            moreExpectedVersions[saveCount - 1] = expectedVersion;
        }
        saveCount++;
        if (savedIds != null) {
            savedIds.add(ticket.id());
        }
        return this;
    }

    private Ticket saveAt(int i) {
        return i == 0 ? requireNonNull(firstSave) : moreSaves[i - 1];
    }

    private long expectedVersionAt(int i) {
        return i == 0 ? firstExpectedVersion : moreExpectedVersions[i - 1];
    }

    private TicketEvent eventAt(int i) {
        return i == 0 ? requireNonNull(firstEvent) : moreEvents[i - 1];
    }

    private boolean isSaved(TicketId id) {
        if (savedIds == null && saveCount >= SMALL) {
            HashSet<TicketId> ids = new HashSet<>();
            for (int i = 0; i < saveCount; i++) {
                ids.add(saveAt(i).id());
            }
            savedIds = ids;
        }
        if (savedIds != null) {
            return savedIds.contains(id);
        }
        for (int i = 0; i < saveCount; i++) {
            if (saveAt(i).id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public UnitOfWork append(TicketEvent event) {
        requireNonNull(event, "event");
        checkOpen();
        checkTenant(event.tenant(), "an event of ticket", event.ticket());
        TicketEvent previous = lastEventOf(event.ticket());
        if (previous != null && previous.sequence() + 1 != event.sequence()) {
            throw new IllegalArgumentException("events of ticket " + event.ticket() + " must have consecutive sequences: after "
                    + previous.sequence() + " comes " + (previous.sequence() + 1) + ", got " + event.sequence());
        }
        if (eventCount == 0) {
            firstEvent = event;
        } else {
            if (eventCount - 1 == moreEvents.length) {
                moreEvents = Arrays.copyOf(moreEvents, Math.max(2, moreEvents.length * 2));
            }
            moreEvents[eventCount - 1] = event;
        }
        eventCount++;
        if (lastEventOf != null) {
            lastEventOf.put(event.ticket(), event);
        }
        return this;
    }

    /** The last event of a ticket appended so far, or {@code null}. */
    private @Nullable TicketEvent lastEventOf(TicketId ticket) {
        if (lastEventOf == null && eventCount >= SMALL) {
            HashMap<TicketId, TicketEvent> last = new HashMap<>();
            for (int i = 0; i < eventCount; i++) {
                last.put(eventAt(i).ticket(), eventAt(i));
            }
            lastEventOf = last;
        }
        if (lastEventOf != null) {
            return lastEventOf.get(ticket);
        }
        for (int i = eventCount - 1; i >= 0; i--) {
            if (eventAt(i).ticket().equals(ticket)) {
                return eventAt(i);
            }
        }
        return null;
    }

    @Override
    public UnitOfWork save(SlaClockSnapshot clock) {
        requireNonNull(clock, "clock");
        checkOpen();
        checkTenant(clock.tenant(), "the SLA clock of ticket", clock.ticket());
        if (clockCount == clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(2, clockCount * 2));
        }
        clocks[clockCount++] = clock;
        return this;
    }

    @Override
    public UnitOfWork schedule(DueTimer timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        checkTenant(timer.tenant(), "timer", timer.id());
        addTimerChange(timer);
        schedulesTimer = true;
        return this;
    }

    @Override
    public UnitOfWork cancel(TimerId timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        addTimerChange(timer);
        return this;
    }

    private void addTimerChange(Object change) {
        if (timerChangeCount == 0) {
            firstTimerChange = change;
        } else {
            if (timerChangeCount - 1 == moreTimerChanges.length) {
                moreTimerChanges = Arrays.copyOf(moreTimerChanges, Math.max(2, moreTimerChanges.length * 2));
            }
            moreTimerChanges[timerChangeCount - 1] = change;
        }
        timerChangeCount++;
    }

    @Override
    public UnitOfWork enqueue(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        checkOpen();
        checkTenant(entry.tenant(), "outbox entry", entry.id());
        if (entryCount == 0) {
            firstEntry = entry;
        } else {
            if (entryCount - 1 == moreEntries.length) {
                moreEntries = Arrays.copyOf(moreEntries, Math.max(2, moreEntries.length * 2));
            }
            moreEntries[entryCount - 1] = entry;
        }
        entryCount++;
        return this;
    }

    @Override
    public void commit() {
        checkOpen();
        committed = true;
        boolean writesTenantData = saveCount > 0 || eventCount > 0 || clockCount > 0 || entryCount > 0 || schedulesTimer;
        InMemoryTenantStores stores = this.stores != null ? this.stores
                : writesTenantData ? root.forWrite(tenant) : root.existing(tenant);
        if (stores == null) {
            // nothing scheduled (that would have created the tenant's data): cancels only
            if (timerChangeCount > 0) {
                root.timers.applyCancels(tenant, requireNonNull(firstTimerChange), moreTimerChanges, timerChangeCount - 1);
            }
            return;
        }
        TrailHasher hasher = TrailHasher.ofThisThread();
        long[] hashed = hasher.scratch(eventCount);
        int[] bases = hasher.bases(eventCount);
        hashAhead(stores, hasher, hashed, bases);
        readAhead(stores);
        ReentrantReadWriteLock.WriteLock tenantLock = stores.lock.writeLock();
        stores.lockForCommit();
        boolean tenantLocked = true;
        boolean timersLocked = false;
        try {
            check(stores);
            for (int i = 0; i < saveCount; i++) {
                touched(stores.applySave(saveAt(i)));
            }
            for (int i = 0; i < eventCount; i++) {
                touched(stores.applyAppend(eventAt(i), hashed, 8 * i + 4, bases[i], hasher));
            }
            for (int i = 0; i < clockCount; i++) {
                touched(stores.applySave(clocks[i]));
            }
            // each touched ticket's view once, after all of the commit's changes to it
            if (firstTouched != null) {
                firstTouched.publish();
                for (int i = 0; i < moreTouchedCount; i++) {
                    moreTouched[i].publish();
                }
            }
            // the timer table's and the outbox log's changes are made after the tenant's lock is handed over to their
            // own locks: in the order of the tenant's commits, without holding up its next commit
            if (timerChangeCount > 0) {
                if (schedulesTimer) {
                    findTimerOwners(stores);
                }
                root.timers.lockForApply();
                timersLocked = true;
            }
            if (entryCount > 0) {
                OutboxEntry first = requireNonNull(firstEntry);
                stores.applyEnqueue(first);
                for (int i = 0; i < entryCount - 1; i++) {
                    stores.applyEnqueue(moreEntries[i]);
                }
                // released first thing under the log's lock, which cannot fail to be taken
                tenantLocked = false;
                root.outbox.appendReleasing(tenantLock, first, moreEntries, entryCount - 1);
            } else {
                tenantLocked = false;
                tenantLock.unlock();
            }
            if (timersLocked) {
                root.timers.applyLocked(tenant, requireNonNull(firstTimerChange), moreTimerChanges, timerChangeCount - 1,
                        firstTimerOwner, moreTimerOwners);
            }
        } finally {
            if (tenantLocked) {
                tenantLock.unlock();
            }
            if (timersLocked) {
                root.timers.unlockApply();
            }
        }
    }

    /**
     * Reads ahead, before the lock, the lines the commit will read and write under it for its first ticket (a
     * command's unit of work changes one ticket and one or two of its timers): the ticket's data, the next slots of its
     * trail and outbox, its first timer (the chunk of its old key in the order by last update is left to the deferred
     * marks, see {@link ChunkedIndex#markStaleLater}, whose reads it reads ahead when its mark will apply them). With a
     * million tickets and
     * timers these are cache misses (about 150 ns each on the development machine); read here, one after the other
     * without a dependency between them, the processor waits for them together, and the lock holder finds them in the
     * cache: the critical section that commands of one tenant share gets shorter by as much. Nothing read here is
     * trusted: the checks and changes under the lock read everything again.
     */
    private void readAhead(InMemoryTenantStores stores) {
        long read = 0;
        TicketId ticket = saveCount > 0 ? requireNonNull(firstSave).id()
                : eventCount > 0 ? requireNonNull(firstEvent).ticket()
                : entryCount > 0 ? requireNonNull(firstEntry).ticket() : null;
        if (ticket != null) {
            TicketData data = stores.tickets.publishedData(ticket);
            if (data != null) {
                read += stores.readAhead(data, saveCount > 0 && firstExpectedVersion > 0);
            }
        }
        readSum = read;
    }

    /**
     * Notes the data of a ticket the commit changed, to publish; skips a repeat of the last noted (a ticket's
     * writes usually come together), and other repeats cost a {@link TicketData#publish} that finds nothing new.
     */
    private void touched(TicketData data) {
        if (firstTouched == null) {
            firstTouched = data;
            lastTouched = data;
            return;
        }
        if (data == lastTouched || data == firstTouched) {
            return;
        }
        if (moreTouchedCount == moreTouched.length) {
            moreTouched = Arrays.copyOf(moreTouched, Math.max(2, 2 * moreTouchedCount));
        }
        moreTouched[moreTouchedCount++] = data;
        lastTouched = data;
    }

    /**
     * Hashes the events before the lock: event i's hash at {@code 8i + 4} of {@code hashed}, the hash it is
     * chained to at {@code 8i}, and in {@code bases[i]} the size of its ticket's trail it follows. The first
     * event of a ticket is chained to the ticket's published trail head, the next ones to the event before.
     */
    private void hashAhead(InMemoryTenantStores stores, TrailHasher hasher, long[] hashed, int[] bases) {
        for (int i = 0; i < eventCount; i++) {
            TicketEvent event = eventAt(i);
            int before = previousOfSameTicket(event.ticket(), i);
            int at = 8 * i;
            if (before >= 0) {
                System.arraycopy(hashed, 8 * before + 4, hashed, at, TrailHasher.LONGS_PER_HASH);
                bases[i] = bases[before] + 1;
                hasher.chain(hashed, at, event, at + 4);
            } else {
                TicketData.Head head = stores.headOf(event.ticket());
                bases[i] = head.trailSize;
                hashed[at] = head.hash0;
                hashed[at + 1] = head.hash1;
                hashed[at + 2] = head.hash2;
                hashed[at + 3] = head.hash3;
                hasher.chain(hashed, head.trailSize == 0 ? -1 : at, event, at + 4);
            }
        }
    }

    /** The index of the last event before {@code index} of the same ticket, or -1. */
    private int previousOfSameTicket(TicketId ticket, int index) {
        if (index == 0) {
            return -1;
        }
        if (index >= SMALL) {
            // a bulk unit of work: one map for the rest of the pass, built on the first call past SMALL
            if (previousIndex == null) {
                previousIndex = new HashMap<>();
                for (int k = 0; k < index; k++) {
                    previousIndex.put(eventAt(k).ticket(), k);
                }
            }
            Integer found = previousIndex.put(ticket, index);
            return found == null ? -1 : found;
        }
        for (int k = index - 1; k >= 0; k--) {
            if (eventAt(k).ticket().equals(ticket)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Finds, under the tenant's lock, the data of each scheduled timer's ticket, adding a slot without a snapshot for
     * a ticket the tenant does not hold (as an event or a clock written before a ticket's first snapshot does).
     */
    private void findTimerOwners(InMemoryTenantStores stores) {
        if (firstTimerChange instanceof DueTimer timer) {
            firstTimerOwner = stores.dataFor(timer.ticket());
        }
        if (timerChangeCount > 1) {
            moreTimerOwners = new TicketData[timerChangeCount - 1];
            for (int i = 0; i < timerChangeCount - 1; i++) {
                if (moreTimerChanges[i] instanceof DueTimer timer) {
                    moreTimerOwners[i] = stores.dataFor(timer.ticket());
                }
            }
        }
    }

    private void check(InMemoryTenantStores stores) {
        for (int i = 0; i < saveCount; i++) {
            Ticket ticket = saveAt(i);
            long expected = expectedVersionAt(i);
            long actual = stores.versionOf(ticket.id());
            if (actual != expected) {
                throw new ConcurrentUpdateException(ticket.id(), "version", expected, actual);
            }
            if (expected == 0) {
                Optional<TicketId> holder = stores.holderOfNumber(ticket.number());
                if (holder.isPresent()) {
                    throw new IllegalArgumentException("ticket number " + ticket.number() + " is taken by ticket "
                            + holder.get() + " of tenant " + tenant + "; take a new one from numbers()");
                }
            }
        }
        HashSet<TicketId> checked = eventCount > SMALL ? new HashSet<>() : null;
        for (int i = 0; i < eventCount; i++) {
            TicketEvent first = eventAt(i);
            if (checked != null ? !checked.add(first.ticket()) : appearsBefore(first.ticket(), i)) {
                continue;
            }
            long last = stores.lastSequenceOf(first.ticket());
            if (first.sequence() != last + 1) {
                throw new ConcurrentUpdateException(first.ticket(), "last event sequence", first.sequence() - 1, last);
            }
        }
    }

    private boolean appearsBefore(TicketId ticket, int index) {
        for (int i = 0; i < index; i++) {
            if (eventAt(i).ticket().equals(ticket)) {
                return true;
            }
        }
        return false;
    }
}
