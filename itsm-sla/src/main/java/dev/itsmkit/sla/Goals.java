package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Priority;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a target allows, per priority, with an optional default for the others. A ticket whose
 * priority has no goal and no default gets no clock. A goal is business time ({@code P2DT3H} means
 * 51 hours of business time, not calendar days) or a deadline on the calendar ({@link Goal}); the
 * methods taking a {@link Duration} make business-time goals.
 *
 * @param byPriority goals of particular priorities, copied
 * @param otherwise the goal of every other priority, or empty
 */
public record Goals(Map<Priority, Goal> byPriority, Optional<Goal> otherwise) {
    /**
     * Creates the value, checking its components.
     *
     * @param byPriority goals of particular priorities
     * @param otherwise the goal of every other priority, or empty
     * @throws IllegalArgumentException if there is no goal at all
     */
    public Goals {
        byPriority = Map.copyOf(new TreeMap<>(byPriority));
        requireNonNull(otherwise, "otherwise");
        if (byPriority.isEmpty() && otherwise.isEmpty()) {
            throw new IllegalArgumentException("a target needs at least one goal");
        }
    }

    /**
     * Returns one goal of business time for every priority.
     *
     * @param goal the business time allowed, positive
     * @return the goals
     * @throws IllegalArgumentException if {@code goal} is not positive
     */
    public static Goals always(Duration goal) {
        return always(Goal.businessTime(goal));
    }

    /**
     * Returns one goal for every priority.
     *
     * @param goal the goal
     * @return the goals
     */
    public static Goals always(Goal goal) {
        return new Goals(Map.of(), Optional.of(requireNonNull(goal, "goal")));
    }

    /**
     * Returns goals of business time per priority without a default.
     *
     * @param goals business time by priority, each positive
     * @return the goals
     * @throws IllegalArgumentException if a goal is not positive or there is none
     */
    public static Goals of(Map<Priority, Duration> goals) {
        Map<Priority, Goal> byPriority = new TreeMap<>();
        goals.forEach((priority, time) -> byPriority.put(priority, positive(priority, time)));
        return new Goals(byPriority, Optional.empty());
    }

    /**
     * Returns goals per priority without a default.
     *
     * @param goals goals by priority
     * @return the goals
     * @throws IllegalArgumentException if there is no goal
     */
    public static Goals ofGoals(Map<Priority, ? extends Goal> goals) {
        return new Goals(Map.copyOf(goals), Optional.empty());
    }

    private static Goal positive(Priority priority, Duration time) {
        try {
            return Goal.businessTime(time);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the goal for " + priority + " must be a positive duration, got " + time, e);
        }
    }

    /**
     * Returns these goals with a business-time default for the other priorities.
     *
     * @param goal the default business time, positive
     * @return the goals
     * @throws IllegalArgumentException if {@code goal} is not positive
     */
    public Goals otherwise(Duration goal) {
        return otherwise(Goal.businessTime(goal));
    }

    /**
     * Returns these goals with a default for the other priorities.
     *
     * @param goal the default goal
     * @return the goals
     */
    public Goals otherwise(Goal goal) {
        return new Goals(byPriority, Optional.of(requireNonNull(goal, "goal")));
    }

    /**
     * Returns the goal of a priority.
     *
     * @param priority the ticket's priority
     * @return its goal, or the default, or empty if neither
     */
    public Optional<Goal> goalFor(Priority priority) {
        Goal goal = byPriority.get(priority);
        return goal != null ? Optional.of(goal) : otherwise;
    }
}
