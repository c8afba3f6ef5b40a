package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Priority;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The business time a target allows, per priority, with an optional default for the others. A
 * ticket whose priority has no goal and no default gets no clock. Durations are business time:
 * {@code P2DT3H} means 51 hours of business time, not calendar days.
 *
 * @param byPriority goals of particular priorities, copied
 * @param otherwise the goal of every other priority, or empty
 */
public record Goals(Map<Priority, Duration> byPriority, Optional<Duration> otherwise) {
    /**
     * Creates the value, checking its components.
     *
     * @param byPriority goals of particular priorities, positive
     * @param otherwise the goal of every other priority, positive, or empty
     * @throws IllegalArgumentException if a goal is not positive or there is no goal at all
     */
    public Goals {
        byPriority = Map.copyOf(new TreeMap<>(byPriority));
        requireNonNull(otherwise, "otherwise");
        byPriority.forEach((p, d) -> positive(p.toString(), d));
        otherwise.ifPresent(d -> positive("*", d));
        if (byPriority.isEmpty() && otherwise.isEmpty()) {
            throw new IllegalArgumentException("a target needs at least one goal");
        }
    }

    private static void positive(String key, Duration goal) {
        if (goal.isNegative() || goal.isZero()) {
            throw new IllegalArgumentException("the goal for " + key + " must be a positive duration, got " + goal);
        }
    }

    /**
     * Returns one goal for every priority.
     *
     * @param goal the business time allowed
     * @return the goals
     */
    public static Goals always(Duration goal) {
        return new Goals(Map.of(), Optional.of(goal));
    }

    /**
     * Returns goals per priority without a default.
     *
     * @param goals goals by priority
     * @return the goals
     */
    public static Goals of(Map<Priority, Duration> goals) {
        return new Goals(goals, Optional.empty());
    }

    /**
     * Returns these goals with a default for the other priorities.
     *
     * @param goal the default goal
     * @return the goals
     */
    public Goals otherwise(Duration goal) {
        return new Goals(byPriority, Optional.of(goal));
    }

    /**
     * Returns the goal of a priority.
     *
     * @param priority the ticket's priority
     * @return its goal, or the default, or empty if neither
     */
    public Optional<Duration> goalFor(Priority priority) {
        Duration goal = byPriority.get(priority);
        return goal != null ? Optional.of(goal) : otherwise;
    }
}
