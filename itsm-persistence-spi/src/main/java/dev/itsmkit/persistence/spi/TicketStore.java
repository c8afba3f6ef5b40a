package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketQuery;
import java.util.Optional;

/**
 * The current snapshots of one tenant's tickets; written by {@link UnitOfWork#save}.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li>a read returns the last committed snapshot (read-your-writes within a thread after
 *       {@code commit()} returns), never a snapshot of an uncommitted or failed unit of work;</li>
 *   <li>{@link #query} returns exactly the tickets for which {@link TicketQuery#matches} holds, in
 *       the query's {@link dev.itsmkit.persistence.TicketOrder total order};</li>
 *   <li>paging is keyset paging: the cursor records the last item's sort key, so a page never
 *       repeats an item of an earlier page nor skips one that existed when the first page was read
 *       and has not changed its sort key since, whatever is inserted meanwhile;</li>
 *   <li>thread safety, and only this tenant's tickets.</li>
 * </ul>
 */
public interface TicketStore {
    /**
     * Loads a ticket.
     *
     * @param id the ticket's id
     * @return its current snapshot, or empty if this tenant has no such ticket
     */
    Optional<Ticket> find(TicketId id);

    /**
     * Loads a ticket by its number.
     *
     * @param number the ticket's number
     * @return its current snapshot, or empty if this tenant has no such ticket
     */
    Optional<Ticket> findByNumber(TicketNumber number);

    /**
     * Returns the first page of the tickets that match a query.
     *
     * @param query the criteria and order
     * @param limit the most tickets to return, 1 to 10,000
     * @return the page
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    Page<Ticket> query(TicketQuery query, int limit);

    /**
     * Returns the page of the tickets that match a query and follow a cursor.
     *
     * @param query the same query that produced the cursor
     * @param after the cursor of the previous page
     * @param limit the most tickets to return, 1 to 10,000
     * @return the page
     * @throws IllegalArgumentException if {@code limit} is out of range, or the cursor was not made
     *     by this store for this query
     */
    Page<Ticket> query(TicketQuery query, Cursor after, int limit);

    /**
     * Counts the tickets that match a query.
     *
     * @param query the criteria (the order is ignored)
     * @return how many of this tenant's tickets match
     */
    long count(TicketQuery query);
}
