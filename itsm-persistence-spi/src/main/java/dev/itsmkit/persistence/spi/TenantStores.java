package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TenantId;

/**
 * The stores of one tenant. Reads go through the stores; every write goes through a
 * {@link UnitOfWork} begun here, so one command's changes are written together or not at all.
 *
 * <p>Implementations must be thread-safe and must never return or change another tenant's data.
 */
public interface TenantStores {
    /**
     * Returns the tenant these stores are scoped to.
     *
     * @return the tenant these stores are scoped to
     */
    TenantId tenant();

    /**
     * Returns the ticket snapshots.
     *
     * @return the ticket snapshots
     */
    TicketStore tickets();

    /**
     * Returns the audit trail of events.
     *
     * @return the audit trail of events
     */
    AuditTrail auditTrail();

    /**
     * Returns the SLA clock snapshots.
     *
     * @return the SLA clock snapshots
     */
    SlaClockStore clocks();

    /**
     * Returns the due timers.
     *
     * @return the due timers
     */
    TimerStore timers();

    /**
     * Returns the outbox entries written for this tenant.
     *
     * @return the outbox entries written for this tenant
     */
    Outbox outbox();

    /**
     * Returns the ticket number sequences.
     *
     * @return the ticket number sequences
     */
    TicketNumbers numbers();

    /**
     * Begins a unit of work that writes to this tenant's stores on {@link UnitOfWork#commit()}.
     *
     * @return a new, empty unit of work, for one thread
     */
    UnitOfWork begin();
}
