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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects one command's writes and commits them under the tenant's write lock: first every check
 * (versions, sequences, numbers), then every change. The changes cannot fail, so a commit that
 * passed its checks is complete and one that did not has changed nothing.
 */
final class InMemoryUnitOfWork implements UnitOfWork {
    private static final int SMALL = 8;
    private final @Nullable InMemoryTenantStores stores;
    private final InMemoryStores root;
    private final TenantId tenant;
    // plain lists: a command's unit of work holds one or two tickets, so a scan beats a map; the
    // lookups switch to hash sets past SMALL entries, so a bulk unit of work stays linear
    private final ArrayList<Ticket> saves = new ArrayList<>(1);
    private long[] expectedVersions = new long[1];
    private @Nullable HashSet<TicketId> savedIds;
    private final ArrayList<TicketEvent> events = new ArrayList<>(2);
    private @Nullable HashMap<TicketId, TicketEvent> lastEventOf;
    private @Nullable ArrayList<SlaClockSnapshot> clocks;
    private @Nullable ArrayList<TimerTable.Change> timerChanges;
    private @Nullable ArrayList<OutboxEntry> entries;
    private boolean committed;

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
        if (saves.size() == expectedVersions.length) {
            expectedVersions = Arrays.copyOf(expectedVersions, saves.size() * 2);
        }
        expectedVersions[saves.size()] = expectedVersion;
        saves.add(ticket);
        if (savedIds != null) {
            savedIds.add(ticket.id());
        }
        return this;
    }

    private boolean isSaved(TicketId id) {
        if (savedIds == null && saves.size() >= SMALL) {
            savedIds = new HashSet<>();
            saves.forEach(t -> savedIds.add(t.id()));
        }
        if (savedIds != null) {
            return savedIds.contains(id);
        }
        for (Ticket t : saves) {
            if (t.id().equals(id)) {
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
        events.add(event);
        if (lastEventOf != null) {
            lastEventOf.put(event.ticket(), event);
        }
        return this;
    }

    /** The last event of a ticket appended so far, or {@code null}. */
    private @Nullable TicketEvent lastEventOf(TicketId ticket) {
        if (lastEventOf == null && events.size() >= SMALL) {
            lastEventOf = new HashMap<>();
            events.forEach(e -> lastEventOf.put(e.ticket(), e));
        }
        if (lastEventOf != null) {
            return lastEventOf.get(ticket);
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).ticket().equals(ticket)) {
                return events.get(i);
            }
        }
        return null;
    }

    @Override
    public UnitOfWork save(SlaClockSnapshot clock) {
        requireNonNull(clock, "clock");
        checkOpen();
        checkTenant(clock.tenant(), "the SLA clock of ticket", clock.ticket());
        if (clocks == null) {
            clocks = new ArrayList<>(2);
        }
        clocks.add(clock);
        return this;
    }

    @Override
    public UnitOfWork schedule(DueTimer timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        checkTenant(timer.tenant(), "timer", timer.id());
        timerChanges().add(TimerTable.Change.schedule(tenant, timer));
        return this;
    }

    @Override
    public UnitOfWork cancel(TimerId timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        timerChanges().add(TimerTable.Change.cancel(tenant, timer));
        return this;
    }

    private ArrayList<TimerTable.Change> timerChanges() {
        if (timerChanges == null) {
            timerChanges = new ArrayList<>(2);
        }
        return timerChanges;
    }

    @Override
    public UnitOfWork enqueue(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        checkOpen();
        checkTenant(entry.tenant(), "outbox entry", entry.id());
        if (entries == null) {
            entries = new ArrayList<>(2);
        }
        entries.add(entry);
        return this;
    }

    @Override
    public void commit() {
        checkOpen();
        committed = true;
        boolean writesTenantData = !saves.isEmpty() || !events.isEmpty() || clocks != null || entries != null;
        InMemoryTenantStores stores = this.stores != null ? this.stores
                : writesTenantData ? root.forWrite(tenant) : root.existing(tenant);
        if (stores == null) {
            if (timerChanges != null) {
                root.timers.apply(timerChanges);
            }
            return;
        }
        stores.lock.writeLock().lock();
        try {
            check(stores);
            for (Ticket t : saves) {
                stores.applySave(t);
            }
            for (TicketEvent e : events) {
                stores.applyAppend(e);
            }
            if (clocks != null) {
                for (SlaClockSnapshot c : clocks) {
                    stores.applySave(c);
                }
            }
            if (timerChanges != null) {
                root.timers.apply(timerChanges);
            }
            if (entries != null) {
                for (OutboxEntry e : entries) {
                    stores.applyEnqueue(e);
                }
                root.outbox.append(entries);
            }
        } finally {
            stores.lock.writeLock().unlock();
        }
    }

    private void check(InMemoryTenantStores stores) {
        for (int i = 0; i < saves.size(); i++) {
            Ticket ticket = saves.get(i);
            long expected = expectedVersions[i];
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
        HashSet<TicketId> checked = events.size() > SMALL ? new HashSet<>() : null;
        for (int i = 0; i < events.size(); i++) {
            TicketEvent first = events.get(i);
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
            if (events.get(i).ticket().equals(ticket)) {
                return true;
            }
        }
        return false;
    }
}
