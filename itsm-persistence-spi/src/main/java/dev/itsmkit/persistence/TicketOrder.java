package dev.itsmkit.persistence;

/**
 * The order of a ticket query's results. Every order is total: ties are broken by the ticket id, so
 * paging with a {@link Cursor} never repeats nor skips a ticket that did not change meanwhile.
 */
public enum TicketOrder {
    /** By kind, then by number within the kind, ascending; new tickets come last in their kind. */
    NUMBER,
    /** By creation instant, then by id, ascending; new tickets come last. */
    CREATED,
    /**
     * By last update, then by id, ascending. A ticket updated while a caller pages moves to the end,
     * so it may appear again on a later page.
     */
    UPDATED
}
