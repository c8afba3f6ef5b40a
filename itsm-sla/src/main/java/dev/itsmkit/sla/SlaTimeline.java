package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.sla.internal.ClockMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replays a ticket's timeline against an SLA policy and tells how each target's clock stands at an
 * instant: the semantics of the SLA scenario format, for tests, what-if questions and recomputing
 * clocks from an audit trail. Stateless and thread-safe.
 */
public final class SlaTimeline {
    private static final TenantId TIMELINE_TENANT = TenantId.of("timeline");
    private static final TicketId TIMELINE_TICKET = TicketId.of("timeline");

    private SlaTimeline() {}

    /**
     * One change of a ticket: the instant and the ticket as it stands after it.
     *
     * @param at when the change happened
     * @param ticket the ticket after it
     * @param event what the change was, in words (for example an audit event's type, sequence and
     *     actor), named in {@link #explain explanations}; empty if it need not be told
     */
    public record Change(Instant at, TicketView ticket, String event) {
        /**
         * Creates the value, checking its components.
         *
         * @param at when
         * @param ticket the ticket after the change
         * @param event what the change was, or empty
         */
        public Change {
            requireNonNull(at, "at");
            requireNonNull(ticket, "ticket");
            requireNonNull(event, "event");
        }

        /**
         * Creates a change that need not be named.
         *
         * @param at when
         * @param ticket the ticket after the change
         */
        public Change(Instant at, TicketView ticket) {
            this(at, ticket, "");
        }
    }

    /**
     * Replays a timeline and evaluates every target at an instant.
     *
     * @param policy the policy
     * @param calendars the calendars its targets name
     * @param changes the ticket's changes in time order (changes at one instant apply in list
     *     order); the first creates the ticket; changes after {@code at} are ignored
     * @param at the instant of the evaluation
     * @return per target in the policy's order, the outcome of every cycle, oldest first, with its
     *     {@linkplain ClockOutcome#wallGoal() wall goal} whenever its deadline is known; a single
     *     {@code NOT_STARTED} outcome for a target whose clock never started
     * @throws IllegalArgumentException if the changes are not in time order, or a target names a
     *     calendar that {@code calendars} does not have
     */
    public static Map<String, List<ClockOutcome>> replay(SlaPolicy policy, BusinessCalendars calendars,
            List<Change> changes, Instant at) {
        requireNonNull(policy, "policy");
        requireNonNull(calendars, "calendars");
        requireNonNull(at, "at");
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i).at().isBefore(changes.get(i - 1).at())) {
                throw new IllegalArgumentException("changes must be in time order, but change " + i + " at "
                        + changes.get(i).at() + " comes before change " + (i - 1) + " at " + changes.get(i - 1).at());
            }
        }
        Map<String, List<ClockOutcome>> outcomes = new LinkedHashMap<>();
        for (SlaTarget target : policy.targets()) {
            ClockMachine machine = ClockMachine.of(TIMELINE_TENANT, TIMELINE_TICKET, policy, target, calendars.get(target.calendar()));
            List<SlaClockSnapshot> cycles = List.of();
            @Nullable TicketView before = null;
            for (Change change : changes) {
                if (change.at().isAfter(at)) {
                    break;
                }
                cycles = machine.onChange(cycles, before, change.ticket(), change.at());
                before = change.ticket();
            }
            List<ClockOutcome> perCycle = new ArrayList<>();
            for (SlaClockSnapshot cycle : cycles) {
                perCycle.add(machine.evaluate(cycle, cycles.size(), at));
            }
            outcomes.put(target.name(), perCycle.isEmpty() ? List.of(ClockOutcome.notStarted(target.name(), at))
                    : List.copyOf(perCycle));
        }
        return outcomes;
    }

    /**
     * Replays a timeline and tells, per target, every step of its clock and what caused it: the
     * conditions that started, paused, resumed, stopped, cancelled or restarted it, the priority
     * changes that retargeted or restarted it, and the warning and breach thresholds it crossed by
     * {@code at}, in time order. The answer to "why did this clock breach?". A step caused by a
     * named change ends with the change's name in brackets.
     *
     * @param policy the policy
     * @param calendars the calendars its targets name
     * @param changes the ticket's changes in time order; changes after {@code at} are ignored
     * @param at the instant of the evaluation
     * @return per target in the policy's order, its steps in time order (changes of the ticket
     *     before thresholds of the same instant)
     * @throws IllegalArgumentException as {@link #replay} does
     */
    public static Map<String, List<ClockChange>> explain(SlaPolicy policy, BusinessCalendars calendars,
            List<Change> changes, Instant at) {
        Map<String, List<ClockOutcome>> outcomes = replay(policy, calendars, changes, at);
        Map<String, List<ClockChange>> explained = new LinkedHashMap<>();
        for (SlaTarget target : policy.targets()) {
            ClockMachine machine = ClockMachine.of(TIMELINE_TENANT, TIMELINE_TICKET, policy, target, calendars.get(target.calendar()));
            List<ClockChange> steps = new ArrayList<>();
            List<SlaClockSnapshot> cycles = List.of();
            @Nullable TicketView before = null;
            for (Change change : changes) {
                if (change.at().isAfter(at)) {
                    break;
                }
                String event = change.event();
                cycles = machine.onChange(cycles, before, change.ticket(), change.at(), event.isEmpty() ? steps::add
                        : step -> steps.add(new ClockChange(step.at(), step.cycle(), step.from(), step.to(),
                                step.cause() + " [" + event + "]")));
                before = change.ticket();
            }
            // thresholds come from the outcome; the status each one found is that of its cycle at its instant,
            // known only once they are in order among the steps, so they are merged first and given it after,
            // and each step then starts from the status the step before it in its cycle ended in
            List<ClockChange> thresholds = new ArrayList<>();
            for (ClockOutcome outcome : outcomes.get(target.name())) {
                if (outcome.cycle() == 0) {
                    continue;
                }
                outcome.warnings().forEach(w -> thresholds.add(new ClockChange(w.at(), outcome.cycle(), ClockStatus.RUNNING,
                        ClockStatus.RUNNING, "warning: " + w.percent() + "% of the goal " + outcome.goal().orElseThrow()
                                + " elapsed")));
                outcome.breachedAt().ifPresent(b -> thresholds.add(new ClockChange(b, outcome.cycle(), ClockStatus.RUNNING,
                        ClockStatus.BREACHED, "breached: the goal " + outcome.goal().orElseThrow()
                                + " elapsed while the clock ran")));
            }
            List<ClockChange> all = new ArrayList<>(steps);
            Set<ClockChange> crossings = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ClockChange threshold : thresholds) {
                int index = 0;
                while (index < all.size() && !all.get(index).at().isAfter(threshold.at())) {
                    index++;
                }
                all.add(index, threshold);
                crossings.add(threshold);
            }
            Map<Integer, ClockStatus> statusOfCycle = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                ClockChange step = all.get(i);
                ClockStatus now = statusOfCycle.getOrDefault(step.cycle(), ClockStatus.NOT_STARTED);
                if (crossings.contains(step)) {
                    ClockStatus after = step.to() == ClockStatus.BREACHED ? ClockStatus.BREACHED : now;
                    step = new ClockChange(step.at(), step.cycle(), now, after, step.cause());
                    all.set(i, step);
                } else if (step.from() != now) {
                    // the machine's own steps do not know of a breach the outcome found between them
                    step = new ClockChange(step.at(), step.cycle(), now, step.to(), step.cause());
                    all.set(i, step);
                }
                statusOfCycle.put(step.cycle(), step.to());
            }
            explained.put(target.name(), List.copyOf(all));
        }
        return explained;
    }
}
