package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.Identifiers;
import java.time.Instant;

/**
 * An SLA target of the ticket reached a warning threshold: a share of its goal was used up. Recorded
 * by the timer engine; it does not change the ticket.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version the timer engine observed
 * @param target the SLA target's name, an identifier such as {@code resolution}
 * @param cycle which run of the target's clock, from 1; a reset starts the next cycle
 * @param percent the threshold reached, in percent of the goal, 1 to 99
 * @param thresholdAt when the threshold was reached
 */
public record SlaWarned(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        String target, int cycle, int percent, Instant thresholdAt) implements TicketEvent {
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
     * @param percent the threshold reached
     * @param thresholdAt when it was reached
     * @throws IllegalArgumentException if a number is out of range or the target's name is not an
     *     identifier
     */
    public SlaWarned {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        Identifiers.check("SLA target name", target);
        requireNonNull(thresholdAt, "thresholdAt");
        if (cycle < 1) {
            throw new IllegalArgumentException("an SLA clock's cycle counts from 1, got " + cycle);
        }
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("an SLA warning threshold is 1 to 99 percent of the goal (100 is the breach),"
                    + " got " + percent);
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
