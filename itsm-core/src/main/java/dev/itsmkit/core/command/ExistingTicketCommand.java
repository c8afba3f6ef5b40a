package dev.itsmkit.core.command;

import dev.itsmkit.core.TicketId;
import java.util.OptionalLong;

/**
 * A command that changes a ticket that exists. It may carry the version of the ticket that the
 * user saw; the engine then refuses the command if the ticket has changed since (optimistic
 * concurrency), instead of applying it over someone else's change. Immutable and thread-safe.
 */
public sealed interface ExistingTicketCommand extends TicketCommand
        permits TransitionTicket, UpdateFields, Assign, Unassign, ChangeImpactUrgency, OverridePriority, ClearPriorityOverride,
        AddLink, RemoveLink, AddJournalEntry, RequestApprovals, DecideApproval {
    /**
     * Returns the ticket to change, within the command's tenant.
     *
     * @return the ticket's id
     */
    TicketId ticket();

    /**
     * Returns the version of the ticket the command was made against.
     *
     * @return the version (1 or more), or empty to apply the command to whatever version is current
     */
    OptionalLong expectedVersion();
}
