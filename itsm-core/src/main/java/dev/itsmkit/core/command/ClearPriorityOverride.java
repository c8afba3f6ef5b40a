package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.Positive;
import java.util.OptionalLong;

/**
 * Ends a manual override of a ticket's priority: the priority derived from its impact and
 * urgency applies again.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 */
public record ClearPriorityOverride(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     */
    public ClearPriorityOverride {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
    }
}
