package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.Positive;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Assigns a ticket to a person (or a system) who works it, to a group responsible for it, or to
 * both. What is not named stays as it is.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param assignee the person or system to assign, or empty to keep the current assignee
 * @param group the group to assign, or empty to keep the current group
 */
@AssigneeOrGroup
public record Assign(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        Optional<@PartyOfKind(value = {PartyKind.PERSON, PartyKind.SYSTEM}, message = "must be a person or a system")
                Party> assignee,
        Optional<@PartyOfKind(value = PartyKind.GROUP, message = "must be a group") Party> group)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param assignee the person or system to assign, or empty to keep the current assignee
     * @param group the group to assign, or empty to keep the current group
     */
    public Assign {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(assignee, "assignee");
        requireNonNull(group, "group");
    }
}
