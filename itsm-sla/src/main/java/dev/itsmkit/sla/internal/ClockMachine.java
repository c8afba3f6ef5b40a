package dev.itsmkit.sla.internal;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.Pause;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.ClockChange;
import dev.itsmkit.sla.ClockOutcome;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Goal;
import dev.itsmkit.sla.PriorityChangeRule;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.sla.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The SLA clock of one target of one ticket, as a pure function of the ticket's changes: the one
 * implementation of the semantics of the SLA scenario format, used alike by the engine, the
 * scenario runner and the tests.
 *
 * <p>A clock's history is its snapshot: the instant it started, its pauses and the instant it
 * stopped. Everything else — elapsed time, threshold instants, crossings, status — is computed from
 * that history and the calendar when asked, so a retarget (a new goal) is measured on the whole
 * history "as if the new goal had applied from its start", and the result does not depend on how
 * the timeline was split into changes. A goal that is a deadline on the calendar ({@link Goal}) is
 * turned into business time once, when its cycle starts (or is retargeted), and stored as the
 * snapshot's goal, so everything after counts as for any goal. Cost: one calendar {@code between} per running segment and
 * one {@code add} per threshold, each O(log n) in the span; the threshold instants of the last history measured are
 * kept, so measuring a clock again after a change that left its history alone (a comment) costs no calendar addition.
 *
 * <p>Not thread-safe (it remembers that last measure); a machine serves one ticket's change and is dropped.
 */
public final class ClockMachine {
    private final TenantId tenant;
    private final TicketId ticket;
    private final SlaTarget target;
    private final String policy;
    private final int policyVersion;
    private final boolean startIsRunCondition;
    private final BusinessCalendar calendar;
    /*
     * The last history measured and its threshold instants, which depend on nothing else: one change
     * measures the same history up to three times (the evaluation of the new snapshot, the saved
     * clock's timer and the new one's), and each measure costs calendar additions.
     */
    private @Nullable Measure measured;
    /* The snapshot the last refresh built from that measure: the same history, known without comparing it. */
    private @Nullable SlaClockSnapshot refreshedFromMeasure;

    /**
     * Creates the machine of one target of one ticket, for a policy whose start conditions are not
     * run conditions.
     *
     * @param tenant the ticket's tenant
     * @param ticket the ticket
     * @param target the target
     * @param policy the policy's id
     * @param policyVersion the policy's version
     * @param calendar the target's calendar
     */
    public ClockMachine(TenantId tenant, TicketId ticket, SlaTarget target, String policy, int policyVersion,
            BusinessCalendar calendar) {
        this(tenant, ticket, target, policy, policyVersion, false, calendar);
    }

    /**
     * Creates the machine of one target of one ticket.
     *
     * @param tenant the ticket's tenant
     * @param ticket the ticket
     * @param target the target
     * @param policy the policy's id
     * @param policyVersion the policy's version
     * @param startIsRunCondition whether the policy cancels a clock whose start condition stops holding
     * @param calendar the target's calendar
     */
    public ClockMachine(TenantId tenant, TicketId ticket, SlaTarget target, String policy, int policyVersion,
            boolean startIsRunCondition, BusinessCalendar calendar) {
        this.tenant = tenant;
        this.ticket = ticket;
        this.target = target;
        this.policy = policy;
        this.policyVersion = policyVersion;
        this.startIsRunCondition = startIsRunCondition;
        this.calendar = calendar;
    }

    /**
     * Returns the machine of one target of a policy, with the policy's options.
     *
     * @param tenant the ticket's tenant
     * @param ticket the ticket
     * @param policy the policy
     * @param target one of its targets
     * @param calendar the target's calendar
     * @return the machine
     */
    public static ClockMachine of(TenantId tenant, TicketId ticket, SlaPolicy policy, SlaTarget target,
            BusinessCalendar calendar) {
        return new ClockMachine(tenant, ticket, target, policy.id(), policy.version(), policy.startIsRunCondition(), calendar);
    }

    /**
     * Applies one change of the ticket to the target's cycles.
     *
     * @param cycles the cycles so far, oldest first; empty before the clock first starts
     * @param before the ticket before the change, or {@code null} for the change that created it
     * @param after the ticket after the change
     * @param at the instant of the change, not before the last change applied
     * @return the cycles after the change
     * @throws IllegalArgumentException if {@code at} is before the last change applied
     */
    public List<SlaClockSnapshot> onChange(List<SlaClockSnapshot> cycles, @Nullable TicketView before, TicketView after,
            Instant at) {
        return onChange(cycles, before, after, at, IGNORE);
    }

    /*
     * The log of the engine's own calls, which nobody reads: each step's description (conditions
     * printed, goals compared) is built only for a real log.
     */
    private static final Consumer<ClockChange> IGNORE = change -> { };

    /**
     * Applies one change of the ticket to the target's cycles, telling each step of the clock and its cause.
     *
     * @param cycles the cycles so far, oldest first; empty before the clock first starts
     * @param before the ticket before the change, or {@code null} for the change that created it
     * @param after the ticket after the change
     * @param at the instant of the change, not before the last change applied
     * @param log receives every step the change causes, in order
     * @return the cycles after the change
     * @throws IllegalArgumentException if {@code at} is before the last change applied
     */
    public List<SlaClockSnapshot> onChange(List<SlaClockSnapshot> cycles, @Nullable TicketView before, TicketView after,
            Instant at, Consumer<ClockChange> log) {
        List<SlaClockSnapshot> result = new ArrayList<>(cycles);
        SlaClockSnapshot current = result.isEmpty() ? null : result.get(result.size() - 1);
        if (current != null && at.isBefore(current.asOf())) {
            throw new IllegalArgumentException("changes must come in time order: " + at + " is before the last change of "
                    + target.name() + " at " + current.asOf());
        }
        boolean restartedByPriority = false;
        if (current != null && isStarted(current) && before != null && !before.priority().equals(after.priority())) {
            Optional<Goal> goal = target.goals().goalFor(after.priority());
            if (target.onPriorityChange() == PriorityChangeRule.RETARGET) {
                if (goal.isPresent()) {
                    Duration time = goal.get().resolve(calendar, current.startedAt().orElseThrow());
                    SlaClockSnapshot retargeted = refresh(current.toBuilder().goal(time), at);
                    if (log != IGNORE) {
                        log.accept(new ClockChange(at, current.cycle(), current.status(), retargeted.status(), "retargeted: priority "
                                + before.priority() + " -> " + after.priority() + ", goal " + current.goal() + " -> "
                                + describe(goal.get(), time)));
                    }
                    current = retargeted;
                    result.set(result.size() - 1, current);
                }
            } else {
                current = endAndBegin(result, current, goal, at, log, "priority " + before.priority() + " -> "
                        + after.priority() + " restarts the target", "new cycle after the priority change");
                restartedByPriority = true;
            }
        }
        if (current != null && isStarted(current)) {
            String reset = restartedByPriority ? null : resetCause(before, after);
            if (reset != null && !cancels(after) && !stops(after)) {
                current = endAndBegin(result, current, target.goals().goalFor(after.priority()), at, log,
                        reset + " resets the target", "new cycle after the reset");
            }
            result.set(result.size() - 1, check(current, after, at, log));
        } else if (current == null) {
            Optional<Goal> goal = target.goals().goalFor(after.priority());
            if (goal.isPresent() && holdsOrAbsent(target.start(), after, true)) {
                Instant from = retroactiveStart(after, at);
                Duration time = goal.get().resolve(calendar, from);
                if (log != IGNORE) {
                    log.accept(new ClockChange(at, 1, ClockStatus.NOT_STARTED, ClockStatus.RUNNING, "started: "
                            + target.start().map(c -> "start condition holds (" + c + ")").orElse("first change of the ticket")
                            + ", goal " + describe(goal.get(), time) + " for " + after.priority()
                            + (from.equals(at) ? "" : ", counted from " + target.startFrom().orElseThrow() + " " + from)));
                }
                result.add(check(begin(1, time, from, at), after, at, log));
            }
        } else if (current.status() != ClockStatus.CANCELLED && target.restart().isPresent()
                && target.restart().get().test(after)) {
            Optional<Goal> goal = target.goals().goalFor(after.priority());
            if (goal.isPresent()) {
                Duration time = goal.get().resolve(calendar, at);
                if (log != IGNORE) {
                    log.accept(new ClockChange(at, current.cycle() + 1, ClockStatus.NOT_STARTED, ClockStatus.RUNNING,
                            "restarted: restart condition holds (" + target.restart().get() + "), goal " + describe(goal.get(), time)));
                }
                result.add(check(begin(current.cycle() + 1, time, at, at), after, at, log));
            }
        } else {
            result.set(result.size() - 1, refresh(current.toBuilder(), current, at));
        }
        return result;
    }

    /* Ends the running cycle as it stands and begins the next at the same instant; returns the new cycle. */
    private SlaClockSnapshot endAndBegin(List<SlaClockSnapshot> result, SlaClockSnapshot current, Optional<Goal> goal,
            Instant at, Consumer<ClockChange> log, String why, String startCause) {
        SlaClockSnapshot.Builder ended = current.toBuilder().stoppedAt(Optional.of(at));
        closePause(current, ended, at);
        SlaClockSnapshot endedCycle = refresh(ended, at);
        if (log != IGNORE) {
            log.accept(new ClockChange(at, current.cycle(), current.status(), endedCycle.status(), "cycle ended: " + why));
        }
        result.set(result.size() - 1, endedCycle);
        Duration time = goal.map(g -> g.resolve(calendar, at)).orElse(current.goal());
        SlaClockSnapshot next = begin(current.cycle() + 1, time, at, at);
        if (log != IGNORE) {
            log.accept(new ClockChange(at, next.cycle(), ClockStatus.NOT_STARTED, ClockStatus.RUNNING,
                    "started: " + startCause + ", goal " + goal.map(g -> describe(g, time)).orElse(time.toString())));
        }
        result.add(next);
        return next;
    }

    private static String describe(Goal goal, Duration time) {
        return goal instanceof Goal.BusinessTime ? time.toString() : goal + " (" + time + " of business time)";
    }

    /* The instant the first cycle counts from: the startFrom field's instant if it is one and not in the future. */
    private Instant retroactiveStart(TicketView after, Instant at) {
        if (target.startFrom().isPresent()
                && after.field(target.startFrom().get()).orElse(null) instanceof FieldValue.Timestamp stamp
                && !stamp.value().isAfter(at)) {
            return stamp.value();
        }
        return at;
    }

    /* Why the change resets a started clock, or null: the reset condition became true, or a watched field changed. */
    private @Nullable String resetCause(@Nullable TicketView before, TicketView after) {
        if (before == null) {
            return null;
        }
        if (target.reset().isPresent() && target.reset().get().test(after) && !target.reset().get().test(before)) {
            return "reset condition became true (" + target.reset().get() + ")";
        }
        for (String field : target.resetOnChangeOf()) {
            Optional<FieldValue> was = before.field(field);
            Optional<FieldValue> is = after.field(field);
            if (!was.equals(is)) {
                return "field " + field + " changed from " + was.map(Object::toString).orElse("(none)") + " to "
                        + is.map(Object::toString).orElse("(none)");
            }
        }
        return null;
    }

    private boolean cancels(TicketView after) {
        return holdsOrAbsent(target.cancel(), after, false) || startNoLongerHolds(after);
    }

    private boolean startNoLongerHolds(TicketView after) {
        return startIsRunCondition && target.start().isPresent() && !target.start().get().test(after);
    }

    /*
     * Whether a condition of the target holds, or the answer when the target has none: without the lambda an
     * Optional.map would capture (asked several times per change of every ticket with a clock).
     */
    private static boolean holdsOrAbsent(Optional<Condition> condition, TicketView after, boolean absent) {
        return condition.isPresent() ? condition.get().test(after) : absent;
    }

    private boolean stops(TicketView after) {
        return holdsOrAbsent(target.stop(), after, false);
    }

    private SlaClockSnapshot begin(int cycle, Duration goal, Instant from, Instant at) {
        return SlaClockSnapshot.builder(tenant, ticket, target.name())
                .policy(policy, policyVersion)
                .calendar(target.calendar())
                .cycle(cycle)
                .status(ClockStatus.RUNNING)
                .goal(goal)
                .startedAt(Optional.of(from))
                .elapsed(Duration.ZERO, at)
                .build();
    }

    /* Conditions in the order of the format: cancel (with the run condition), stop, pause or resume. */
    private SlaClockSnapshot check(SlaClockSnapshot clock, TicketView after, Instant at, Consumer<ClockChange> log) {
        SlaClockSnapshot.Builder next = clock.toBuilder();
        if (cancels(after)) {
            next.stoppedAt(Optional.of(at));
            closePause(clock, next, at);
            SlaClockSnapshot cancelled = refresh(next.status(ClockStatus.CANCELLED), at);
            if (log != IGNORE) {
                String cause = target.cancel().isPresent() && target.cancel().get().test(after)
                        ? "cancelled: cancel condition holds (" + target.cancel().get() + ")"
                        : "cancelled: start condition no longer holds (" + target.start().orElseThrow()
                                + ") and the policy makes it a run condition";
                log.accept(new ClockChange(at, clock.cycle(), clock.status(), cancelled.status(), cause));
            }
            return cancelled;
        }
        if (stops(after)) {
            next.stoppedAt(Optional.of(at));
            closePause(clock, next, at);
            SlaClockSnapshot stopped = refresh(next, at);
            if (log != IGNORE) {
                log.accept(new ClockChange(at, clock.cycle(), clock.status(), stopped.status(),
                        "stopped: stop condition holds (" + target.stop().get() + ")"));
            }
            return stopped;
        }
        /*
         * With a resume condition, a running clock pauses when the pause condition holds and the resume
         * condition does not, and a paused one resumes when the resume condition holds. Applying the same
         * ticket twice changes nothing more than applying it once, so outcomes do not depend on how the
         * timeline is split into changes.
         */
        boolean resume = holdsOrAbsent(target.resume(), after, false);
        boolean pause = holdsOrAbsent(target.pause(), after, false) && !resume;
        boolean paused = isPaused(clock);
        // what happened, for the log: 1 paused, 2 resumed by the resume condition, 3 resumed as the pause ended
        int step = 0;
        if (pause && !paused) {
            List<Pause> pauses = new ArrayList<>(clock.pauses());
            pauses.add(new Pause(at, Optional.empty()));
            next.pauses(pauses);
            step = 1;
        } else if (paused && target.resume().isPresent()) {
            if (resume) {
                closePause(clock, next, at);
                step = 2;
            }
        } else if (!pause && paused) {
            closePause(clock, next, at);
            step = 3;
        }
        // with no pause begun or ended the history is the clock's own: no draft is built to measure it
        SlaClockSnapshot checked = step == 0 ? refresh(next, clock, at) : refresh(next, at);
        if (step != 0 && log != IGNORE) {
            String cause = switch (step) {
                case 1 -> "paused: pause condition holds (" + target.pause().get() + ")"
                        + target.resume().map(c -> " and the resume condition does not (" + c + ")").orElse("");
                case 2 -> "resumed: resume condition holds (" + target.resume().get() + ")";
                default -> "resumed: pause condition no longer holds (" + target.pause().get() + ")";
            };
            log.accept(new ClockChange(at, clock.cycle(), clock.status(), checked.status(), cause));
        }
        return checked;
    }

    private static void closePause(SlaClockSnapshot clock, SlaClockSnapshot.Builder next, Instant at) {
        if (isPaused(clock)) {
            List<Pause> pauses = new ArrayList<>(clock.pauses());
            Pause open = pauses.remove(pauses.size() - 1);
            pauses.add(new Pause(open.from(), Optional.of(at)));
            next.pauses(pauses);
        }
    }

    /**
     * Brings a cycle's derived values (elapsed time, status, deadline, crossings) up to an instant
     * without a change of the ticket, as the timer engine does when a threshold comes due.
     *
     * @param clock the cycle's snapshot
     * @param at the instant, not before the snapshot's
     * @return the snapshot as of {@code at}
     */
    public SlaClockSnapshot advance(SlaClockSnapshot clock, Instant at) {
        if (at.isBefore(clock.asOf())) {
            throw new IllegalArgumentException("a clock cannot go back from " + clock.asOf() + " to " + at);
        }
        return refresh(clock.toBuilder(), clock, at);
    }

    /*
     * Recomputes the derived values of a snapshot as of an instant: what evaluate() tells, written straight
     * into the builder, without the outcome's wall-clock figures and Optionals (every command of a ticket
     * with a clock refreshes it at least once).
     */
    private SlaClockSnapshot refresh(SlaClockSnapshot.Builder builder, Instant at) {
        return refresh(builder, builder.deadline(Optional.empty()).build(), at);
    }

    /*
     * The same, with the history (status, start, pauses, stop and goal) read from a snapshot that has the builder's:
     * the clock itself when a change began or ended no pause and stopped nothing (most commands), so that no draft is
     * built to be measured, and the measure of the saved clock is the one its timer's check finds again.
     */
    private SlaClockSnapshot refresh(SlaClockSnapshot.Builder builder, SlaClockSnapshot draft, Instant at) {
        if (draft.status() == ClockStatus.NOT_STARTED) {
            return builder.status(ClockStatus.NOT_STARTED).elapsed(Duration.ZERO, at).deadline(Optional.empty())
                    .breachedAt(Optional.empty()).warnings(List.of()).build();
        }
        Measure measure = measure(draft);
        List<Instant[]> segments = measure.segments();
        Duration elapsed = counted(segments, at);
        List<ThresholdCrossing> warnings = warningsCrossed(measure, at);
        Instant breachAt = measure.thresholds()[target.warnings().size()];
        boolean breached = breachAt != null && crossed(segments, breachAt, at);
        boolean running = !draft.hasStopped() && !isPaused(draft);
        SlaClockSnapshot refreshed = builder.status(status(draft, breached, running))
                .elapsed(elapsed, at)
                .deadline(running ? Optional.ofNullable(breachAt) : Optional.empty())
                .breachedAt(breached ? Optional.of(breachAt) : Optional.empty())
                .warnings(warnings)
                .build();
        // a refresh changes no part of the history: the new clock's timer is found from this measure without a compare
        refreshedFromMeasure = refreshed;
        return refreshed;
    }

    /* The business time counted in the segments up to an instant. */
    private Duration counted(List<Instant[]> segments, Instant at) {
        Duration elapsed = Duration.ZERO;
        for (Instant[] s : segments) {
            if (s[0].isBefore(at)) {
                Instant end = s[1] == null || s[1].isAfter(at) ? at : s[1];
                Duration part = calendar.between(s[0], end);
                elapsed = elapsed.isZero() ? part : elapsed.plus(part);
            }
        }
        return elapsed;
    }

    /* The warnings of the target crossed by an instant, in the target's order; an empty list (no copy) when none is. */
    private List<ThresholdCrossing> warningsCrossed(Measure measure, Instant at) {
        List<Integer> percents = target.warnings();
        List<ThresholdCrossing> warnings = List.of();
        for (int i = 0; i < percents.size(); i++) {
            Instant instant = measure.thresholds()[i];
            if (instant != null && crossed(measure.segments(), instant, at)) {
                if (warnings.isEmpty()) {
                    warnings = new ArrayList<>(percents.size());
                }
                warnings.add(new ThresholdCrossing(percents.get(i), instant));
            }
        }
        return warnings;
    }

    private static ClockStatus status(SlaClockSnapshot clock, boolean breached, boolean running) {
        if (clock.status() == ClockStatus.CANCELLED) {
            return ClockStatus.CANCELLED;
        } else if (breached) {
            return ClockStatus.BREACHED;
        } else if (clock.hasStopped()) {
            return ClockStatus.MET;
        }
        return running ? ClockStatus.RUNNING : ClockStatus.PAUSED;
    }

    /**
     * Evaluates a cycle at an instant, as the scenario format's {@code OUTCOME} defines it.
     *
     * @param clock the cycle's snapshot, with no change after {@code at}
     * @param cycles how many cycles the target has had
     * @param at the instant of the evaluation
     * @return the outcome
     */
    public ClockOutcome evaluate(SlaClockSnapshot clock, int cycles, Instant at) {
        // a snapshot that is not NOT_STARTED has a start (see isStarted)
        if (clock.status() == ClockStatus.NOT_STARTED) {
            return ClockOutcome.notStarted(target.name(), at);
        }
        Measure measure = measure(clock);
        List<Instant[]> segments = measure.segments();
        Duration elapsed = counted(segments, at);
        Duration wallElapsed = wallCounted(segments, at);
        Duration goal = clock.goal();
        List<ThresholdCrossing> warnings = warningsCrossed(measure, at);
        Instant breachAt = measure.thresholds()[target.warnings().size()];
        Optional<Instant> breach = Optional.ofNullable(breachAt);
        boolean breached = breachAt != null && crossed(segments, breachAt, at);
        boolean running = !clock.hasStopped() && !isPaused(clock);
        // the deadline is known while the clock runs (its due instant) and once it was crossed (the breach)
        Optional<Duration> wallGoal = breachAt != null && (running || breached)
                ? Optional.of(wallCounted(segments, breachAt)) : Optional.empty();
        return new ClockOutcome(target.name(), clock.cycle(), status(clock, breached, running), Optional.of(goal), elapsed,
                wallElapsed, Optional.of(goal.minus(elapsed)), running ? breach : Optional.empty(),
                breached ? breach : Optional.empty(), warnings, cycles, at, wallGoal);
    }

    /* The real time the segments counted before an instant; a segment still open counts up to it. */
    private static Duration wallCounted(List<Instant[]> segments, Instant until) {
        Duration counted = Duration.ZERO;
        for (Instant[] s : segments) {
            if (s[0].isBefore(until)) {
                Instant end = s[1] == null || s[1].isAfter(until) ? until : s[1];
                counted = counted.plus(Duration.between(s[0], end));
            }
        }
        return counted;
    }

    /* The spans in which the clock counted: [start, end), end null while it still runs. */
    private static List<Instant[]> segments(SlaClockSnapshot clock, Instant startedAt) {
        List<Instant[]> segments = new ArrayList<>(clock.pauses().size() + 1);
        Instant from = startedAt;
        for (Pause pause : clock.pauses()) {
            segments.add(new Instant[] {from, pause.from()});
            if (pause.until().isEmpty()) {
                return segments;
            }
            from = pause.until().get();
        }
        segments.add(new Instant[] {from, clock.stoppedAt().orElse(null)});
        return segments;
    }

    /*
     * A measured history: its segments and the instant of each threshold, the warnings in the order of
     * the target and then the breach, null where out of reach.
     */
    private record Measure(SlaClockSnapshot source, Instant startedAt, List<Pause> pauses, Optional<Instant> stoppedAt,
            Duration goal, List<Instant[]> segments, @Nullable Instant[] thresholds) {
        boolean measures(SlaClockSnapshot clock) {
            // the same snapshot (the saved clock, measured for the change and again for its timer) unpacks nothing
            return clock == source || goal.equals(clock.goal()) && startedAt.equals(clock.startedAt().orElse(null))
                    && stoppedAt.equals(clock.stoppedAt()) && (pauses == clock.pauses() || pauses.equals(clock.pauses()));
        }
    }

    /* The segments and threshold instants of a started clock's history, from the last measure if it has the same history. */
    private Measure measure(SlaClockSnapshot clock) {
        Measure last = measured;
        if (last != null && (clock == refreshedFromMeasure || last.measures(clock))) {
            return last;
        }
        Instant startedAt = clock.startedAt().orElseThrow();
        List<Instant[]> segments = segments(clock, startedAt);
        List<Integer> warnings = target.warnings();
        Instant[] thresholds = new Instant[warnings.size() + 1];
        Duration goal = clock.goal();
        for (int i = 0; i < warnings.size(); i++) {
            thresholds[i] = thresholdInstant(segments, share(goal, warnings.get(i)));
        }
        thresholds[warnings.size()] = thresholdInstant(segments, goal);
        Measure measure = new Measure(clock, startedAt, clock.pauses(), clock.stoppedAt(), goal, segments,
                thresholds);
        measured = measure;
        refreshedFromMeasure = null;
        return measure;
    }

    /**
     * A share of a goal, {@code goal.multipliedBy(percent).dividedBy(100)} (rounded towards zero to the
     * nanosecond), in long arithmetic where it cannot overflow: {@link Duration#dividedBy(long)} goes
     * through {@code BigDecimal}.
     *
     * @param goal the goal
     * @param percent the share in percent
     * @return the share
     */
    static Duration share(Duration goal, int percent) {
        long seconds = goal.getSeconds();
        if (percent >= 0 && percent <= 100 && seconds >= 0 && seconds < SHARE_SECONDS_LIMIT) {
            return Duration.ofNanos((seconds * 1_000_000_000L + goal.getNano()) * percent / 100);
        }
        return goal.multipliedBy(percent).dividedBy(100);
    }

    /* Below this many seconds, a goal's nanoseconds times 100 fit in a long (some 2.8 years). */
    private static final long SHARE_SECONDS_LIMIT = Long.MAX_VALUE / 1_000_000_000L / 100 - 1;

    /* The earliest instant at which the counted business time reaches a share of the goal, or null if never. */
    private @Nullable Instant thresholdInstant(List<Instant[]> segments, Duration share) {
        Duration counted = Duration.ZERO;
        for (Instant[] s : segments) {
            Duration needed = share.minus(counted);
            if (s[1] == null) {
                try {
                    return calendar.add(s[0], needed);
                } catch (IllegalArgumentException neverOpenEnough) {
                    return null;
                }
            }
            Duration length = calendar.between(s[0], s[1]);
            if (length.compareTo(needed) >= 0) {
                return calendar.add(s[0], needed);
            }
            counted = counted.plus(length);
        }
        return null;
    }

    /*
     * A threshold is crossed when the clock runs at some instant after the threshold's instant and
     * no later than the evaluation: some running span [a, b) meets (threshold, at].
     */
    private static boolean crossed(List<Instant[]> segments, Instant threshold, Instant at) {
        for (Instant[] s : segments) {
            Instant a = s[0];
            Instant b = s[1];
            boolean meets = a.isAfter(threshold)
                    ? !a.isAfter(at) && (b == null || a.isBefore(b))
                    : threshold.isBefore(at) && (b == null || threshold.isBefore(b));
            if (meets) {
                return true;
            }
        }
        return false;
    }

    /**
     * A threshold of a clock: a warning percentage, or 100 for the breach, and its instant.
     *
     * @param percent 1 to 100
     * @param at the instant at which the elapsed time reaches that share of the goal
     */
    public record Threshold(int percent, Instant at) {}

    /**
     * Finds the next threshold that a running clock will cross if it keeps running: the earliest
     * warning or breach not crossed at an instant. Its instant may lie before {@code at} (after a
     * retarget to a lower goal, or at the very instant of the threshold), and then it is crossed as
     * soon as time passes {@code at}.
     *
     * @param clock the cycle's snapshot
     * @param at the instant
     * @return the threshold, or empty if the clock is not running, or every threshold is crossed
     *     or out of reach
     */
    public Optional<Threshold> nextThreshold(SlaClockSnapshot clock, Instant at) {
        if (!isStarted(clock) || isPaused(clock)) {
            return Optional.empty();
        }
        Measure measure = measure(clock);
        List<Instant[]> segments = measure.segments();
        List<Integer> warnings = target.warnings();
        Threshold next = null;
        for (int i = 0; i <= warnings.size(); i++) {
            Instant instant = measure.thresholds()[i];
            if (instant != null && !crossed(segments, instant, at) && (next == null || instant.isBefore(next.at()))) {
                next = new Threshold(i < warnings.size() ? warnings.get(i) : 100, instant);
            }
        }
        return Optional.ofNullable(next);
    }

    /*
     * A snapshot has a start exactly when its status is not NOT_STARTED (SlaClockSnapshot.Builder.build
     * refuses anything else), so the status answers without unpacking the start into an Instant and an
     * Optional: this is asked several times per command of a ticket with a clock.
     */
    private static boolean isStarted(SlaClockSnapshot clock) {
        ClockStatus status = clock.status();
        return status != ClockStatus.NOT_STARTED && status != ClockStatus.CANCELLED && !clock.hasStopped();
    }

    private static boolean isPaused(SlaClockSnapshot clock) {
        List<Pause> pauses = clock.pauses();
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until().isEmpty();
    }
}
