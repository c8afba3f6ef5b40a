package dev.itsmkit.workflow;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketRef;
import java.util.Optional;

/**
 * Finds the tickets a ticket links to, for the guards that read them ({@link Guard#childrenFinished()}).
 * The {@link ServiceDesk} reads them from its stores (as its command sees them), and only when such a
 * guard is checked on a ticket with links of that kind; a test or a preview may pass tickets it holds.
 *
 * <p>Implementations are read from the thread that evaluates the lifecycle.
 */
@FunctionalInterface
public interface RelatedTickets {
    /**
     * Finds a linked ticket.
     *
     * @param ticket the link's target
     * @return the ticket as it stands, or empty if it cannot be found
     */
    Optional<Ticket> find(TicketRef ticket);

    /**
     * Returns the lookup that finds no ticket: guards that read linked tickets refuse when there are any.
     *
     * @return the lookup
     */
    static RelatedTickets none() {
        return ticket -> Optional.empty();
    }
}
