package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One measured target of an SLA policy (first response, resolution, next update, or any other):
 * its goals per priority, the calendar it counts in, and the conditions that start, pause, stop,
 * cancel and restart its clock. The semantics are those of the SLA scenario format
 * ({@code docs/sla-scenarios.md}): conditions are checked in the order cancel, stop, pause, start
 * at each change of the ticket.
 *
 * <p>Beyond the scenario format ({@code docs/sla.md}): escalation actions per threshold
 * ({@link Builder#escalateAt}), goals that are deadlines on the calendar ({@link Goal}), a resume
 * condition ({@link #resume()}), resets ({@link #reset()}, {@link #resetOnChangeOf()}; checked
 * after cancel and stop, before pause) and a retroactive start ({@link #startFrom()}). A target that
 * uses none of them behaves exactly as the format says. Immutable and thread-safe.
 */
public final class SlaTarget {
    private final String name;
    private final String calendar;
    private final Goals goals;
    // Optionals made once: the clock machine asks for the conditions on every change of every ticket
    private final Optional<Condition> start;
    private final Optional<Condition> pause;
    private final Optional<Condition> stop;
    private final Optional<Condition> cancel;
    private final Optional<Condition> restart;
    private final Optional<Condition> resume;
    private final Optional<Condition> reset;
    private final List<String> resetOnChangeOf;
    private final @Nullable String startFrom;
    private final PriorityChangeRule onPriorityChange;
    private final List<Integer> warnings;
    private final SortedMap<Integer, List<Escalation>> escalations;

    private SlaTarget(Builder b) {
        this.name = b.name;
        this.calendar = b.calendar;
        this.goals = requireNonNull(b.goals);
        this.start = Optional.ofNullable(b.start);
        this.pause = Optional.ofNullable(b.pause);
        this.stop = Optional.ofNullable(b.stop);
        this.cancel = Optional.ofNullable(b.cancel);
        this.restart = Optional.ofNullable(b.restart);
        this.resume = Optional.ofNullable(b.resume);
        this.reset = Optional.ofNullable(b.reset);
        this.resetOnChangeOf = List.copyOf(b.resetOnChangeOf);
        this.startFrom = b.startFrom;
        this.onPriorityChange = b.onPriorityChange;
        this.warnings = List.copyOf(new TreeSet<>(b.warnings));
        TreeMap<Integer, List<Escalation>> escalations = new TreeMap<>();
        b.escalations.forEach((percent, actions) -> escalations.put(percent, List.copyOf(actions)));
        this.escalations = Collections.unmodifiableSortedMap(escalations);
    }

    /**
     * Starts a target.
     *
     * @param name the target's name, an identifier such as {@code resolution}
     * @return a builder; goals are required, the calendar is {@code 24x7} until set
     */
    public static Builder builder(String name) {
        return new Builder(Identifier.check("SLA target name", name));
    }

    /**
     * Returns a builder holding every value of this target.
     *
     * @return a builder holding every value of this target
     */
    public Builder toBuilder() {
        Builder b = new Builder(name).calendar(calendar).goals(goals).onPriorityChange(onPriorityChange)
                .warnAt(warnings.stream().mapToInt(Integer::intValue).toArray());
        b.stop = stop.orElse(null);
        b.start = start.orElse(null);
        b.pause = pause.orElse(null);
        b.cancel = cancel.orElse(null);
        b.restart = restart.orElse(null);
        b.resume = resume.orElse(null);
        b.reset = reset.orElse(null);
        b.resetOnChangeOf.addAll(resetOnChangeOf);
        b.startFrom = startFrom;
        escalations.forEach((percent, actions) -> b.escalations.put(percent, new ArrayList<>(actions)));
        return b;
    }

    /**
     * Returns the target's name, unique within its policy.
     *
     * @return the target's name, unique within its policy
     */
    public String name() {
        return name;
    }

    /**
     * Returns the name of the business calendar the clock counts in.
     *
     * @return the name of the business calendar the clock counts in
     */
    public String calendar() {
        return calendar;
    }

    /**
     * Returns the goals per priority.
     *
     * @return the goals per priority
     */
    public Goals goals() {
        return goals;
    }

    /**
     * Returns the condition that starts the clock; empty: it starts at the ticket's first change.
     *
     * @return the condition that starts the clock; empty: it starts at the ticket's first change
     */
    public Optional<Condition> start() {
        return start;
    }

    /**
     * Returns the condition while which the clock does not count, or empty.
     *
     * @return the condition while which the clock does not count, or empty
     */
    public Optional<Condition> pause() {
        return pause;
    }

    /**
     * Returns the condition that stops the clock.
     *
     * @return the condition, or empty: the clock then runs until it is cancelled
     */
    public Optional<Condition> stop() {
        return stop;
    }

    /**
     * Returns the condition that cancels a running or paused clock, or empty.
     *
     * @return the condition that cancels a running or paused clock, or empty
     */
    public Optional<Condition> cancel() {
        return cancel;
    }

    /**
     * Returns the condition that starts a new cycle after a stop, or empty.
     *
     * @return the condition that starts a new cycle after a stop, or empty
     */
    public Optional<Condition> restart() {
        return restart;
    }

    /**
     * Returns the condition that resumes a paused clock, if it differs from "the pause condition no
     * longer holds". With one, a paused clock resumes when the resume condition holds, whether or not
     * the pause condition still does, and a running clock pauses when the pause condition holds and the
     * resume condition does not (while the resume condition holds the clock runs): pause when the
     * ticket goes to {@code PENDING}, resume only when the customer has answered, whatever the state.
     * Applying the same ticket twice does no more than applying it once, so, as without the option,
     * an outcome does not depend on how the timeline is split into changes.
     *
     * @return the resume condition; empty: a paused clock resumes when the pause condition stops holding
     */
    public Optional<Condition> resume() {
        return resume;
    }

    /**
     * Returns the condition that resets a started clock when it <em>becomes</em> true: the running (or
     * paused) cycle ends as it stands — MET, or BREACHED if it had crossed its breach threshold — and a
     * new cycle starts from zero at the same change. It is checked after cancel and stop (a change that
     * stops the clock does not also reset it) and before pause; the new cycle is checked against
     * cancel, stop and pause at that change, as a restarted one is.
     *
     * @return the reset condition, or empty
     */
    public Optional<Condition> reset() {
        return reset;
    }

    /**
     * Returns the fields whose change resets a started clock, as {@link #reset()} does: for example
     * {@code assignmentGroup}, so that each group's time is measured on its own (an OLA per group), or
     * {@link TicketView#LAST_PUBLIC_UPDATE}, so that each public update to the customer completes a
     * cycle of a next-update target and starts the next.
     *
     * @return the field names, in the order given; empty if none
     */
    public List<String> resetOnChangeOf() {
        return resetOnChangeOf;
    }

    /**
     * Returns the instant field the clock counts from when it first starts, if any.
     *
     * @return the name of a {@link dev.itsmkit.core.FieldValue.Timestamp} field (such as a custom
     *     {@code reportedAt}); empty: the clock counts from the change at which it starts
     */
    public Optional<String> startFrom() {
        return Optional.ofNullable(startFrom);
    }

    /**
     * Returns what a started clock does when the priority changes.
     *
     * @return what a started clock does when the priority changes
     */
    public PriorityChangeRule onPriorityChange() {
        return onPriorityChange;
    }

    /**
     * Returns the warning thresholds in percent of the goal, ascending, each 1 to 99.
     *
     * @return the warning thresholds in percent of the goal, ascending, each 1 to 99
     */
    public List<Integer> warnings() {
        return warnings;
    }

    /**
     * Returns the escalation actions per threshold: warning percentages and 100 for the breach,
     * ascending, each with its actions in the order given. The SLA engine carries them on every
     * {@link SlaCrossing} of that threshold; it does not execute them.
     *
     * @return the actions by threshold percent, unmodifiable; empty if the target escalates nothing
     */
    public SortedMap<Integer, List<Escalation>> escalations() {
        return escalations;
    }

    /**
     * Returns the escalation actions of one threshold.
     *
     * @param percent a warning percentage, or 100 for the breach
     * @return the actions in the order given, empty if there are none
     */
    public List<Escalation> escalationsAt(int percent) {
        return escalations.getOrDefault(percent, List.of());
    }

    @Override
    public String toString() {
        return "SlaTarget[" + name + " in " + calendar + ", " + goals + stop.map(c -> ", stop when " + c).orElse("") + "]";
    }

    /** Collects the values of a target. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String calendar = BusinessCalendars.ALWAYS;
        private @Nullable Goals goals;
        private @Nullable Condition start;
        private @Nullable Condition pause;
        private @Nullable Condition stop;
        private @Nullable Condition cancel;
        private @Nullable Condition restart;
        private @Nullable Condition resume;
        private @Nullable Condition reset;
        private final List<String> resetOnChangeOf = new ArrayList<>();
        private @Nullable String startFrom;
        private PriorityChangeRule onPriorityChange = PriorityChangeRule.RETARGET;
        private List<Integer> warnings = List.of();
        private final TreeMap<Integer, List<Escalation>> escalations = new TreeMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the calendar by name.
         *
         * @param calendar a calendar's name; {@code 24x7} counts every instant
         * @return this builder
         */
        public Builder calendar(String calendar) {
            this.calendar = requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * Sets the goals. Required.
         *
         * @param goals the goals per priority
         * @return this builder
         */
        public Builder goals(Goals goals) {
            this.goals = requireNonNull(goals, "goals");
            return this;
        }

        /**
         * Sets the start condition.
         *
         * @param start the condition
         * @return this builder
         */
        public Builder start(Condition start) {
            this.start = requireNonNull(start, "start");
            return this;
        }

        /**
         * Sets the pause condition.
         *
         * @param pause the condition
         * @return this builder
         */
        public Builder pause(Condition pause) {
            this.pause = requireNonNull(pause, "pause");
            return this;
        }

        /**
         * Sets the stop condition; without one the clock runs until it is cancelled.
         *
         * @param stop the condition
         * @return this builder
         */
        public Builder stop(Condition stop) {
            this.stop = requireNonNull(stop, "stop");
            return this;
        }

        /**
         * Sets the cancel condition.
         *
         * @param cancel the condition
         * @return this builder
         */
        public Builder cancel(Condition cancel) {
            this.cancel = requireNonNull(cancel, "cancel");
            return this;
        }

        /**
         * Sets the restart condition.
         *
         * @param restart the condition
         * @return this builder
         */
        public Builder restart(Condition restart) {
            this.restart = requireNonNull(restart, "restart");
            return this;
        }

        /**
         * Sets a resume condition separate from the pause condition; see {@link SlaTarget#resume()}.
         *
         * @param resume the condition that resumes a paused clock
         * @return this builder
         */
        public Builder resume(Condition resume) {
            this.resume = requireNonNull(resume, "resume");
            return this;
        }

        /**
         * Sets the reset condition; see {@link SlaTarget#reset()}.
         *
         * @param reset the condition whose becoming true resets a started clock
         * @return this builder
         */
        public Builder reset(Condition reset) {
            this.reset = requireNonNull(reset, "reset");
            return this;
        }

        /**
         * Adds fields whose change resets a started clock; see {@link SlaTarget#resetOnChangeOf()}.
         *
         * @param fields field names, built-in or custom
         * @return this builder
         */
        public Builder resetOnChangeOf(String... fields) {
            for (String field : fields) {
                resetOnChangeOf.add(requireNonNull(field, "field"));
            }
            return this;
        }

        /**
         * Makes the clock count from an instant field of the ticket when it first starts (a retroactive
         * start): for example the time a customer reported the fault, recorded after the ticket was
         * logged. When the start condition first holds, the clock's first cycle starts at the field's
         * instant if the field holds a {@link dev.itsmkit.core.FieldValue.Timestamp} no later than that
         * change, and at the change otherwise (the field is absent, of another type, or in the
         * future). Thresholds already passed by then are crossed at once, with their own instants.
         * Later cycles (restart, reset, priority restart) start at their change.
         *
         * @param field the field's name
         * @return this builder
         */
        public Builder startFrom(String field) {
            this.startFrom = requireNonNull(field, "field");
            return this;
        }

        /**
         * Sets what happens on a change of priority.
         *
         * @param rule retarget or restart
         * @return this builder
         */
        public Builder onPriorityChange(PriorityChangeRule rule) {
            this.onPriorityChange = requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Sets the warning thresholds.
         *
         * @param percents percentages of the goal, each 1 to 99
         * @return this builder
         */
        public Builder warnAt(int... percents) {
            this.warnings = java.util.Arrays.stream(percents).boxed().toList();
            return this;
        }

        /**
         * Adds escalation actions to a threshold: they travel on every {@link SlaCrossing} of it.
         * Calling again for the same threshold appends to its actions.
         *
         * @param percent one of the warning thresholds ({@link #warnAt}), or 100 for the breach;
         *     checked by {@link #build()}
         * @param actions the actions, at least one, in the order they are to be taken
         * @return this builder
         * @throws IllegalArgumentException if no action is given
         */
        public Builder escalateAt(int percent, Escalation... actions) {
            if (actions.length == 0) {
                throw new IllegalArgumentException("escalating at " + percent + "% of SLA target " + name
                        + " needs at least one action");
            }
            List<Escalation> list = escalations.computeIfAbsent(percent, p -> new ArrayList<>());
            for (Escalation action : actions) {
                list.add(requireNonNull(action, "action"));
            }
            return this;
        }

        /**
         * Builds the target.
         *
         * @return the target
         * @throws IllegalArgumentException if goals are missing, the calendar
         *     name is not an identifier, a warning threshold is out of range or repeated, or an
         *     escalation names a threshold that is neither a warning threshold nor 100 (the breach)
         */
        public SlaTarget build() {
            java.util.List<String> problems = new java.util.ArrayList<>();
            if (goals == null) {
                problems.add("goals are required");
            }
            try {
                Identifier.check("calendar name", calendar);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            for (int percent : warnings) {
                if (percent < 1 || percent > 99) {
                    problems.add("a warning threshold is 1 to 99 percent of the goal, got " + percent);
                }
            }
            if (new TreeSet<>(warnings).size() != warnings.size()) {
                problems.add("warning thresholds must differ, got " + warnings);
            }
            for (int percent : escalations.keySet()) {
                if (percent != 100 && !warnings.contains(percent)) {
                    problems.add("an escalation at " + percent + "% needs a warning threshold at " + percent
                            + "% (warnAt) or must be at 100% (the breach); the warning thresholds are " + warnings);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("SLA target " + name + " is invalid: " + String.join("; ", problems));
            }
            return new SlaTarget(this);
        }
    }
}
