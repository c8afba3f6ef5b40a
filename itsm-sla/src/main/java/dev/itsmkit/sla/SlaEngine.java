package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.sla.internal.ClockMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the SLA clocks of tickets: for every change of a ticket, and whenever a due timer comes due,
 * it tells which clocks changed, which thresholds were crossed, and which timers to schedule or
 * cancel. It holds no state of its own — the clocks come from and go to the stores — so one engine
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
    private final BusinessCalendars calendars;
    private final Map<String, NavigableMap<Integer, SlaPolicy>> policies;

    private SlaEngine(BusinessCalendars calendars, Map<String, NavigableMap<Integer, SlaPolicy>> policies) {
        this.calendars = calendars;
        this.policies = policies;
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
        Map<String, Map<String, List<SlaClockSnapshot>>> byPolicy = group(clocks);
        TicketView afterView = TicketView.of(after);
        TicketView beforeView = before == null ? null : TicketView.of(before);
        Update update = new Update(clocks);
        for (Map.Entry<String, NavigableMap<Integer, SlaPolicy>> entry : policies.entrySet()) {
            Map<String, List<SlaClockSnapshot>> existing = byPolicy.getOrDefault(entry.getKey(), Map.of());
            SlaPolicy policy;
            if (existing.isEmpty()) {
                policy = entry.getValue().lastEntry().getValue();
                if (!policy.appliesTo(after.kind(), afterView)) {
                    continue;
                }
            } else {
                policy = versionOf(entry.getValue(), existing);
            }
            for (SlaTarget target : policy.targets()) {
                ClockMachine machine = machine(after, policy, target);
                List<SlaClockSnapshot> cycles = existing.getOrDefault(target.name(), List.of());
                update.add(machine, target, qualified(policy, target), cycles,
                        machine.onChange(cycles, beforeView, afterView, at), at);
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
            SlaPolicy policy = versionOf(versions, targets);
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

    private ClockMachine machine(Ticket ticket, SlaPolicy policy, SlaTarget target) {
        return new ClockMachine(ticket.tenant(), ticket.id(), target, policy.id(), policy.version(),
                calendars.get(target.calendar()));
    }

    private static SlaPolicy versionOf(NavigableMap<Integer, SlaPolicy> versions, Map<String, List<SlaClockSnapshot>> clocks) {
        int version = clocks.values().iterator().next().get(0).policyVersion();
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

    /* policy -> target -> cycles in cycle order */
    private static Map<String, Map<String, List<SlaClockSnapshot>>> group(Collection<SlaClockSnapshot> clocks) {
        Map<String, Map<String, List<SlaClockSnapshot>>> grouped = new LinkedHashMap<>();
        clocks.stream().sorted(Comparator.comparing(SlaClockSnapshot::policy).thenComparing(SlaClockSnapshot::target)
                .thenComparingInt(SlaClockSnapshot::cycle))
                .forEach(c -> grouped.computeIfAbsent(c.policy(), p -> new LinkedHashMap<>())
                        .computeIfAbsent(c.target(), t -> new ArrayList<>()).add(c));
        return grouped;
    }

    /* Collects the clocks, timers and crossings of one update. */
    private static final class Update {
        private final Map<String, SlaClockSnapshot> clocks = new LinkedHashMap<>();
        private final List<DueTimer> schedule = new ArrayList<>();
        private final Set<TimerId> cancel = new HashSet<>();
        private final List<SlaCrossing> crossed = new ArrayList<>();

        Update(Collection<SlaClockSnapshot> saved) {
            saved.forEach(c -> clocks.put(key(c), c));
        }

        private static String key(SlaClockSnapshot clock) {
            return clock.policy() + "|" + clock.target() + "|" + clock.cycle();
        }

        void add(ClockMachine machine, SlaTarget target, String qualifiedTarget, List<SlaClockSnapshot> before, List<SlaClockSnapshot> after,
                Instant at) {
            for (SlaClockSnapshot old : before) {
                machine.nextThreshold(old, old.asOf()).ifPresent(t ->
                        cancel.add(TimerId.of(old.ticket(), qualifiedTarget, old.cycle(), t.percent())));
            }
            for (SlaClockSnapshot clock : after) {
                clocks.put(key(clock), clock);
                SlaClockSnapshot old = before.stream().filter(b -> b.cycle() == clock.cycle()).findFirst().orElse(null);
                for (ThresholdCrossing warning : clock.warnings()) {
                    if (old == null || !old.warnings().contains(warning)) {
                        crossed.add(new SlaCrossing(clock.policy(), clock.target(), clock.cycle(), warning.percent(),
                                warning.at(), target.escalationsAt(warning.percent())));
                    }
                }
                Optional<Instant> breach = clock.breachedAt();
                if (breach.isPresent() && (old == null || !old.breachedAt().equals(breach))) {
                    crossed.add(new SlaCrossing(clock.policy(), clock.target(), clock.cycle(), 100, breach.get(),
                            target.escalationsAt(100)));
                }
                machine.nextThreshold(clock, at).ifPresent(t -> {
                    DueTimer timer = DueTimer.of(clock.tenant(), clock.ticket(), qualifiedTarget, clock.cycle(), t.percent(),
                            t.at());
                    schedule.add(timer);
                    cancel.remove(timer.id());
                });
            }
        }

        SlaUpdate result() {
            crossed.sort(Comparator.comparing(SlaCrossing::thresholdAt).thenComparingInt(SlaCrossing::percent));
            return new SlaUpdate(new ArrayList<>(clocks.values()), schedule,
                    cancel.stream().sorted(Comparator.comparing(TimerId::value)).toList(), crossed);
        }
    }
}
