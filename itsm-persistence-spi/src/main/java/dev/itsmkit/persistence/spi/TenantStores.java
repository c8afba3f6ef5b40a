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
     * Reads what a command needs of an existing ticket before changing it: its audit trail's last sequence
     * and its snapshot, and possibly its SLA clocks. A store on a database may read them in one round trip,
     * from one consistent view, clocks included. This default reads the last sequence first and then the
     * snapshot (so that a commit falling between the two reads leaves the sequence behind the snapshot's
     * version, never ahead of it, which the caller can detect and read again), and leaves the clocks to be
     * read when needed.
     *
     * @param ticket the ticket
     * @return what was read, or empty if the ticket does not exist
     */
    default Optional<LoadedTicket> loadForCommand(TicketId ticket) {
        requireNonNull(ticket, "ticket");
        long lastSequence = auditTrail().lastSequence(ticket);
        Optional<Ticket> snapshot = tickets().find(ticket);
        return snapshot.isEmpty() ? Optional.empty() : Optional.of(new LoadedTicket(snapshot.get(), lastSequence, Optional.empty()));
    }

    /**
     * Begins a unit of work that writes to this tenant's stores on {@link UnitOfWork#commit()}.
     *
     * @return a new, empty unit of work, for one thread
     */
    UnitOfWork begin();
}
