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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects one command's writes and commits them under the tenant's write lock: first every check
 * (versions, sequences, numbers), then every change. The changes cannot fail, so a commit that
 * passed its checks is complete and one that did not has changed nothing.
 */
final class InMemoryUnitOfWork implements UnitOfWork {
    private final @Nullable InMemoryTenantStores stores;
    private final InMemoryStores root;
    private final TenantId tenant;
    private final Map<TicketId, Ticket> saves = new LinkedHashMap<>(2);
    private final Map<TicketId, Long> expectedVersions = new LinkedHashMap<>(2);
    private final Map<TicketId, List<TicketEvent>> events = new LinkedHashMap<>(2);
    private final List<SlaClockSnapshot> clocks = new ArrayList<>(2);
    private final List<TimerTable.Change> timerChanges = new ArrayList<>(2);
    private final List<OutboxEntry> entries = new ArrayList<>(2);
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

    private void checkTenant(TenantId offered, String what) {
        if (!offered.equals(tenant)) {
            throw new TenantAccessException(tenant, offered, what);
        }
    }

    @Override
    public UnitOfWork save(Ticket ticket, long expectedVersion) {
        requireNonNull(ticket, "ticket");
        checkOpen();
        checkTenant(ticket.tenant(), "ticket " + ticket.number());
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a snapshot saved over version " + expectedVersion + " must have version "
                    + (expectedVersion + 1) + ", got " + ticket.version() + " for " + ticket.number());
        }
        if (saves.containsKey(ticket.id())) {
            throw new IllegalArgumentException("ticket " + ticket.number() + " was already saved in this unit of work");
        }
        saves.put(ticket.id(), ticket);
        expectedVersions.put(ticket.id(), expectedVersion);
        return this;
    }

    @Override
    public UnitOfWork append(TicketEvent event) {
        requireNonNull(event, "event");
        checkOpen();
        checkTenant(event.tenant(), "an event of ticket " + event.ticket());
        List<TicketEvent> list = events.computeIfAbsent(event.ticket(), k -> new ArrayList<>(2));
        if (!list.isEmpty() && list.get(list.size() - 1).sequence() + 1 != event.sequence()) {
            throw new IllegalArgumentException("events of ticket " + event.ticket() + " must have consecutive sequences: after "
                    + list.get(list.size() - 1).sequence() + " comes " + (list.get(list.size() - 1).sequence() + 1)
                    + ", got " + event.sequence());
        }
        list.add(event);
        return this;
    }

    @Override
    public UnitOfWork save(SlaClockSnapshot clock) {
        requireNonNull(clock, "clock");
        checkOpen();
        checkTenant(clock.tenant(), "the SLA clock " + clock.ticket() + "/" + clock.target());
        clocks.add(clock);
        return this;
    }

    @Override
    public UnitOfWork schedule(DueTimer timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        checkTenant(timer.tenant(), "timer " + timer.id());
        timerChanges.add(new TimerTable.Change(tenant, timer.id(), Optional.of(timer)));
        return this;
    }

    @Override
    public UnitOfWork cancel(TimerId timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        timerChanges.add(new TimerTable.Change(tenant, timer, Optional.empty()));
        return this;
    }

    @Override
    public UnitOfWork enqueue(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        checkOpen();
        checkTenant(entry.tenant(), "outbox entry " + entry.id());
        entries.add(entry);
        return this;
    }

    @Override
    public void commit() {
        checkOpen();
        committed = true;
        boolean writesTenantData = !saves.isEmpty() || !events.isEmpty() || !clocks.isEmpty() || !entries.isEmpty();
        InMemoryTenantStores stores = this.stores != null ? this.stores
                : writesTenantData ? root.forWrite(tenant) : root.existing(tenant);
        if (stores == null) {
            if (!timerChanges.isEmpty()) {
                root.timers.apply(timerChanges);
            }
            return;
        }
        stores.lock.writeLock().lock();
        try {
            check(stores);
            for (Ticket t : saves.values()) {
                stores.applySave(t);
            }
            for (List<TicketEvent> list : events.values()) {
                for (TicketEvent e : list) {
                    stores.applyAppend(e);
                }
            }
            for (SlaClockSnapshot c : clocks) {
                stores.applySave(c);
            }
            if (!timerChanges.isEmpty()) {
                root.timers.apply(timerChanges);
            }
            if (!entries.isEmpty()) {
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
        for (Map.Entry<TicketId, Long> e : expectedVersions.entrySet()) {
            long actual = stores.versionOf(e.getKey());
            if (actual != e.getValue()) {
                throw new ConcurrentUpdateException(e.getKey(), "version", e.getValue(), actual);
            }
            Ticket ticket = saves.get(e.getKey());
            if (e.getValue() == 0) {
                Optional<TicketId> holder = stores.holderOfNumber(ticket.number());
                if (holder.isPresent()) {
                    throw new IllegalArgumentException("ticket number " + ticket.number() + " is taken by ticket "
                            + holder.get() + " of tenant " + tenant + "; take a new one from numbers()");
                }
            }
        }
        for (Map.Entry<TicketId, List<TicketEvent>> e : events.entrySet()) {
            long last = stores.lastSequenceOf(e.getKey());
            long first = e.getValue().get(0).sequence();
            if (first != last + 1) {
                throw new ConcurrentUpdateException(e.getKey(), "last event sequence", first - 1, last);
            }
        }
    }
}
