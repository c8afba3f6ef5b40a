package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.Positive;
import java.util.OptionalLong;

/**
 * Takes a ticket's assignee, its assignment group, or both away, leaving it unassigned: what
 * {@link Assign} cannot say, since its empty values keep the current assignment. A ticket that has
 * neither to clear is left as it is.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param assignee whether to clear the assignee
 * @param group whether to clear the assignment group
 */
public record Unassign(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        boolean assignee,
        boolean group)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null} and that it clears something;
     * {@link CommandValidator} checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param assignee whether to clear the assignee
     * @param group whether to clear the assignment group
     * @throws IllegalArgumentException if it clears neither
     */
    public Unassign {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        if (!assignee && !group) {
            throw new IllegalArgumentException("an unassign command must clear the assignee, the group or both; "
                    + "it clears neither (to change an assignment, use Assign)");
        }
    }
}
