package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pending approval of the ticket was decided.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param approvalIndex the approval's index in the ticket's {@linkplain Ticket#approvals() approvals}, from 0
 * @param decision what was decided, by whom and when
 */
public record ApprovalDecided(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        int approvalIndex, ApprovalDecision decision) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param approvalIndex the approval's index, 0 or more
     * @param decision what was decided
     * @throws IllegalArgumentException if a number is out of range
     */
    public ApprovalDecided {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(decision, "decision");
        if (approvalIndex < 0) {
            throw new IllegalArgumentException("an approval index counts from 0, got " + approvalIndex);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also if the ticket has no approval at the index, or it is
     *     decided already, or the decision predates the request
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            List<Approval> approvals = new ArrayList<>(snapshot.approvals());
            if (approvalIndex >= approvals.size()) {
                throw Events.doesNotFollow(this, snapshot, "it decides approval " + approvalIndex + ", but the ticket has "
                        + approvals.size() + (approvals.size() == 1 ? " approval" : " approvals"));
            }
            Approval approval = approvals.get(approvalIndex);
            if (!approval.isPending()) {
                throw Events.doesNotFollow(this, snapshot, "approval " + approvalIndex + " (of " + approval.approver()
                        + ") was decided already: " + approval.decision().orElseThrow().verdict());
            }
            approvals.set(approvalIndex, approval.decide(decision));
            next.approvals(approvals);
        });
    }
}
