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
 * {@code OUTCOME} defines it, with elapsed, remaining and percent in business and in wall time.
 *
 * <p><b>Wall time.</b> Business time counts only while the calendar is open; wall time is real time.
 * Both exclude the time the clock was paused. The <em>wall goal</em> is the real time the clock
 * counts from its start to its deadline (the instant its business time reaches the goal), paused
 * time excluded: the wall-time counterpart of the goal. It is known once the deadline is: while the
 * clock runs (the deadline if it runs on), and once it has crossed its breach. It is not known
 * before the start, nor for a paused or stopped clock that has not reached its goal (its deadline
 * depends on when, or whether, it resumes). {@link #wallPercentElapsed()} is the wall elapsed time
 * as a share of the wall goal, as {@link #percentElapsed()} is the business elapsed time as a share
 * of the goal; on a {@code 24x7} calendar the two agree.
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
 * @param wallGoal the real time the clock counts from its start to its deadline, paused time
 *     excluded; empty while the deadline is not known (see above)
 */
public record ClockOutcome(String target, int cycle, ClockStatus status, Optional<Duration> goal, Duration elapsed,
        Duration wallElapsed, Optional<Duration> remaining, Optional<Instant> due, Optional<Instant> breachedAt,
        List<ThresholdCrossing> warnings, int cycles, Instant at, Optional<Duration> wallGoal) {
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
     * @param wallGoal the real time from the start to the deadline, paused time excluded
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
        requireNonNull(wallGoal, "wallGoal");
    }

    /**
     * Creates the value with the wall goal that the other components determine: for a clock that
     * runs and has not passed its deadline ({@link ClockStatus#RUNNING} with a {@code due} instant not
     * before {@code at}), its wall elapsed time plus the real time from {@code at} to {@code due};
     * otherwise empty, as the components alone cannot tell it ({@link SlaTimeline#replay} gives it
     * whenever it is known).
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
    public ClockOutcome(String target, int cycle, ClockStatus status, Optional<Duration> goal, Duration elapsed,
            Duration wallElapsed, Optional<Duration> remaining, Optional<Instant> due, Optional<Instant> breachedAt,
            List<ThresholdCrossing> warnings, int cycles, Instant at) {
        this(target, cycle, status, goal, elapsed, wallElapsed, remaining, due, breachedAt, warnings, cycles, at,
                status == ClockStatus.RUNNING && due.isPresent() && !due.get().isBefore(at)
                        ? Optional.of(wallElapsed.plus(Duration.between(at, due.get())))
                        : Optional.empty());
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
                Optional.empty(), Optional.empty(), List.of(), 0, at, Optional.empty());
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
     * Returns the share of the wall goal elapsed, in wall time: {@link #wallElapsed()} over
     * {@link #wallGoal()}, paused time excluded from both.
     *
     * @return the percentage (above 100 once the deadline has passed while the clock ran), or empty
     *     while the wall goal is not known: before the start, and for a paused or stopped clock that
     *     has not reached its goal
     */
    public java.util.OptionalDouble wallPercentElapsed() {
        if (wallGoal.isEmpty() || wallGoal.get().isZero()) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(wallElapsed.toNanos() * 100.0 / wallGoal.get().toNanos());
    }

    /**
     * Returns the real time left until the deadline, while the clock runs.
     *
     * @return the wall-clock time from the instant of the evaluation to {@link #due()}, negative
     *     once a running clock is past its deadline (breached and still running); empty when the
     *     clock does not run, breached or not: before the start, while paused (its deadline moves
     *     with the pause), and once it is met, breached and stopped, or cancelled
     */
    public Optional<Duration> wallRemaining() {
        return due.map(d -> Duration.between(at, d));
    }
}
