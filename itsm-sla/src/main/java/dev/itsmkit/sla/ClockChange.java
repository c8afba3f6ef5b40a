package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.timing.ClockStatus;
import java.time.Instant;

/**
 * One step in the life of an SLA clock and what caused it: a condition that held at a change of the
 * ticket (start, pause, resume, stop, cancel, restart), a change of priority (retarget or restart),
 * or the passing of time (a warning or the breach threshold reached). The steps of a clock, in
 * order, tell why it ended as it did.
 *
 * @param at when it happened
 * @param cycle the clock's cycle
 * @param from the status before
 * @param to the status after (equal to {@code from} for a retarget or a warning)
 * @param cause what caused it, in words, naming the condition or the threshold
 */
public record ClockChange(Instant at, int cycle, ClockStatus from, ClockStatus to, String cause) {
    /**
     * Creates the value, checking its components.
     *
     * @param at when
     * @param cycle the cycle
     * @param from the status before
     * @param to the status after
     * @param cause what caused it
     */
    public ClockChange {
        requireNonNull(at, "at");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(cause, "cause");
    }

    @Override
    public String toString() {
        return at + " #" + cycle + " " + (from == to ? to.toString() : from + " -> " + to) + ": " + cause;
    }
}
