package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.Identifiers;
import java.time.Instant;

/**
 * An SLA target of the ticket was breached: its goal was used up before it was met. Recorded by the
 * timer engine; it does not change the ticket.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version the timer engine observed
 * @param target the SLA target's name, an identifier such as {@code resolution}
 * @param cycle which run of the target's clock, from 1; a reset starts the next cycle
 * @param breachedAt when the goal was used up
 */
public record SlaBreached(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        String target, int cycle, Instant breachedAt) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version the timer engine observed
     * @param target the SLA target's name
     * @param cycle which run of the target's clock
     * @param breachedAt when the goal was used up
     * @throws IllegalArgumentException if a number is out of range or the target's name is not an
     *     identifier
     */
    public SlaBreached {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        Identifiers.check("SLA target name", target);
        requireNonNull(breachedAt, "breachedAt");
        if (cycle < 1) {
            throw new IllegalArgumentException("an SLA clock's cycle counts from 1, got " + cycle);
        }
    }

    /**
     * Returns the snapshot unchanged, after checking that the event belongs to it and observed its
     * version.
     *
     * @param snapshot the ticket
     * @return {@code snapshot}
     * @throws IllegalStateException if the event belongs to another ticket or tenant, or its version
     *     is not the snapshot's
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.observe(this, snapshot);
    }
}
