package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.outbox.OutboxEntry;
import java.util.List;

/**
 * The outbox entries written for one tenant's tickets by {@link UnitOfWork#enqueue}; delivered
 * through {@link OutboxDelivery}.
 *
 * <p>An implementation must guarantee that an entry appears once committed and never before, thread
 * safety, and only this tenant's entries.
 */
public interface Outbox {
    /**
     * Reads the entries of a ticket.
     *
     * @param ticket the ticket
     * @return its entries in commit order, delivered or not, except those already
     *     {@linkplain OutboxDelivery#purgeAcknowledged purged}
     */
    List<OutboxEntry> forTicket(TicketId ticket);
}
