package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A threshold that an SLA clock has crossed: a warning or the breach, to be recorded as an event and
 * acted on: the escalation actions the target attaches to the threshold travel with it, for the
 * engine that records the crossing to execute.
 *
 * @param policy the policy's id
 * @param target the target's name
 * @param cycle the clock's cycle
 * @param percent the warning percentage, or 100 for the breach
 * @param thresholdAt the instant at which the elapsed time reached the threshold
 * @param escalations the actions the target attaches to this threshold, in order; empty if none
 */
public record SlaCrossing(String policy, String target, int cycle, int percent, Instant thresholdAt,
        List<Escalation> escalations) {
    /**
     * Creates the value, checking its components.
     *
     * @param policy the policy's id
     * @param target the target's name
     * @param cycle the cycle, 1 or more
     * @param percent 1 to 100
     * @param thresholdAt the threshold's instant
     * @param escalations the actions to take, copied
     */
    public SlaCrossing {
        escalations = List.copyOf(escalations);
        requireNonNull(policy, "policy");
        requireNonNull(target, "target");
        requireNonNull(thresholdAt, "thresholdAt");
        if (cycle < 1 || percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a crossing needs a cycle from 1 and a percent of 1 to 100, got cycle "
                    + cycle + " and " + percent + "%");
        }
    }

    /**
     * Creates a crossing without escalation actions.
     *
     * @param policy the policy's id
     * @param target the target's name
     * @param cycle the cycle, 1 or more
     * @param percent 1 to 100
     * @param thresholdAt the threshold's instant
     */
    public SlaCrossing(String policy, String target, int cycle, int percent, Instant thresholdAt) {
        this(policy, target, cycle, percent, thresholdAt, List.of());
    }

    /**
     * Returns {@code true} if this is the breach.
     *
     * @return {@code true} if this is the breach
     */
    public boolean isBreach() {
        return percent == 100;
    }
}
