package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Link;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.Positive;
import java.util.OptionalLong;

/**
 * Links a ticket to another ticket of the same tenant, for example an incident to the problem
 * behind it or a child incident to its major incident. The engine records the inverse link on the
 * target; the ticket checks that the link type fits the two kinds and is not there already.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param link the link to add: its type and its target, another ticket of the same tenant
 */
@SameTenant
@NotSelfLink
public record AddLink(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        Link link)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param link the link to add: its type and its target, another ticket of the same tenant
     */
    public AddLink {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(link, "link");
    }
}
