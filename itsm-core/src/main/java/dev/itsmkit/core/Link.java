package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

/**
 * A link from a ticket to another ticket.
 *
 * @param type how the ticket relates to the target
 * @param target the other ticket
 */
public record Link(LinkType type, TicketRef target) {
    /**
     * Creates the value, checking its components.
     *
     * @param type how the ticket relates to the target
     * @param target the other ticket
     */
    public Link {
        requireNonNull(type, "type");
        requireNonNull(target, "target");
    }

    @Override
    public String toString() {
        return type + " " + target;
    }
}
