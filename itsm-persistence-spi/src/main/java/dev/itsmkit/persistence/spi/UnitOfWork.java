package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;

/**
 * Everything one command writes, collected and then committed together: ticket snapshots with
 * their expected versions, events for the audit trail, SLA clock snapshots, timers to schedule or
 * cancel, and outbox entries.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li><b>All or nothing.</b> {@link #commit()} either makes every change visible or, if it throws,
 *       leaves every store exactly as it was. A unit of work that is never committed writes nothing.</li>
 *   <li><b>Optimistic locking.</b> A snapshot is saved only if the stored version is the expected
 *       one; events are appended only if they continue the ticket's stored sequence. Otherwise
 *       {@code commit()} throws {@link dev.itsmkit.persistence.ConcurrentUpdateException} and writes
 *       nothing. Of several concurrent units of work expecting the same version, exactly one commits.</li>
 *   <li><b>Tenant scope.</b> A value of another tenant is refused with
 *       {@link dev.itsmkit.persistence.TenantAccessException} when it is added; it never reaches a store.</li>
 *   <li>Changes apply in the order added (a timer scheduled and then cancelled is cancelled).</li>
 * </ul>
 * Not thread-safe: one unit of work belongs to one thread. It can be committed once.
 */
public interface UnitOfWork {
    /**
     * Saves a ticket snapshot, if the stored one has the expected version.
     *
     * @param ticket the new snapshot; its version must be {@code expectedVersion + 1}
     * @param expectedVersion the version read before the change, 0 for a ticket that must not exist yet
     * @return this unit of work
     * @throws IllegalArgumentException if {@code ticket.version() != expectedVersion + 1}, or the
     *     ticket was already saved in this unit of work
     * @throws dev.itsmkit.persistence.TenantAccessException if the ticket is another tenant's
     */
    UnitOfWork save(Ticket ticket, long expectedVersion);

    /**
     * Appends an event to its ticket's audit trail. A ticket's events in one unit of work must have
     * consecutive sequences; the first must follow the stored last sequence at commit.
     *
     * @param event the event
     * @return this unit of work
     * @throws IllegalArgumentException if the event does not follow the previous event of its ticket in this unit of work
     * @throws dev.itsmkit.persistence.TenantAccessException if the event is another tenant's
     */
    UnitOfWork append(TicketEvent event);

    /**
     * Saves an SLA clock snapshot, replacing the one with the same ticket, target and cycle.
     *
     * @param clock the snapshot
     * @return this unit of work
     * @throws dev.itsmkit.persistence.TenantAccessException if the clock is another tenant's
     */
    UnitOfWork save(SlaClockSnapshot clock);

    /**
     * Schedules a timer, replacing (and un-claiming) one with the same id.
     *
     * @param timer the timer
     * @return this unit of work
     * @throws dev.itsmkit.persistence.TenantAccessException if the timer is another tenant's
     */
    UnitOfWork schedule(DueTimer timer);

    /**
     * Cancels a timer of this tenant; cancelling a timer that does not exist is harmless.
     *
     * @param timer the timer's id
     * @return this unit of work
     */
    UnitOfWork cancel(TimerId timer);

    /**
     * Writes an entry to the outbox, to be delivered after commit.
     *
     * @param entry the entry
     * @return this unit of work
     * @throws dev.itsmkit.persistence.TenantAccessException if the entry is another tenant's
     */
    UnitOfWork enqueue(OutboxEntry entry);

    /**
     * Writes everything collected, all or nothing.
     *
     * @throws dev.itsmkit.persistence.ConcurrentUpdateException if a ticket's version or event
     *     sequence is not the expected one; nothing was written
     * @throws IllegalArgumentException if a new ticket's number is held by another ticket of the
     *     tenant (numbers come from {@link TicketNumbers}); nothing was written
     * @throws IllegalStateException if this unit of work was already committed
     */
    void commit();
}
