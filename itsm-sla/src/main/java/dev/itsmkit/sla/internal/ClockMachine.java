package dev.itsmkit.sla.internal;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.Pause;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.ClockChange;
import dev.itsmkit.sla.ClockOutcome;
import dev.itsmkit.sla.PriorityChangeRule;
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
 * the timeline was split into changes. Cost: one calendar {@code between} per running segment and
 * one {@code add} per threshold, each O(log n) in the span.
 */
public final class ClockMachine {
    private final TenantId tenant;
    private final TicketId ticket;
    private final SlaTarget target;
    private final String policy;
    private final int policyVersion;
    private final BusinessCalendar calendar;

    /**
     * Creates the machine of one target of one ticket.
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
        this.tenant = tenant;
        this.ticket = ticket;
        this.target = target;
        this.policy = policy;
        this.policyVersion = policyVersion;
        this.calendar = calendar;
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
        return onChange(cycles, before, after, at, change -> { });
    }

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
        if (current != null && isStarted(current) && before != null && !before.priority().equals(after.priority())) {
            Optional<Duration> goal = target.goals().goalFor(after.priority());
            if (target.onPriorityChange() == PriorityChangeRule.RETARGET) {
                if (goal.isPresent()) {
                    SlaClockSnapshot retargeted = refresh(current.toBuilder().goal(goal.get()), at);
                    log.accept(new ClockChange(at, current.cycle(), current.status(), retargeted.status(), "retargeted: priority "
                            + before.priority() + " -> " + after.priority() + ", goal " + current.goal() + " -> " + goal.get()));
                    current = retargeted;
                    result.set(result.size() - 1, current);
                }
            } else {
                SlaClockSnapshot.Builder ended = current.toBuilder().stoppedAt(Optional.of(at));
                closePause(current, ended, at);
                SlaClockSnapshot endedCycle = refresh(ended, at);
                log.accept(new ClockChange(at, current.cycle(), current.status(), endedCycle.status(), "cycle ended: priority "
                        + before.priority() + " -> " + after.priority() + " restarts the target"));
                result.set(result.size() - 1, endedCycle);
                current = begin(current.cycle() + 1, goal.orElse(current.goal()), at);
                log.accept(new ClockChange(at, current.cycle(), ClockStatus.NOT_STARTED, ClockStatus.RUNNING,
                        "started: new cycle after the priority change, goal " + current.goal()));
                result.add(current);
            }
        }
        if (current != null && isStarted(current)) {
            result.set(result.size() - 1, check(current, after, at, log));
        } else if (current == null) {
            Optional<Duration> goal = target.goals().goalFor(after.priority());
            if (goal.isPresent() && target.start().map(c -> c.test(after)).orElse(true)) {
                log.accept(new ClockChange(at, 1, ClockStatus.NOT_STARTED, ClockStatus.RUNNING, "started: "
                        + target.start().map(c -> "start condition holds (" + c + ")").orElse("first change of the ticket")
                        + ", goal " + goal.get() + " for " + after.priority()));
                result.add(check(begin(1, goal.get(), at), after, at, log));
            }
        } else if (current.status() != ClockStatus.CANCELLED && target.restart().isPresent()
                && target.restart().get().test(after)) {
            Optional<Duration> goal = target.goals().goalFor(after.priority());
            if (goal.isPresent()) {
                log.accept(new ClockChange(at, current.cycle() + 1, ClockStatus.NOT_STARTED, ClockStatus.RUNNING,
                        "restarted: restart condition holds (" + target.restart().get() + "), goal " + goal.get()));
                result.add(check(begin(current.cycle() + 1, goal.get(), at), after, at, log));
            }
        } else {
            result.set(result.size() - 1, refresh(current.toBuilder(), at));
        }
        return result;
    }

    private SlaClockSnapshot begin(int cycle, Duration goal, Instant at) {
        return SlaClockSnapshot.builder(tenant, ticket, target.name())
                .policy(policy, policyVersion)
                .calendar(target.calendar())
                .cycle(cycle)
                .status(ClockStatus.RUNNING)
                .goal(goal)
                .startedAt(Optional.of(at))
                .elapsed(Duration.ZERO, at)
                .build();
    }

    /* Conditions in the order of the format: cancel, stop, pause. */
    private SlaClockSnapshot check(SlaClockSnapshot clock, TicketView after, Instant at, Consumer<ClockChange> log) {
        SlaClockSnapshot.Builder next = clock.toBuilder();
        if (target.cancel().map(c -> c.test(after)).orElse(false)) {
            next.stoppedAt(Optional.of(at));
            closePause(clock, next, at);
            SlaClockSnapshot cancelled = refresh(next.status(ClockStatus.CANCELLED), at);
            log.accept(new ClockChange(at, clock.cycle(), clock.status(), cancelled.status(),
                    "cancelled: cancel condition holds (" + target.cancel().get() + ")"));
            return cancelled;
        }
        if (target.stop().map(c -> c.test(after)).orElse(false)) {
            next.stoppedAt(Optional.of(at));
            closePause(clock, next, at);
            SlaClockSnapshot stopped = refresh(next, at);
            log.accept(new ClockChange(at, clock.cycle(), clock.status(), stopped.status(),
                    "stopped: stop condition holds (" + target.stop().get() + ")"));
            return stopped;
        }
        boolean pause = target.pause().map(c -> c.test(after)).orElse(false);
        boolean paused = isPaused(clock);
        String cause = null;
        if (pause && !paused) {
            List<Pause> pauses = new ArrayList<>(clock.pauses());
            pauses.add(new Pause(at, Optional.empty()));
            next.pauses(pauses);
            cause = "paused: pause condition holds (" + target.pause().get() + ")";
        } else if (!pause && paused) {
            closePause(clock, next, at);
            cause = "resumed: pause condition no longer holds (" + target.pause().get() + ")";
        }
        SlaClockSnapshot checked = refresh(next, at);
        if (cause != null) {
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
        return refresh(clock.toBuilder(), at);
    }

    /* Recomputes the derived values of a snapshot as of an instant. */
    private SlaClockSnapshot refresh(SlaClockSnapshot.Builder builder, Instant at) {
        SlaClockSnapshot draft = builder.deadline(Optional.empty()).build();
        ClockOutcome outcome = evaluate(draft, 1, at);
        boolean cancelled = draft.status() == ClockStatus.CANCELLED;
        return builder.status(cancelled ? ClockStatus.CANCELLED : outcome.status())
                .elapsed(outcome.elapsed(), at)
                .deadline(outcome.due())
                .breachedAt(outcome.breachedAt())
                .warnings(outcome.warnings())
                .build();
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
        if (clock.status() == ClockStatus.NOT_STARTED || clock.startedAt().isEmpty()) {
            return ClockOutcome.notStarted(target.name(), at);
        }
        List<Instant[]> segments = segments(clock);
        Duration elapsed = Duration.ZERO;
        Duration wallElapsed = Duration.ZERO;
        for (Instant[] s : segments) {
            if (s[0].isBefore(at)) {
                Instant end = s[1] == null || s[1].isAfter(at) ? at : s[1];
                elapsed = elapsed.plus(calendar.between(s[0], end));
                wallElapsed = wallElapsed.plus(Duration.between(s[0], end));
            }
        }
        Duration goal = clock.goal();
        List<ThresholdCrossing> warnings = new ArrayList<>();
        for (int percent : target.warnings()) {
            Optional<Instant> instant = thresholdInstant(segments, goal.multipliedBy(percent).dividedBy(100));
            if (instant.isPresent() && crossed(segments, instant.get(), at)) {
                warnings.add(new ThresholdCrossing(percent, instant.get()));
            }
        }
        Optional<Instant> breach = thresholdInstant(segments, goal);
        boolean breached = breach.isPresent() && crossed(segments, breach.get(), at);
        boolean stopped = clock.stoppedAt().isPresent();
        boolean running = !stopped && !isPaused(clock);
        ClockStatus status;
        if (clock.status() == ClockStatus.CANCELLED) {
            status = ClockStatus.CANCELLED;
        } else if (breached) {
            status = ClockStatus.BREACHED;
        } else if (stopped) {
            status = ClockStatus.MET;
        } else {
            status = running ? ClockStatus.RUNNING : ClockStatus.PAUSED;
        }
        return new ClockOutcome(target.name(), clock.cycle(), status, Optional.of(goal), elapsed, wallElapsed,
                Optional.of(goal.minus(elapsed)), running ? breach : Optional.empty(),
                breached ? breach : Optional.empty(), warnings, cycles, at);
    }

    /* The spans in which the clock counted: [start, end), end null while it still runs. */
    private static List<Instant[]> segments(SlaClockSnapshot clock) {
        List<Instant[]> segments = new ArrayList<>();
        Instant from = clock.startedAt().orElseThrow();
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

    /* The earliest instant at which the counted business time reaches a share of the goal. */
    private Optional<Instant> thresholdInstant(List<Instant[]> segments, Duration share) {
        Duration counted = Duration.ZERO;
        for (Instant[] s : segments) {
            Duration needed = share.minus(counted);
            if (s[1] == null) {
                try {
                    return Optional.of(calendar.add(s[0], needed));
                } catch (IllegalArgumentException neverOpenEnough) {
                    return Optional.empty();
                }
            }
            Duration length = calendar.between(s[0], s[1]);
            if (length.compareTo(needed) >= 0) {
                return Optional.of(calendar.add(s[0], needed));
            }
            counted = counted.plus(length);
        }
        return Optional.empty();
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
        List<Instant[]> segments = segments(clock);
        List<Integer> percents = new ArrayList<>(target.warnings());
        percents.add(100);
        Threshold next = null;
        for (int percent : percents) {
            Optional<Instant> instant = thresholdInstant(segments, clock.goal().multipliedBy(percent).dividedBy(100));
            if (instant.isPresent() && !crossed(segments, instant.get(), at)
                    && (next == null || instant.get().isBefore(next.at()))) {
                next = new Threshold(percent, instant.get());
            }
        }
        return Optional.ofNullable(next);
    }

    private static boolean isStarted(SlaClockSnapshot clock) {
        return clock.startedAt().isPresent() && clock.stoppedAt().isEmpty() && clock.status() != ClockStatus.CANCELLED;
    }

    private static boolean isPaused(SlaClockSnapshot clock) {
        List<Pause> pauses = clock.pauses();
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until().isEmpty();
    }
}
