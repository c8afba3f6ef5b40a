package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.AppendOnlyList;
import java.time.Instant;

/**
 * An approval was asked of an approver; it is added after the ticket's other approvals, and
 * {@link ApprovalDecided} later refers to it by its index.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param approval the approval asked, pending
 */
public record ApprovalRequested(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        Approval approval) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param approval the approval asked
     * @throws IllegalArgumentException if a number is out of range or the approval is decided already
     */
    public ApprovalRequested {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(approval, "approval");
        if (!approval.isPending()) {
            throw new IllegalArgumentException("an approval is requested pending; its decision is a later ApprovalDecided, got "
                    + approval);
        }
    }

    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            // Shares the snapshot's approvals: amortised O(1), not a copy of them all.
            next.approvals(AppendOnlyList.appending(snapshot.approvals(), approval));
        });
    }
}
