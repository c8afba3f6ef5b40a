package dev.itsmkit.core.timing;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.Identifiers;

/**
 * Identifies a due timer within its tenant. The id of the timer of one threshold of one cycle of
 * one target of one ticket is always the same ({@link #of}), so scheduling it again replaces it and
 * firing it is idempotent.
 *
 * @param value an identifier (letters, digits and {@code . _ : @ -}, 1 to 128 characters)
 */
public record TimerId(String value) {
    /**
     * Creates the value, checking its components.
     *
     * @param value an identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public TimerId {
        Identifiers.check("timer id", value);
    }

    /**
     * Returns the id of the timer of one threshold.
     *
     * @param ticket the ticket
     * @param target the SLA target's name
     * @param cycle the clock's cycle, from 1
     * @param percent the threshold, 1 to 100 (100 is the breach)
     * @return {@code ticket:target:cycle:percent}
     * @throws IllegalArgumentException if the result would be longer than an identifier may be
     */
    public static TimerId of(TicketId ticket, String target, int cycle, int percent) {
        return new TimerId(ticket.value() + ":" + target + ":" + cycle + ":" + percent);
    }

    @Override
    public String toString() {
        return value;
    }
}
