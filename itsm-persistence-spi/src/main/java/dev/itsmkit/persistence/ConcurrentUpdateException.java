package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ItsmException;
import dev.itsmkit.core.TicketId;

/**
 * A unit of work was refused because a ticket changed since it was read: the snapshot's stored
 * version (or the ticket's last event sequence) is not the one the writer expected. Nothing of the
 * unit of work was written; reload the ticket and apply the command again.
 *
 * <p>Immutable and thread-safe.
 */
// TicketId is a record and not Serializable; these exceptions are never serialized across JVMs.
@SuppressWarnings("serial")
public final class ConcurrentUpdateException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final TicketId ticket;
    private final long expected;
    private final long actual;
    private final String what;

    /**
     * Creates the exception.
     *
     * @param ticket the ticket that changed
     * @param what what was compared: {@code "version"} or {@code "event sequence"}
     * @param expected the version (or last sequence) the writer expected; 0 for a ticket it expected to be new
     * @param actual the version (or last sequence) found; 0 if the ticket does not exist
     */
    public ConcurrentUpdateException(TicketId ticket, String what, long expected, long actual) {
        super("ticket " + requireNonNull(ticket, "ticket") + " was changed concurrently: expected " + what + " "
                + expected + " but found " + actual + "; reload it and try again");
        this.ticket = ticket;
        this.what = requireNonNull(what, "what");
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Returns the ticket that changed.
     *
     * @return the ticket that changed
     */
    public TicketId ticket() {
        return ticket;
    }

    /**
     * Returns what was compared: {@code "version"} or {@code "event sequence"}.
     *
     * @return what was compared: {@code "version"} or {@code "event sequence"}
     */
    public String what() {
        return what;
    }

    /**
     * Returns the version (or last sequence) the writer expected; 0 for a new ticket.
     *
     * @return the version (or last sequence) the writer expected; 0 for a new ticket
     */
    public long expected() {
        return expected;
    }

    /**
     * Returns the version (or last sequence) found in the store; 0 if there was none.
     *
     * @return the version (or last sequence) found in the store; 0 if there was none
     */
    public long actual() {
        return actual;
    }
}
