package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.sla.internal.ClockMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the SLA clocks of tickets: for every change of a ticket, and whenever a due timer comes due,
 * it tells which clocks changed, which thresholds were crossed, and which timers to schedule or
 * cancel (a due timer comes due one millisecond after its threshold's instant, the first instant at
 * which the threshold counts as crossed). It holds no state of its own — the clocks come from and go to the stores — so one engine
 * serves every ticket and thread.
 *
 * <p>Which policies apply: a policy applies to a ticket of one of its kinds when its condition holds
 * at a change; its clocks then follow the ticket whatever it becomes. Versions: a clock keeps the
 * version of the policy it started under; new clocks take the newest version. A due timer's target
 * is the clock's qualified name, {@code policy.target}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaEngine {
    /**
     * How long after its threshold's instant a due timer comes due. The scenario spec counts a
     * threshold as crossed only once the clock runs at an instant <em>after</em> it, so a timer due at
     * the threshold itself would find nothing to fire and be scheduled again for the same instant;
     * one millisecond is the finest step every timer store keeps (the timer wheel counts
     * milliseconds, PostgreSQL microseconds).
     */
    static final java.time.Duration CROSSING_DELAY = java.time.Duration.ofMillis(1);

    private final BusinessCalendars calendars;
    private final Map<String, NavigableMap<Integer, SlaPolicy>> policies;
    /* Each policy's targets, their qualified names (policy.target) and calendars, in order: made once, not per change. */
    private final Map<SlaPolicy, Targets> targetsOf = new IdentityHashMap<>();
    /* The policies in the order of the map above, each with its versions and its newest: walked by every change. */
    private final PolicyVersions[] policyList;

    /* A policy's targets, their qualified names and their calendars, index by index. */
    private record Targets(List<SlaTarget> targets, String[] names, BusinessCalendar[] calendars) {}

    /* A policy's id, its versions and the newest of them. */
    private record PolicyVersions(String id, NavigableMap<Integer, SlaPolicy> versions, SlaPolicy newest) {}

    private SlaEngine(BusinessCalendars calendars, Map<String, NavigableMap<Integer, SlaPolicy>> policies) {
        this.calendars = calendars;
        this.policies = policies;
        this.policyList = new PolicyVersions[policies.size()];
        int p = 0;
        for (Map.Entry<String, NavigableMap<Integer, SlaPolicy>> entry : policies.entrySet()) {
            NavigableMap<Integer, SlaPolicy> versions = entry.getValue();
            policyList[p++] = new PolicyVersions(entry.getKey(), versions, versions.lastEntry().getValue());
            for (SlaPolicy policy : versions.values()) {
                List<SlaTarget> targets = policy.targets();
                String[] names = new String[targets.size()];
                BusinessCalendar[] targetCalendars = new BusinessCalendar[targets.size()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = qualified(policy, targets.get(i));
                    targetCalendars[i] = calendars.get(targets.get(i).calendar());
                }
                targetsOf.put(policy, new Targets(targets, names, targetCalendars));
            }
        }
    }

    /**
     * Returns an engine.
     *
     * @param calendars the calendars the policies name
     * @param policies every version of every policy; the newest version of each applies to new clocks
     * @return the engine
     * @throws IllegalArgumentException if two policies share an id and a version, or a target names a
     *     calendar that {@code calendars} does not have
     */
    public static SlaEngine of(BusinessCalendars calendars, Collection<SlaPolicy> policies) {
        requireNonNull(calendars, "calendars");
        Map<String, NavigableMap<Integer, SlaPolicy>> byId = new LinkedHashMap<>();
        for (SlaPolicy policy : policies) {
            NavigableMap<Integer, SlaPolicy> versions = byId.computeIfAbsent(policy.id(), id -> new TreeMap<>());
            if (versions.put(policy.version(), policy) != null) {
                throw new IllegalArgumentException("SLA policy " + policy.id() + " version " + policy.version()
                        + " is given twice");
            }
            for (SlaTarget target : policy.targets()) {
                calendars.get(target.calendar());
            }
        }
        return new SlaEngine(calendars, byId);
    }

    /**
     * Updates a ticket's clocks for one change of the ticket.
     *
     * @param before the ticket before the change, or {@code null} when the change created it
     * @param after the ticket after the change
     * @param at when the change happened
     * @param clocks the ticket's clocks as saved, every cycle of every target
     * @return the clocks after the change, the timers to schedule and cancel, and the thresholds crossed
     * @throws IllegalArgumentException if {@code at} is before a clock's last change, or a clock names a
     *     policy version this engine does not have
     */
    public SlaUpdate onChange(@Nullable Ticket before, Ticket after, Instant at, Collection<SlaClockSnapshot> clocks) {
        requireNonNull(after, "after");
        requireNonNull(at, "at");
        // The commonest ticket has one clock (or none yet): it is found without grouping into tables.
        SlaClockSnapshot only = clocks.size() == 1 ? clocks.iterator().next() : null;
        Map<String, Map<String, List<SlaClockSnapshot>>> byPolicy = clocks.size() > 1 ? group(clocks) : Map.of();
        TicketView afterView = TicketView.of(after);
        TicketView beforeView = before == null ? null : TicketView.of(before);
        Update update = new Update(clocks);
        for (PolicyVersions entry : policyList) {
            Map<String, List<SlaClockSnapshot>> existing = byPolicy.isEmpty() ? Map.of() : byPolicy.getOrDefault(entry.id(), Map.of());
            boolean onlyOfThisPolicy = only != null && only.policy().equals(entry.id());
            SlaPolicy policy;
            if (onlyOfThisPolicy) {
                policy = versionOf(entry.versions(), only.policyVersion());
            } else if (existing.isEmpty()) {
                policy = entry.newest();
                if (!policy.appliesTo(after.kind(), afterView)) {
                    continue;
                }
            } else {
                policy = versionOf(entry.versions(), existing.values().iterator().next().get(0).policyVersion());
            }
            Targets known = targetsOf.get(policy);
            List<SlaTarget> targets = known.targets();
            String[] names = known.names();
            for (int i = 0; i < targets.size(); i++) {
                SlaTarget target = targets.get(i);
                // the calendar found once per engine, not by name on every change
                ClockMachine machine = ClockMachine.of(after.tenant(), after.id(), policy, target, known.calendars()[i]);
                List<SlaClockSnapshot> cycles;
                if (onlyOfThisPolicy) {
                    cycles = !only.target().equals(target.name()) ? List.of()
                            : clocks instanceof List<SlaClockSnapshot> list ? list : List.of(only);
                } else {
                    cycles = existing.getOrDefault(target.name(), List.of());
                }
                update.add(machine, target, names[i], cycles, machine.onChange(cycles, beforeView, afterView, at), at);
            }
        }
        return update.result();
    }

    /**
     * Brings a ticket's clocks up to an instant without a change of the ticket: what the timer engine
     * does when a due timer fires. Thresholds crossed since the clocks were saved are reported once;
     * calling again with the saved result reports nothing new, so firing is idempotent.
     *
     * @param ticket the ticket as it stands
     * @param now the instant, not before the clocks' last change
     * @param clocks the ticket's clocks as saved
     * @return the clocks as of {@code now}, the timers to schedule and cancel, and the thresholds crossed
     * @throws IllegalArgumentException if a clock names a policy version this engine does not have
     */
    public SlaUpdate onTime(Ticket ticket, Instant now, Collection<SlaClockSnapshot> clocks) {
        requireNonNull(ticket, "ticket");
        requireNonNull(now, "now");
        Update update = new Update(clocks);
        group(clocks).forEach((policyId, targets) -> {
            NavigableMap<Integer, SlaPolicy> versions = policies.get(policyId);
            if (versions == null) {
                throw new IllegalArgumentException("no SLA policy " + policyId + " is known to this engine");
            }
            SlaPolicy policy = versionOf(versions, targets.values().iterator().next().get(0).policyVersion());
            targets.forEach((targetName, cycles) -> {
                SlaTarget target = policy.target(targetName).orElseThrow(() -> new IllegalArgumentException(
                        "SLA policy " + policyId + " version " + policy.version() + " has no target " + targetName));
                ClockMachine machine = machine(ticket, policy, target);
                List<SlaClockSnapshot> advanced = new ArrayList<>(cycles);
                int last = advanced.size() - 1;
                if (!now.isBefore(advanced.get(last).asOf())) {
                    advanced.set(last, machine.advance(advanced.get(last), now));
                }
                update.add(machine, target, qualified(policy, target), cycles, advanced, now);
            });
        });
        return update.result();
    }

    /**
     * Recomputes a ticket's clocks of one policy from its audit trail under a chosen version of the
     * policy: a policy change applied on purpose to clocks that started under another version (or
     * that never started because the policy did not exist yet). Without a recompute, clocks keep the
     * version they started with, whatever the newest version says. The ticket's events are replayed
     * as {@link #onChange} would have seen them, then the clocks are brought up to {@code now} as
     * {@link #onTime} would; the result replaces every saved clock of that policy and leaves the
     * others as they are; a saved cycle of that policy that the recompute does not produce (a target
     * the version dropped, a cycle only a reset of another version began) comes back cancelled at
     * {@code now}, its history kept, since stores keep clocks by cycle and would otherwise keep counting
     * it. Crossings are those of the recomputed clocks that the saved ones (the same
     * cycle of the same target) had not reported; timers of the saved clocks are cancelled and those
     * of the recomputed ones scheduled.
     *
     * @param events the ticket's whole audit trail in order, beginning with its {@link TicketCreated} event
     * @param policyId the policy's id
     * @param version the version to recompute under; this engine must have it
     * @param now the instant to bring the clocks to, not before the last event
     * @param saved the ticket's clocks as saved, of every policy
     * @return every clock of the ticket, with those of the policy recomputed, and the timers and crossings
     * @throws IllegalArgumentException if there is no event, the first is not a {@link TicketCreated}, the
     *     events are not in time order, {@code now} is before the last event, or this engine has no
     *     such policy version
     * @throws IllegalStateException if an event does not follow the ticket before it
     */
    public SlaUpdate recompute(List<? extends TicketEvent> events, String policyId, int version, Instant now,
            Collection<SlaClockSnapshot> saved) {
        requireNonNull(now, "now");
        SlaPolicy policy = policy(policyId, version);
        SlaEngine single = new SlaEngine(calendars, Map.of(policyId, new TreeMap<>(Map.of(version, policy))));
        List<Step> steps = steps(events);
        Instant last = steps.get(steps.size() - 1).at();
        if (now.isBefore(last)) {
            throw new IllegalArgumentException("cannot recompute clocks as of " + now + ", before the last event at " + last);
        }
        @Nullable Ticket before = null;
        List<SlaClockSnapshot> clocks = List.of();
        for (Step step : steps) {
            clocks = single.onChange(before, step.after(), step.at(), clocks).clocks();
            before = step.after();
        }
        Ticket ticket = steps.get(steps.size() - 1).after();
        clocks = single.onTime(ticket, now, clocks).clocks();
        Map<String, List<SlaClockSnapshot>> old = group(saved).getOrDefault(policyId, Map.of());
        Update update = new Update(saved.stream().filter(c -> !c.policy().equals(policyId)).toList());
        for (Map.Entry<String, List<SlaClockSnapshot>> entry : old.entrySet()) {
            SlaPolicy oldPolicy = policies.get(policyId).get(entry.getValue().get(0).policyVersion());
            Optional<SlaTarget> oldTarget = oldPolicy == null ? Optional.empty() : oldPolicy.target(entry.getKey());
            if (oldTarget.isPresent()) {
                update.cancelTimers(machine(ticket, oldPolicy, oldTarget.get()), qualified(oldPolicy, oldTarget.get()),
                        entry.getValue());
            }
        }
        Map<String, List<SlaClockSnapshot>> fresh = group(clocks).getOrDefault(policyId, Map.of());
        for (SlaTarget target : policy.targets()) {
            update.record(machine(ticket, policy, target), target, qualified(policy, target),
                    old.getOrDefault(target.name(), List.of()), fresh.getOrDefault(target.name(), List.of()), now);
        }
        // a saved cycle the recomputed version does not have (a target it dropped, a cycle a reset it lacks
        // made) is withdrawn: cancelled, so that the stores, which keep clocks by cycle, do not keep it counting
        for (List<SlaClockSnapshot> savedOfTarget : old.values()) {
            for (SlaClockSnapshot clock : savedOfTarget) {
                if (!hasCycle(fresh.getOrDefault(clock.target(), List.of()), clock.cycle())) {
                    update.put(withdrawn(clock, now));
                }
            }
        }
        return update.result();
    }

    private static boolean hasCycle(List<SlaClockSnapshot> clocks, int cycle) {
        for (SlaClockSnapshot clock : clocks) {
            if (clock.cycle() == cycle) {
                return true;
            }
        }
        return false;
    }

    /** A saved clock cancelled at an instant (if it was not cancelled already), its other history kept. */
    private static SlaClockSnapshot withdrawn(SlaClockSnapshot clock, Instant at) {
        if (clock.status() == ClockStatus.CANCELLED) {
            return clock;
        }
        return clock.toBuilder().status(ClockStatus.CANCELLED).deadline(Optional.empty())
                .startedAt(Optional.of(clock.startedAt().orElse(at))).stoppedAt(Optional.of(clock.stoppedAt().orElse(at)))
                .build();
    }

    /**
     * Tells every step of a saved clock and what caused it, recomputed from the ticket's audit trail
     * under the policy version the clock follows: the conditions that started, paused, resumed,
     * stopped, cancelled, reset or restarted it, each with the event that made it hold (type,
     * sequence and actor), the retargets, and the thresholds it crossed by {@code at}.
     *
     * <p><b>Why recomputed, not stored.</b> The audit trail already holds every event, durably and
     * tamper-evidently, and the clock machine is a pure function of it, so the timeline it gives is
     * exact and complete. A timeline stored in each snapshot would duplicate the trail, add to every
     * saved running clock (the engine keeps a million of them within a few hundred bytes each), and
     * need a bound that drops the earliest steps — often the ones that explain a breach. The price is
     * one replay of the ticket's events per question, asked when a person looks at a clock.
     *
     * @param events the ticket's whole audit trail in order, beginning with its {@link TicketCreated} event
     * @param clock a saved clock of the ticket
     * @param at the instant of the explanation, not before the last event that counts
     * @return the steps of the clock's cycle in time order
     * @throws IllegalArgumentException if there is no event, the first is not a {@link TicketCreated}, the
     *     events are not in time order, or this engine does not have the clock's policy version or target
     * @throws IllegalStateException if an event does not follow the ticket before it
     */
    public List<ClockChange> explain(List<? extends TicketEvent> events, SlaClockSnapshot clock, Instant at) {
        requireNonNull(clock, "clock");
        requireNonNull(at, "at");
        SlaPolicy policy = policy(clock.policy(), clock.policyVersion());
        SlaTarget target = policy.target(clock.target()).orElseThrow(() -> new IllegalArgumentException(
                "SLA policy " + policy.id() + " version " + policy.version() + " has no target " + clock.target()));
        List<SlaTimeline.Change> changes = new ArrayList<>();
        for (Step step : steps(events)) {
            TicketView view = TicketView.of(step.after());
            // as in onChange: the policy's clocks begin at the first change at which the policy applies
            if (!changes.isEmpty() || policy.appliesTo(step.after().kind(), view)) {
                changes.add(new SlaTimeline.Change(step.at(), view, step.event()));
            }
        }
        SlaPolicy alone = SlaPolicy.of(policy.id(), policy.version(), List.of(target))
                .startIsRunCondition(policy.startIsRunCondition());
        return SlaTimeline.explain(alone, calendars, changes, at).get(target.name()).stream()
                .filter(step -> step.cycle() == clock.cycle()).toList();
    }

    private SlaPolicy policy(String policyId, int version) {
        requireNonNull(policyId, "policyId");
        NavigableMap<Integer, SlaPolicy> versions = policies.get(policyId);
        SlaPolicy policy = versions == null ? null : versions.get(version);
        if (policy == null) {
            throw new IllegalArgumentException("this engine has no SLA policy " + policyId + " version " + version
                    + "; it has " + policies.keySet().stream().map(id -> id + " " + policies.get(id).keySet()).toList());
        }
        return policy;
    }

    /* The ticket after each event of a trail, with the event in words. */
    private static List<Step> steps(List<? extends TicketEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a ticket's audit trail has at least its creation event, got none");
        }
        if (!(events.get(0) instanceof TicketCreated created)) {
            throw new IllegalArgumentException("a ticket's audit trail begins with TicketCreated, got "
                    + events.get(0).getClass().getSimpleName());
        }
        List<Step> steps = new ArrayList<>();
        Ticket ticket = created.snapshot();
        steps.add(new Step(created.at(), ticket, describe(created)));
        for (TicketEvent event : events.subList(1, events.size())) {
            if (event.at().isBefore(steps.get(steps.size() - 1).at())) {
                throw new IllegalArgumentException("audit events must be in time order, but event " + event.sequence()
                        + " at " + event.at() + " comes before " + steps.get(steps.size() - 1).at());
            }
            ticket = TicketEvents.apply(ticket, event);
            steps.add(new Step(event.at(), ticket, describe(event)));
        }
        return steps;
    }

    private static String describe(TicketEvent event) {
        return event.getClass().getSimpleName() + " #" + event.sequence() + " by " + event.actor();
    }

    private ClockMachine machine(Ticket ticket, SlaPolicy policy, SlaTarget target) {
        return ClockMachine.of(ticket.tenant(), ticket.id(), policy, target, calendars.get(target.calendar()));
    }

    private static SlaPolicy versionOf(NavigableMap<Integer, SlaPolicy> versions, int version) {
        SlaPolicy policy = versions.get(version);
        if (policy == null) {
            throw new IllegalArgumentException("clocks follow SLA policy " + versions.firstEntry().getValue().id()
                    + " version " + version + ", which this engine does not have (it has " + versions.keySet() + ")");
        }
        return policy;
    }

    private static String qualified(SlaPolicy policy, SlaTarget target) {
        return policy.id() + "." + target.name();
    }

    /* The order of a ticket's clocks: by policy, target and cycle. */
    private static final Comparator<SlaClockSnapshot> CLOCK_ORDER = Comparator.comparing(SlaClockSnapshot::policy)
            .thenComparing(SlaClockSnapshot::target).thenComparingInt(SlaClockSnapshot::cycle);

    /* policy -> target -> cycles in cycle order */
    private static Map<String, Map<String, List<SlaClockSnapshot>>> group(Collection<SlaClockSnapshot> clocks) {
        if (clocks.isEmpty()) {
            return Map.of();
        }
        if (clocks.size() == 1) {
            // the commonest case, a ticket with one running clock: no sort, no tables
            SlaClockSnapshot only = clocks.iterator().next();
            return Map.of(only.policy(), Map.of(only.target(), List.of(only)));
        }
        List<SlaClockSnapshot> sorted = new ArrayList<>(clocks);
        if (sorted.size() > 1) {
            sorted.sort(CLOCK_ORDER);
        }
        // most tickets have the clocks of one policy and one or two targets: small tables
        Map<String, Map<String, List<SlaClockSnapshot>>> grouped = new LinkedHashMap<>(4);
        Map<String, List<SlaClockSnapshot>> targets = null;
        List<SlaClockSnapshot> cycles = null;
        SlaClockSnapshot previous = null;
        for (SlaClockSnapshot c : sorted) {
            if (previous == null || !previous.policy().equals(c.policy())) {
                targets = new LinkedHashMap<>(4);
                grouped.put(c.policy(), targets);
                cycles = null;
            }
            if (cycles == null || !previous.target().equals(c.target())) {
                cycles = new ArrayList<>(2);
                targets.put(c.target(), cycles);
            }
            cycles.add(c);
            previous = c;
        }
        return grouped;
    }

    /* The ticket after one event of its trail. */
    private record Step(Instant at, Ticket after, String event) {}

    /* A timer the saved clocks imply, to cancel unless the new clocks schedule it again. */
    private record Pending(TicketId ticket, String qualifiedTarget, int cycle, int percent, Instant thresholdAt) {
        boolean sameId(DueTimers.Slot timer) {
            return timer.cycle() == cycle && timer.percent() == percent && timer.target().equals(qualifiedTarget)
                    && timer.ticket().equals(ticket);
        }
    }

    /*
     * Collects the clocks, timers and crossings of one update. The clocks keep the order of the saved
     * ones, new cycles after them; a ticket has a handful, so they are found by a linear search rather
     * than by a map with composite string keys. Timer ids are made only for the timers to cancel.
     */
    private static final class Update {
        private final List<SlaClockSnapshot> clocks;
        // the lists below are made at their first element: most updates schedule one timer and cross nothing
        // timers as slots, built only when the update's lists are read (see DueTimers)
        private List<DueTimers.Slot> schedule = List.of();
        private List<DueTimers.Slot> unchanged = List.of();
        private List<Pending> cancel = List.of();
        private List<SlaCrossing> crossed = List.of();

        Update(Collection<SlaClockSnapshot> saved) {
            clocks = new ArrayList<>(saved.size() + 1);
            if (saved instanceof List<SlaClockSnapshot> list) {
                // indexed: the saved list is one of a few immutable kinds, whose iterators are not always removed
                for (int i = 0; i < list.size(); i++) {
                    put(list.get(i));
                }
            } else {
                for (SlaClockSnapshot c : saved) {
                    put(c);
                }
            }
        }

        /* Adds to a list: the first element makes a list of one, the second a growable list. */
        private static <T> List<T> add(List<T> list, T element) {
            if (list.isEmpty()) {
                return List.of(element);
            }
            List<T> to = list instanceof ArrayList<T> growable ? growable : new ArrayList<>(list);
            to.add(element);
            return to;
        }

        /* Removes from a list made by add(). */
        private static <T> List<T> remove(List<T> list, int index) {
            if (list.size() == 1) {
                return List.of();
            }
            List<T> to = list instanceof ArrayList<T> growable ? growable : new ArrayList<>(list);
            to.remove(index);
            return to;
        }

        /* Replaces the clock of the same policy, target and cycle, or appends it. */
        private void put(SlaClockSnapshot clock) {
            for (int i = 0; i < clocks.size(); i++) {
                SlaClockSnapshot c = clocks.get(i);
                if (c.cycle() == clock.cycle() && c.target().equals(clock.target()) && c.policy().equals(clock.policy())) {
                    clocks.set(i, clock);
                    return;
                }
            }
            clocks.add(clock);
        }

        void add(ClockMachine machine, SlaTarget target, String qualifiedTarget, List<SlaClockSnapshot> before,
                List<SlaClockSnapshot> after, Instant at) {
            cancelTimers(machine, qualifiedTarget, before);
            record(machine, target, qualifiedTarget, before, after, at);
        }

        void cancelTimers(ClockMachine machine, String qualifiedTarget, List<SlaClockSnapshot> before) {
            for (int c = 0; c < before.size(); c++) {
                SlaClockSnapshot old = before.get(c);
                Optional<ClockMachine.Threshold> next = machine.nextThreshold(old, old.asOf());
                if (next.isPresent()) {
                    // the threshold's instant, not the timer's (that plus the delay): the same comparison, one Instant less
                    Pending pending = new Pending(old.ticket(), qualifiedTarget, old.cycle(), next.get().percent(),
                            next.get().at());
                    if (!pendingWithId(pending)) {
                        cancel = add(cancel, pending);
                    }
                }
            }
        }

        private boolean pendingWithId(Pending pending) {
            for (Pending p : cancel) {
                if (p.cycle() == pending.cycle() && p.percent() == pending.percent()
                        && p.qualifiedTarget().equals(pending.qualifiedTarget()) && p.ticket().equals(pending.ticket())) {
                    return true;
                }
            }
            return false;
        }

        void record(ClockMachine machine, SlaTarget target, String qualifiedTarget, List<SlaClockSnapshot> before,
                List<SlaClockSnapshot> after, Instant at) {
            // indexed loops: the lists hold one or two clocks, and their iterators are not always removed
            for (int c = 0; c < after.size(); c++) {
                SlaClockSnapshot clock = after.get(c);
                put(clock);
                SlaClockSnapshot old = null;
                for (int k = 0; k < before.size(); k++) {
                    SlaClockSnapshot b = before.get(k);
                    if (b.cycle() == clock.cycle()) {
                        old = b;
                        break;
                    }
                }
                List<ThresholdCrossing> warnings = clock.warnings();
                for (int w = 0; w < warnings.size(); w++) {
                    ThresholdCrossing warning = warnings.get(w);
                    if (old == null || !old.warnings().contains(warning)) {
                        crossed = add(crossed, new SlaCrossing(clock.policy(), clock.target(), clock.cycle(), warning.percent(),
                                warning.at(), target.escalationsAt(warning.percent())));
                    }
                }
                Optional<Instant> breach = clock.breachedAt();
                if (breach.isPresent() && (old == null || !old.breachedAt().equals(breach))) {
                    crossed = add(crossed, new SlaCrossing(clock.policy(), clock.target(), clock.cycle(), 100, breach.get(),
                            target.escalationsAt(100)));
                }
                Optional<ClockMachine.Threshold> next = machine.nextThreshold(clock, at);
                if (next.isPresent()) {
                    ClockMachine.Threshold t = next.get();
                    DueTimers.Slot timer = new DueTimers.Slot(clock.tenant(), clock.ticket(), qualifiedTarget, clock.cycle(),
                            t.percent(), t.at().plus(CROSSING_DELAY));
                    schedule = add(schedule, timer);
                    for (int i = 0; i < cancel.size(); i++) {
                        Pending pending = cancel.get(i);
                        if (pending.sameId(timer)) {
                            cancel = remove(cancel, i);
                            if (pending.thresholdAt().equals(t.at())) {
                                unchanged = add(unchanged, timer);
                            }
                            break;
                        }
                    }
                }
            }
        }

        SlaUpdate result() {
            if (crossed.size() > 1) {
                crossed.sort(CROSSING_ORDER);
            }
            List<TimerId> cancelled = List.of();
            if (!cancel.isEmpty()) {
                List<TimerId> ids = new ArrayList<>(cancel.size());
                for (Pending p : cancel) {
                    ids.add(TimerId.of(p.ticket(), p.qualifiedTarget(), p.cycle(), p.percent()));
                }
                ids.sort(TIMER_ORDER);
                cancelled = immutable(ids);
            }
            return new SlaUpdate(immutable(clocks), DueTimers.of(schedule), cancelled, immutable(crossed), DueTimers.of(unchanged));
        }

        /* A list of one as List.of(e), which SlaUpdate keeps as it is rather than copying it through an array. */
        private static <T> List<T> immutable(List<T> list) {
            return list.size() == 1 && list instanceof ArrayList ? List.of(list.get(0)) : list;
        }

        private static final Comparator<SlaCrossing> CROSSING_ORDER = Comparator.comparing(SlaCrossing::thresholdAt)
                .thenComparingInt(SlaCrossing::percent);
        private static final Comparator<TimerId> TIMER_ORDER = Comparator.comparing(TimerId::value);
    }
}
