package dev.itsmkit.core.timing;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.Identifiers;
import java.time.Instant;

/**
 * The next threshold of a running SLA clock, to be fired when its time comes: a warning or the
 * breach. Stores keep due timers so that they survive a restart and so that exactly one node fires
 * each.
 *
 * @param id the timer's id, {@link TimerId#of(TicketId, String, int, int)} of the other components
 * @param tenant the ticket's tenant
 * @param ticket the ticket
 * @param target the SLA target's name
 * @param cycle the clock's cycle, from 1
 * @param percent the threshold: 1 to 99 for a warning, 100 for the breach
 * @param dueAt when the threshold is reached if the clock keeps running
 */
public record DueTimer(TimerId id, TenantId tenant, TicketId ticket, String target, int cycle, int percent, Instant dueAt) {
    /** The percentage of the breach threshold. */
    public static final int BREACH = 100;

    /**
     * Creates the value, checking its components.
     *
     * @param id the timer's id
     * @param tenant the tenant
     * @param ticket the ticket
     * @param target the target's name
     * @param cycle the cycle
     * @param percent the threshold
     * @param dueAt when it is due
     * @throws IllegalArgumentException if a component is out of range or the id is not the one of the other components
     */
    public DueTimer {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        Identifiers.check("SLA target name", target);
        requireNonNull(dueAt, "dueAt");
        if (cycle < 1) {
            throw new IllegalArgumentException("a clock's cycle counts from 1, got " + cycle);
        }
        if (percent < 1 || percent > BREACH) {
            throw new IllegalArgumentException("a threshold is 1 to 100 percent of the goal, got " + percent);
        }
        if (!TimerId.isIdOf(id.value(), ticket, target, cycle, percent)) {
            throw new IllegalArgumentException("a due timer's id must be " + TimerId.of(ticket, target, cycle, percent)
                    + ", got " + id);
        }
    }

    /**
     * Returns the timer of one threshold.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param target the target's name
     * @param cycle the cycle
     * @param percent the threshold, 100 for the breach
     * @param dueAt when it is due
     * @return the timer, with its id derived from the rest
     */
    public static DueTimer of(TenantId tenant, TicketId ticket, String target, int cycle, int percent, Instant dueAt) {
        return new DueTimer(TimerId.of(ticket, target, cycle, percent), tenant, ticket, target, cycle, percent, dueAt);
    }

    /**
     * Tells whether this is the breach threshold.
     *
     * @return {@code true} if {@code percent} is 100
     */
    public boolean isBreach() {
        return percent == BREACH;
    }
}
