package dev.itsmkit.persistence.spi;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.util.Optional;

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
     * Reads what a command needs of an existing ticket before changing it: its snapshot and its audit trail's last
     * sequence, and possibly its SLA clocks, as one commit left them. An implementation must never return the
     * snapshot of one commit with the sequence (or clocks) of another, whatever commits run meanwhile: a command
     * appends its events after that sequence and saves over that snapshot's version, so a mixed read would make it
     * refuse or retry for no reason, or chain its events to the wrong predecessor. A store on a database reads
     * them in one statement or one consistent view; the in-memory store reads one immutable view per ticket that
     * each commit publishes. The compatibility kit's {@code LoadForCommandContract} checks this under concurrent
     * commits. Clocks may be left out (empty) for the caller to read when needed.
     *
     * @param ticket the ticket
     * @return what was read, or empty if the ticket does not exist
     */
    Optional<LoadedTicket> loadForCommand(TicketId ticket);

    /**
     * Begins a unit of work that writes to this tenant's stores on {@link UnitOfWork#commit()}.
     *
     * @return a new, empty unit of work, for one thread
     */
    UnitOfWork begin();
}
