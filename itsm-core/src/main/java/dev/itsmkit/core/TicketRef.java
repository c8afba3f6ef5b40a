package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a ticket from outside it: its tenant, id and number. The tenant is part of the
 * reference so that a reference into another tenant can be recognised and refused.
 *
 * @param tenant the tenant that owns the ticket
 * @param id the ticket's id
 * @param number the ticket's human-readable number, which also tells its kind
 */
public record TicketRef(TenantId tenant, TicketId id, TicketNumber number) {
    /**
     * Creates the value, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param id the ticket's id
     * @param number the ticket's number
     */
    public TicketRef {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        requireNonNull(number, "number");
    }

    /**
     * Returns the kind of the referenced ticket.
     *
     * @return the kind its number tells
     */
    public TicketKind kind() {
        return number.kind();
    }

    @Override
    public String toString() {
        return number + "@" + tenant.value();
    }
}
