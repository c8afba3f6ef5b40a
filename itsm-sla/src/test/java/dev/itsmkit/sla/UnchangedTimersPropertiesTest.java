package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SlaUpdate#unchanged()} lets the command path leave out the timers the saved clocks already
 * have. Over random sequences of changes and firings, a timer store that is given only
 * {@link SlaUpdate#moved()} ends every step with exactly the timers of one that is given every timer
 * of {@link SlaUpdate#schedule()}, and the unchanged timers are exactly those the store already holds at
 * the same instant.
 */
class UnchangedTimersPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final List<TicketState> STATES = List.of(TicketState.of("NEW", StateCategory.NEW),
            TicketState.of("IN_PROGRESS", StateCategory.OPEN), TicketState.of("ON_HOLD", StateCategory.PENDING),
            TicketState.of("RESOLVED", StateCategory.RESOLVED), TicketState.of("CLOSED", StateCategory.CLOSED));

    private static final SlaPolicy POLICY = SlaPolicy.of("gold", 1, List.of(
            SlaTarget.builder("resolution").calendar("office")
                    .goals(Goals.of(Map.of(Priority.of(1), Duration.ofHours(2), Priority.of(2), Duration.ofHours(4),
                            Priority.of(3), Duration.ofHours(8))))
                    .pause(Condition.category(StateCategory.PENDING))
                    .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
                    .restart(Condition.category(StateCategory.OPEN))
                    .resetOnChangeOf("category")
                    .warnAt(50, 75).build(),
            SlaTarget.builder("response")
                    .goals(Goals.always(Duration.ofMinutes(30)))
                    .stop(Condition.not(Condition.category(StateCategory.NEW)))
                    .onPriorityChange(PriorityChangeRule.RESTART)
                    .warnAt(80).build()))
            .forKinds(Set.of(TicketKind.INCIDENT));
    private static final SlaEngine ENGINE = SlaEngine.of(BusinessCalendars.of(Map.of("office", office())),
            List.of(POLICY));

    private static BusinessCalendar office() {
        BusinessCalendar.Builder b = BusinessCalendar.builder().zone(ZoneOffset.UTC);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            b.hours(day, List.of(OpeningHours.of(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return b.build();
    }

    /** One step: {@code kind} 0-2 a comment, 3 a firing of the earliest due timer, else a change of state, priority or category. */
    private record Step(int kind, int minutes, int state, int priority, int category) {}

    @Test
    void writingOnlyTheMovedTimersLeavesTheSameTimersAsWritingThemAll() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 40))
                .checkAssert(seeds -> run(seeds.stream().map(UnchangedTimersPropertiesTest::step).toList()));
    }

    @Test
    void aCommentBeforeAnyThresholdMovesNoTimer() {
        Ticket opened = incident(0, 2, "network", 0);
        SlaUpdate started = ENGINE.onChange(null, opened, T0, List.of());
        Instant later = T0.plus(Duration.ofMinutes(5));
        SlaUpdate commented = ENGINE.onChange(opened, incident(0, 2, "network", 1), later, started.clocks());
        assertThat(commented.schedule()).isEqualTo(started.schedule());
        assertThat(commented.unchanged()).isEqualTo(commented.schedule());
        assertThat(commented.moved()).isEmpty();
        assertThat(commented.cancel()).isEmpty();
    }

    @Test
    void aChangeOfPriorityMovesTheTimersItRetargets() {
        Ticket opened = incident(0, 2, "network", 0);
        SlaUpdate started = ENGINE.onChange(null, opened, T0, List.of());
        SlaUpdate raised = ENGINE.onChange(opened, incident(0, 0, "network", 1), T0.plus(Duration.ofMinutes(5)),
                started.clocks());
        assertThat(raised.moved()).isNotEmpty().doesNotContainAnyElementsOf(started.schedule());
        assertThat(raised.unchanged()).doesNotContainAnyElementsOf(raised.moved());
    }

    @Test
    void anUnchangedTimerMustBeOneOfTheTimersToSchedule() {
        DueTimer timer = DueTimer.of(TenantId.of("acme"), TicketId.of("t-1"), "gold.resolution", 1, 50, T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SlaUpdate(List.of(), List.of(), List.of(), List.of(),
                List.of(timer))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold.resolution");
    }

    @Test
    void anUnchangedTimerIsFoundByValueAsWellAsByInstance() {
        DueTimer timer = DueTimer.of(TenantId.of("acme"), TicketId.of("t-1"), "gold.resolution", 1, 50, T0);
        DueTimer equal = DueTimer.of(TenantId.of("acme"), TicketId.of("t-1"), "gold.resolution", 1, 50, T0);
        DueTimer moved = DueTimer.of(TenantId.of("acme"), TicketId.of("t-1"), "gold.resolution", 1, 50, T0.plusMillis(1));
        assertThat(new SlaUpdate(List.of(), List.of(timer), List.of(), List.of(), List.of(equal)).moved()).isEmpty();
        assertThat(new SlaUpdate(List.of(), List.of(timer), List.of(), List.of(), List.of(timer)).moved()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SlaUpdate(List.of(), List.of(timer), List.of(), List.of(),
                List.of(moved))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not one of");
    }

    private static Step step(int seed) {
        return new Step(seed % 7, (seed >>> 3) % 240, (seed >>> 11) % STATES.size(), (seed >>> 14) % 3, (seed >>> 17) % 2);
    }

    private static void run(List<Step> steps) {
        Map<TimerId, DueTimer> all = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Map<TimerId, DueTimer> moved = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Ticket ticket = incident(0, 2, "network", 0);
        Instant at = T0;
        SlaUpdate first = ENGINE.onChange(null, ticket, at, List.of());
        apply(first, all, moved);
        List<SlaClockSnapshot> clocks = first.clocks();
        int version = 1;
        for (Step step : steps) {
            SlaUpdate update;
            if (step.kind() == 3) {
                Optional<Instant> due = all.values().stream().map(DueTimer::dueAt).min(Instant::compareTo);
                if (due.isEmpty()) {
                    continue;
                }
                at = due.get().isAfter(at) ? due.get() : at;
                update = ENGINE.onTime(ticket, at, clocks);
            } else {
                at = at.plus(Duration.ofMinutes(step.minutes()));
                version++;
                Ticket next = step.kind() < 3 ? incident(stateOf(ticket), priorityOf(ticket), categoryOf(ticket), version)
                        : incident(step.state(), step.priority(), step.category() == 0 ? "network" : "printing", version);
                update = ENGINE.onChange(ticket, next, at, clocks);
                ticket = next;
            }
            for (DueTimer unchanged : update.unchanged()) {
                assertThat(all.get(unchanged.id())).as("an unchanged timer is stored at the same instant").isEqualTo(unchanged);
            }
            apply(update, all, moved);
            assertThat(moved).isEqualTo(all);
            clocks = update.clocks();
        }
    }

    private static void apply(SlaUpdate update, Map<TimerId, DueTimer> all, Map<TimerId, DueTimer> moved) {
        for (TimerId id : update.cancel()) {
            all.remove(id);
            moved.remove(id);
        }
        update.schedule().forEach(t -> all.put(t.id(), t));
        update.moved().forEach(t -> moved.put(t.id(), t));
    }

    private static int stateOf(Ticket ticket) {
        return STATES.indexOf(ticket.state());
    }

    private static int priorityOf(Ticket ticket) {
        return ticket.priority().level() - 1;
    }

    private static String categoryOf(Ticket ticket) {
        return ticket.category().orElseThrow();
    }

    private static Ticket incident(int state, int priority, String category, int version) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Printer on fire").state(STATES.get(state))
                .priority(Impact.of(2), Urgency.of(2), Priority.of(priority + 1)).category(Optional.of(category))
                .field("resolutionCode", version % 5 == 4 ? Optional.of(FieldValue.of("fixed")) : Optional.empty())
                .requester(Party.person("alice")).createdAt(T0).updatedAt(T0).version(Math.max(1, version)).build();
    }
}
