package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.Page;
import java.util.List;

/**
 * The append-only, tamper-evident audit trail of one tenant's tickets; appended to by
 * {@link UnitOfWork#append}.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li>append only: a committed record is never changed or removed through this SPI;</li>
 *   <li>per ticket, sequences 1, 2, 3... without a gap or repetition: a unit of work whose first
 *       event for a ticket does not follow the stored last sequence fails with
 *       {@link dev.itsmkit.persistence.ConcurrentUpdateException};</li>
 *   <li>each record holds the hash chain of {@link dev.itsmkit.persistence.AuditChain}, computed by
 *       the store when it appends, and {@link #verify} recomputes it from what is stored;</li>
 *   <li>thread safety, and only this tenant's events.</li>
 * </ul>
 */
public interface AuditTrail {
    /**
     * Reads a ticket's trail.
     *
     * @param ticket the ticket
     * @return its records in sequence order; empty if it has none in this tenant
     */
    List<AuditRecord> forTicket(TicketId ticket);

    /**
     * Reads a ticket's trail from a sequence on, for replaying events after a snapshot.
     *
     * @param ticket the ticket
     * @param fromSequence the first sequence wanted, 1 or more
     * @return the records with {@code sequence >= fromSequence}, in sequence order
     * @throws IllegalArgumentException if {@code fromSequence} is less than 1
     */
    List<AuditRecord> forTicket(TicketId ticket, long fromSequence);

    /**
     * Returns the last sequence appended for a ticket.
     *
     * @param ticket the ticket
     * @return the last sequence, 0 if it has no events
     */
    long lastSequence(TicketId ticket);

    /**
     * Returns the first page of this tenant's events that happened within a window, ordered by
     * {@code at}, then ticket id, then sequence.
     *
     * @param window the window of {@code TicketEvent.at()}, start inclusive, end exclusive
     * @param limit the most records to return, 1 to 10,000
     * @return the page
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    Page<AuditRecord> between(TimeWindow window, int limit);

    /**
     * Returns the page of this tenant's events within a window that follow a cursor.
     *
     * @param window the same window that produced the cursor
     * @param after the cursor of the previous page
     * @param limit the most records to return, 1 to 10,000
     * @return the page
     * @throws IllegalArgumentException if {@code limit} is out of range or the cursor is not one of this store's
     */
    Page<AuditRecord> between(TimeWindow window, Cursor after, int limit);

    /**
     * Verifies a ticket's hash chain as stored, by {@link dev.itsmkit.persistence.AuditChain#verify}.
     *
     * @param ticket the ticket
     * @return intact, or the first broken link
     */
    ChainVerification verify(TicketId ticket);
}
