package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.Verdict;
import jakarta.validation.constraints.Positive;
import java.util.OptionalLong;

/**
 * Records an approver's decision on the approval asked of them. The actor decides: the approver
 * in person, or for a group approver one of its members. The engine finds the approver's pending
 * approval at the lowest step and refuses the command if there is none.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param approver the person or group whose approval is decided
 * @param verdict approved or rejected
 * @param comment why, possibly several lines, possibly empty
 */
public record DecideApproval(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        @PartyOfKind(value = {PartyKind.PERSON, PartyKind.GROUP}, message = "must be a person or a group") Party approver,
        Verdict verdict,
        @MultiLine String comment)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param approver the person or group whose approval is decided
     * @param verdict approved or rejected
     * @param comment why, possibly several lines, possibly empty
     */
    public DecideApproval {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(approver, "approver");
        requireNonNull(verdict, "verdict");
        requireNonNull(comment, "comment");
    }
}
