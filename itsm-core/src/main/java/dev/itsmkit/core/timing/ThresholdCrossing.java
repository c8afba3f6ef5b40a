package dev.itsmkit.core.timing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A warning threshold that an SLA clock crossed.
 *
 * @param percent the share of the goal, 1 to 99
 * @param at the instant at which the elapsed business time reached that share
 */
public record ThresholdCrossing(int percent, Instant at) {
    /**
     * Creates the value, checking its components.
     *
     * @param percent the share of the goal, 1 to 99
     * @param at when it was reached
     * @throws IllegalArgumentException if {@code percent} is out of range
     */
    public ThresholdCrossing {
        requireNonNull(at, "at");
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("a warning threshold is 1 to 99 percent of the goal, got " + percent);
        }
    }
}
