package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recomputing clocks and explaining them from a ticket's audit trail; policy versions. */
class SlaEngineTrailTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId ID = TicketId.of("t-1");
    private static final Party ALICE = Party.person("alice");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);

    private static final SlaPolicy V1 = SlaPolicy.of("gold", 1, List.of(SlaTarget.builder("resolution")
            .goals(Goals.always(Duration.ofHours(4))).stop(Condition.category(StateCategory.RESOLVED)).build()));
    private static final SlaPolicy V2 = SlaPolicy.of("gold", 2, List.of(SlaTarget.builder("resolution")
            .goals(Goals.always(Duration.ofHours(2))).stop(Condition.category(StateCategory.RESOLVED))
            .resetOnChangeOf(TicketView.ASSIGNMENT_GROUP).warnAt(50).build()));
    private static final SlaEngine ONLY_V1 = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(V1));
    private static final SlaEngine BOTH = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(V1, V2));

    private static Instant at(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private static final Ticket CREATED = Ticket.builder(ACME, ID, new TicketNumber(TicketKind.INCIDENT, 1))
            .title("Printer on fire").state(NEW).requester(ALICE).createdAt(T0).build();
    private static final TicketCreated CREATION = new TicketCreated(ACME, ID, ALICE, T0, 1, 1, CREATED);
    private static final Assigned TO_L2 = new Assigned(ACME, ID, ALICE, at(1), 2, 2, Optional.empty(),
            Optional.of(Party.group("l2")), Optional.empty(), Optional.empty());
    private static final Ticket ASSIGNED = TicketEvents.apply(CREATED, TO_L2);
    private static final StateChanged RESOLVE = new StateChanged(ACME, ID, ALICE, at(3.5), 3, 3, NEW, RESOLVED, "resolve");

    private static List<SlaClockSnapshot> savedUnderV1() {
        List<SlaClockSnapshot> clocks = ONLY_V1.onChange(null, CREATED, T0, List.of()).clocks();
        return ONLY_V1.onChange(CREATED, ASSIGNED, at(1), clocks).clocks();
    }

    @Test
    void theTicketViewShowsTheAssignmentAsFields() {
        assertThat(TicketView.of(ASSIGNED).field(TicketView.ASSIGNMENT_GROUP)).contains(FieldValue.of("group:l2"));
        assertThat(TicketView.of(ASSIGNED).field(TicketView.ASSIGNEE)).isEmpty();
        assertThat(TicketView.of(CREATED).field(TicketView.ASSIGNMENT_GROUP)).isEmpty();
    }

    @Test
    void runningClocksKeepTheirPolicyVersionWhenANewerOneIsPublished() {
        List<SlaClockSnapshot> v1 = ONLY_V1.onChange(null, CREATED, T0, List.of()).clocks();
        SlaUpdate later = BOTH.onChange(CREATED, ASSIGNED, at(1), v1);
        assertThat(later.clocks()).singleElement().satisfies(c -> {
            assertThat(c.policyVersion()).isEqualTo(1);
            assertThat(c.goal()).isEqualTo(Duration.ofHours(4));
            assertThat(c.cycle()).isEqualTo(1);
        });
        assertThat(BOTH.onChange(null, CREATED, T0, List.of()).clocks()).singleElement()
                .satisfies(c -> assertThat(c.policyVersion()).isEqualTo(2));
    }

    @Test
    void recomputingUnderANewVersionReplaysTheTrailAndReplacesTheClocksAndTheirTimers() {
        SlaUpdate recomputed = BOTH.recompute(List.of(CREATION, TO_L2), "gold", 2, at(1.5), savedUnderV1());
        assertThat(recomputed.clocks()).extracting(SlaClockSnapshot::policyVersion).containsOnly(2);
        assertThat(recomputed.clocks()).extracting(SlaClockSnapshot::status).containsExactly(ClockStatus.MET, ClockStatus.RUNNING);
        assertThat(recomputed.clocks()).extracting(SlaClockSnapshot::elapsed)
                .containsExactly(Duration.ofHours(1), Duration.ofMinutes(30));
        assertThat(recomputed.cancel()).containsExactly(TimerId.of(ID, "gold.resolution", 1, 100));
        assertThat(recomputed.schedule()).singleElement().satisfies(t -> {
            assertThat(t.cycle()).isEqualTo(2);
            assertThat(t.percent()).isEqualTo(50);
            assertThat(t.dueAt()).isEqualTo(at(2).plus(SlaEngine.CROSSING_DELAY));
        });
        assertThat(recomputed.crossed()).isEmpty();
    }

    @Test
    void aCycleTheRecomputedVersionDoesNotHaveIsWithdrawnAsCancelledWithItsTimer() {
        SlaUpdate underV2 = BOTH.recompute(List.of(CREATION, TO_L2), "gold", 2, at(1.5), List.of());
        assertThat(underV2.clocks()).as("version 2 resets on the assignment").extracting(SlaClockSnapshot::cycle)
                .containsExactly(1, 2);
        SlaUpdate back = BOTH.recompute(List.of(CREATION, TO_L2), "gold", 1, at(1.75), underV2.clocks());
        assertThat(back.clocks()).extracting(SlaClockSnapshot::cycle, SlaClockSnapshot::status, SlaClockSnapshot::policyVersion)
                .containsExactly(tuple(1, ClockStatus.RUNNING, 1), tuple(2, ClockStatus.CANCELLED, 2));
        SlaClockSnapshot withdrawn = back.clocks().get(1);
        assertThat(withdrawn.stoppedAt()).contains(at(1.75));
        assertThat(withdrawn.startedAt()).isEqualTo(underV2.clocks().get(1).startedAt());
        assertThat(withdrawn.deadline()).isEmpty();
        assertThat(back.cancel()).anySatisfy(id -> assertThat(id.value()).startsWith("t-1:gold.resolution:2:"));
        assertThat(back.schedule()).extracting(t -> t.cycle()).containsOnly(1);
        // recomputing again changes nothing: the withdrawn cycle stays as it is
        assertThat(BOTH.recompute(List.of(CREATION, TO_L2), "gold", 1, at(1.75), back.clocks()).clocks())
                .isEqualTo(back.clocks());
    }

    @Test
    void recomputingReportsTheThresholdsTheSavedClocksHadNotCrossed() {
        SlaUpdate recomputed = BOTH.recompute(List.of(CREATION, TO_L2), "gold", 2, at(2.5), savedUnderV1());
        assertThat(recomputed.crossed()).singleElement().satisfies(c -> {
            assertThat(c.cycle()).isEqualTo(2);
            assertThat(c.percent()).isEqualTo(50);
            assertThat(c.thresholdAt()).isEqualTo(at(2));
        });
        SlaUpdate again = BOTH.recompute(List.of(CREATION, TO_L2), "gold", 2, at(2.5), recomputed.clocks());
        assertThat(again.crossed()).isEmpty();
        assertThat(again.clocks()).isEqualTo(recomputed.clocks());
    }

    @Test
    void recomputingUnderTheSameVersionGivesWhatTheEngineSaved() {
        List<SlaClockSnapshot> saved = savedUnderV1();
        SlaUpdate recomputed = ONLY_V1.recompute(List.of(CREATION, TO_L2), "gold", 1, at(1), saved);
        assertThat(recomputed.clocks()).isEqualTo(saved);
        assertThat(recomputed.crossed()).isEmpty();
    }

    @Test
    void recomputingNeedsAKnownVersionAndATrailFromTheCreation() {
        assertThatThrownBy(() -> ONLY_V1.recompute(List.of(CREATION), "gold", 2, at(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SLA policy gold version 2");
        assertThatThrownBy(() -> BOTH.recompute(List.of(TO_L2), "gold", 2, at(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("begins with TicketCreated");
        assertThatThrownBy(() -> BOTH.recompute(List.of(), "gold", 2, at(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BOTH.recompute(List.of(CREATION, TO_L2), "gold", 2, at(0.5), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the last event");
    }

    @Test
    void aStoredClocksTimelineNamesTheEventsThatCausedEachStep() {
        List<TicketEvent> trail = List.of(CREATION, TO_L2, RESOLVE);
        SlaUpdate recomputed = BOTH.recompute(trail, "gold", 2, at(4), List.of());
        SlaClockSnapshot second = recomputed.clocks().get(1);
        assertThat(second.status()).isEqualTo(ClockStatus.BREACHED);
        List<ClockChange> steps = BOTH.explain(trail, second, at(4));
        assertThat(steps).extracting(ClockChange::toString).containsExactly(
                "2026-12-01T09:00:00Z #2 NOT_STARTED -> RUNNING: started: new cycle after the reset, goal PT2H"
                        + " [Assigned #2 by person:alice]",
                "2026-12-01T10:00:00Z #2 RUNNING: warning: 50% of the goal PT2H elapsed",
                "2026-12-01T11:00:00Z #2 RUNNING -> BREACHED: breached: the goal PT2H elapsed while the clock ran",
                "2026-12-01T11:30:00Z #2 BREACHED: stopped: stop condition holds (category in [RESOLVED])"
                        + " [StateChanged #3 by person:alice]");
        assertThat(BOTH.explain(trail, recomputed.clocks().get(0), at(4))).extracting(ClockChange::cause).containsExactly(
                "started: first change of the ticket, goal PT2H for P3 [TicketCreated #1 by person:alice]",
                "cycle ended: field assignmentGroup changed from (none) to \"group:l2\" resets the target"
                        + " [Assigned #2 by person:alice]");
    }
}
