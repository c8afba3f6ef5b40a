package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Link;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.AppendOnlyList;
import java.time.Instant;

/**
 * The ticket was linked to another ticket of the same tenant. The other ticket records the
 * inverse link with its own event.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param link the new link, to another ticket of the same tenant
 */
public record Linked(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version, Link link)
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
     * @param link the new link
     * @throws IllegalArgumentException if a number is out of range, or the link points into another
     *     tenant or to the ticket itself
     */
    public Linked {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(link, "link");
        if (!link.target().tenant().equals(tenant)) {
            throw new IllegalArgumentException("a link must point to a ticket of the same tenant (" + tenant + "), got "
                    + link);
        }
        if (link.target().id().equals(ticket)) {
            throw new IllegalArgumentException("a link must point to another ticket than " + ticket + ", got " + link);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also if the ticket has this link already
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            if (snapshot.links().contains(link)) {
                throw Events.doesNotFollow(this, snapshot, "the ticket is linked already: " + link);
            }
            // Shares the snapshot's links: amortised O(1), not a copy of them all.
            next.links(AppendOnlyList.appending(snapshot.links(), link));
        });
    }
}
