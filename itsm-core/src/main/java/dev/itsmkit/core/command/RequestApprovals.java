package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.OptionalLong;

/**
 * Asks people or groups to approve a ticket (typically a change or a service request) at one step.
 * Approvers asked in the same step decide independently; steps are decided in order. Which
 * decisions suffice (any, all, a quorum) is the workflow's approval policy.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param step the step, counting from 1
 * @param approvers the persons or groups asked, at least one and each once; copied, order kept
 */
public record RequestApprovals(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        @Positive(message = "must be 1 or more, as steps count from 1") int step,
        @NotEmpty(message = "must name at least one approver")
        @DistinctElements(message = "must name each approver once")
        List<@PartyOfKind(value = {PartyKind.PERSON, PartyKind.GROUP}, message = "must be a person or a group")
                Party> approvers)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param step the step, counting from 1
     * @param approvers the persons or groups asked, at least one and each once; copied, order kept
     */
    public RequestApprovals {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        approvers = List.copyOf(approvers);
    }
}
