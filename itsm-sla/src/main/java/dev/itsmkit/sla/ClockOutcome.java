package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.ThresholdCrossing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one cycle of one SLA target stands at an instant, exactly as the SLA scenario format's
 * {@code OUTCOME} defines it.
 *
 * @param target the target's name
 * @param cycle the cycle, from 1; 0 for a target whose clock has not started
 * @param status where the clock stands
 * @param goal the goal in effect, empty before the clock starts
 * @param elapsed business time counted up to the instant, paused time excluded
 * @param wallElapsed real time the clock ran up to the instant, paused time excluded, whether or not
 *     the calendar was open
 * @param remaining the goal minus the elapsed time, negative once exceeded; empty before the clock starts
 * @param due the breach threshold's instant if the clock runs on without a pause; empty unless running
 * @param breachedAt the breach threshold's instant, once crossed
 * @param warnings the warning thresholds crossed, with their instants, in order
 * @param cycles how many cycles the target has had
 * @param at the instant of the evaluation
 */
public record ClockOutcome(String target, int cycle, ClockStatus status, Optional<Duration> goal, Duration elapsed,
        Duration wallElapsed, Optional<Duration> remaining, Optional<Instant> due, Optional<Instant> breachedAt,
        List<ThresholdCrossing> warnings, int cycles, Instant at) {
    /**
     * Creates the value, checking its components.
     *
     * @param target the target's name
     * @param cycle the cycle
     * @param status where the clock stands
     * @param goal the goal
     * @param elapsed the elapsed business time
     * @param wallElapsed the elapsed real time
     * @param remaining the remaining business time
     * @param due the deadline
     * @param breachedAt the breach instant
     * @param warnings the warnings crossed
     * @param cycles how many cycles
     * @param at the instant of the evaluation
     */
    public ClockOutcome {
        requireNonNull(target, "target");
        requireNonNull(status, "status");
        requireNonNull(goal, "goal");
        requireNonNull(elapsed, "elapsed");
        requireNonNull(wallElapsed, "wallElapsed");
        requireNonNull(remaining, "remaining");
        requireNonNull(due, "due");
        requireNonNull(breachedAt, "breachedAt");
        warnings = List.copyOf(warnings);
        requireNonNull(at, "at");
    }

    /**
     * Returns the outcome of a target whose clock has not started.
     *
     * @param target the target's name
     * @param at the instant of the evaluation
     * @return a {@link ClockStatus#NOT_STARTED} outcome with nothing elapsed and no cycle
     */
    public static ClockOutcome notStarted(String target, Instant at) {
        return new ClockOutcome(target, 0, ClockStatus.NOT_STARTED, Optional.empty(), Duration.ZERO, Duration.ZERO, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), 0, at);
    }

    /**
     * Returns the share of the goal elapsed, in business time.
     *
     * @return the percentage (above 100 once the goal is exceeded), or empty before the clock starts
     */
    public java.util.OptionalDouble percentElapsed() {
        if (goal.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(elapsed.toNanos() * 100.0 / goal.get().toNanos());
    }

    /**
     * Returns the real time left until the deadline.
     *
     * @return the wall-clock time from the instant of the evaluation to {@link #due()}, negative
     *     once breached; empty when there is no deadline
     */
    public Optional<Duration> wallRemaining() {
        return due.map(d -> Duration.between(at, d));
    }
}
