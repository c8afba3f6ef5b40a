package dev.itsmkit.core.event;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.time.Instant;
import java.util.Optional;

/**
 * The ticket's assignment changed: its assignee, its assignment group, or both.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param assignee the assignee after, a person or a system, or empty
 * @param group the assignment group after, a group, or empty
 * @param previousAssignee the assignee before, or empty
 * @param previousGroup the assignment group before, or empty
 */
public record Assigned(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        Optional<Party> assignee, Optional<Party> group, Optional<Party> previousAssignee, Optional<Party> previousGroup)
        implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param assignee the assignee after
     * @param group the assignment group after
     * @param previousAssignee the assignee before
     * @param previousGroup the assignment group before
     * @throws IllegalArgumentException if a number is out of range, an assignee is not a person or a
     *     system, a group is not a group, or nothing changes
     */
    public Assigned {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        Events.checkAssignee("assignee", assignee);
        Events.checkGroup("group", group);
        Events.checkAssignee("previousAssignee", previousAssignee);
        Events.checkGroup("previousGroup", previousGroup);
        if (assignee.equals(previousAssignee) && group.equals(previousGroup)) {
            throw new IllegalArgumentException("an assignment must change the assignee or the group, got assignee "
                    + assignee.map(Party::toString).orElse("none") + " and group "
                    + group.map(Party::toString).orElse("none") + " before and after");
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also if the ticket's assignee or group is not the one before
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            if (!snapshot.assignee().equals(previousAssignee) || !snapshot.assignmentGroup().equals(previousGroup)) {
                throw Events.doesNotFollow(this, snapshot, "it reassigns from assignee "
                        + previousAssignee.map(Party::toString).orElse("none") + " and group "
                        + previousGroup.map(Party::toString).orElse("none") + ", but the ticket has assignee "
                        + snapshot.assignee().map(Party::toString).orElse("none") + " and group "
                        + snapshot.assignmentGroup().map(Party::toString).orElse("none"));
            }
            next.assignee(assignee).assignmentGroup(group);
        });
    }
}
