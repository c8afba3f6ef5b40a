package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ItsmException;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;

/**
 * A command or a read named a ticket that the tenant does not have. Nothing was changed.
 *
 * <p>Immutable and thread-safe.
 */
// TenantId and TicketId are records and not Serializable; these exceptions are never serialized across JVMs.
@SuppressWarnings("serial")
public final class TicketNotFoundException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final TenantId tenant;
    private final TicketId ticket;

    /**
     * Creates the exception.
     *
     * @param tenant the tenant that was searched
     * @param ticket the ticket that was not found
     */
    public TicketNotFoundException(TenantId tenant, TicketId ticket) {
        super("tenant " + requireNonNull(tenant, "tenant") + " has no ticket " + requireNonNull(ticket, "ticket"));
        this.tenant = tenant;
        this.ticket = ticket;
    }

    /**
     * Returns the tenant that was searched.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Returns the ticket that was not found.
     *
     * @return the ticket's id
     */
    public TicketId ticket() {
        return ticket;
    }
}
