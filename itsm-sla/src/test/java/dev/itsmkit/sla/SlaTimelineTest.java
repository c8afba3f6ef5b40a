package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.ThresholdCrossing;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class SlaTimelineTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    private static final TicketState WAITING = TicketState.of("ON_HOLD", StateCategory.PENDING);
    private static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);
    private static final TicketState CANCELLED = TicketState.of("CANCELLED", StateCategory.CANCELLED);

    private static SlaTarget.Builder resolution() {
        return SlaTarget.builder("resolution")
                .goals(Goals.of(Map.of(Priority.of(1), Duration.ofHours(4), Priority.of(2), Duration.ofHours(2)))
                        .otherwise(Duration.ofHours(8)))
                .start(Condition.category(StateCategory.NEW, StateCategory.OPEN))
                .pause(Condition.category(StateCategory.PENDING))
                .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
                .cancel(Condition.category(StateCategory.CANCELLED))
                .warnAt(50, 75);
    }

    private static SlaTimeline.Change change(Duration after, TicketState state, int priority) {
        return new SlaTimeline.Change(T0.plus(after), TicketView.of(state, Priority.of(priority), Map.of()));
    }

    private static ClockOutcome last(SlaTarget target, List<SlaTimeline.Change> changes, Instant at) {
        List<ClockOutcome> cycles = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(target)), BusinessCalendars.onlyAlways(),
                changes, at).get(target.name());
        return cycles.get(cycles.size() - 1);
    }

    private static Duration h(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    @Test
    void aTicketResolvedAfterItsGoalIsBreachedAtTheDeadline() {
        ClockOutcome outcome = last(resolution().build(), List.of(change(h(0), NEW, 2), change(h(3), RESOLVED, 2)), T0.plus(h(3)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(outcome.elapsed()).isEqualTo(h(3));
        assertThat(outcome.remaining()).contains(h(-1));
        assertThat(outcome.breachedAt()).contains(T0.plus(h(2)));
        assertThat(outcome.due()).isEmpty();
        assertThat(outcome.warnings()).containsExactly(new ThresholdCrossing(50, T0.plus(h(1))),
                new ThresholdCrossing(75, T0.plus(h(1.5))));
    }

    @Test
    void aTicketResolvedExactlyAtItsDeadlineHasMetIt() {
        ClockOutcome outcome = last(resolution().build(), List.of(change(h(0), NEW, 2), change(h(2), RESOLVED, 2)), T0.plus(h(5)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.MET);
        assertThat(outcome.breachedAt()).isEmpty();
        assertThat(outcome.remaining()).contains(Duration.ZERO);
    }

    @Test
    void pausedTimeDoesNotCountAndMovesTheDeadline() {
        ClockOutcome outcome = last(resolution().build(),
                List.of(change(h(0), NEW, 2), change(h(1), WAITING, 2), change(h(2), OPEN, 2)), T0.plus(h(2.5)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(outcome.elapsed()).isEqualTo(h(1.5));
        assertThat(outcome.due()).contains(T0.plus(h(3)));
        assertThat(outcome.warnings()).containsExactly(new ThresholdCrossing(50, T0.plus(h(1))));
        assertThat(outcome.wallElapsed()).isEqualTo(h(1.5));
        assertThat(outcome.percentElapsed().getAsDouble()).isEqualTo(75.0);
        assertThat(outcome.wallRemaining()).contains(h(0.5));
    }

    @Test
    void aClockPausedExactlyAtAThresholdCrossesItOnResumingWithTheOriginalInstant() {
        List<SlaTimeline.Change> changes = List.of(change(h(0), NEW, 2), change(h(1), WAITING, 2), change(h(5), OPEN, 2));
        assertThat(last(resolution().build(), changes, T0.plus(h(4))).warnings()).isEmpty();
        ClockOutcome resumed = last(resolution().build(), changes, T0.plus(h(5.1)));
        assertThat(resumed.warnings()).containsExactly(new ThresholdCrossing(50, T0.plus(h(1))));
        assertThat(resumed.status()).isEqualTo(ClockStatus.RUNNING);
    }

    @Test
    void aLowerGoalAfterARetargetCanBeBreachedInThePast() {
        ClockOutcome outcome = last(resolution().build(), List.of(change(h(0), NEW, 3), change(h(5), OPEN, 1)), T0.plus(h(5)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(outcome.breachedAt()).contains(T0.plus(h(4)));
        assertThat(outcome.goal()).contains(h(4));
        assertThat(outcome.due()).contains(T0.plus(h(4)));
    }

    @Test
    void aHigherGoalAfterARetargetLiftsABreach() {
        ClockOutcome outcome = last(resolution().build(), List.of(change(h(0), NEW, 2), change(h(3), OPEN, 3)), T0.plus(h(3)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(outcome.breachedAt()).isEmpty();
        assertThat(outcome.due()).contains(T0.plus(h(8)));
    }

    @Test
    void aRestartOnPriorityChangeEndsTheCycleAndStartsAnotherFromZero() {
        SlaTarget target = resolution().onPriorityChange(PriorityChangeRule.RESTART).build();
        List<ClockOutcome> cycles = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(target)), BusinessCalendars.onlyAlways(),
                List.of(change(h(0), NEW, 2), change(h(3), OPEN, 1)), T0.plus(h(4))).get("resolution");
        assertThat(cycles).hasSize(2);
        assertThat(cycles.get(0).status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(cycles.get(0).elapsed()).isEqualTo(h(3));
        assertThat(cycles.get(1).status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(cycles.get(1).elapsed()).isEqualTo(h(1));
        assertThat(cycles.get(1).due()).contains(T0.plus(h(7)));
        assertThat(cycles.get(1).cycles()).isEqualTo(2);
    }

    @Test
    void aCancelledClockReportsCancelledButStillSaysWhenItBreached() {
        ClockOutcome outcome = last(resolution().build(), List.of(change(h(0), NEW, 2), change(h(3), CANCELLED, 2)), T0.plus(h(6)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.CANCELLED);
        assertThat(outcome.breachedAt()).contains(T0.plus(h(2)));
        assertThat(outcome.elapsed()).isEqualTo(h(3));
        assertThat(outcome.due()).isEmpty();
    }

    @Test
    void aTicketOpenedAlreadyAnsweredStartsAndStopsAtOnce() {
        ClockOutcome outcome = last(resolution().build(), List.of(change(h(0), RESOLVED, 2)), T0.plus(h(1)));
        assertThat(outcome.status()).isEqualTo(ClockStatus.NOT_STARTED);
        SlaTarget firstResponse = SlaTarget.builder("response").goals(Goals.always(h(1)))
                .stop(Condition.fieldPresent("firstResponse", true)).build();
        ClockOutcome answered = last(firstResponse, List.of(new SlaTimeline.Change(T0, TicketView.of(NEW, Priority.of(3),
                Map.of("firstResponse", FieldValue.of(T0))))), T0.plus(h(2)));
        assertThat(answered.status()).isEqualTo(ClockStatus.MET);
        assertThat(answered.elapsed()).isEqualTo(Duration.ZERO);
        assertThat(answered.cycles()).isEqualTo(1);
    }

    @Test
    void aRestartConditionBeginsANewCycleOnlyAfterTheStoppingChange() {
        SlaTarget target = resolution().restart(Condition.category(StateCategory.OPEN)).build();
        List<ClockOutcome> cycles = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(target)), BusinessCalendars.onlyAlways(),
                List.of(change(h(0), NEW, 2), change(h(1), RESOLVED, 2), change(h(3), OPEN, 2)), T0.plus(h(3.5)))
                .get("resolution");
        assertThat(cycles).extracting(ClockOutcome::status).containsExactly(ClockStatus.MET, ClockStatus.RUNNING);
        assertThat(cycles.get(1).elapsed()).isEqualTo(h(0.5));
    }

    @Test
    void aPriorityWithoutAGoalKeepsTheClockFromStartingUntilOneApplies() {
        SlaTarget target = resolution().goals(Goals.of(Map.of(Priority.of(1), h(4)))).build();
        List<SlaTimeline.Change> changes = List.of(change(h(0), NEW, 3), change(h(1), OPEN, 1));
        assertThat(last(target, changes, T0.plus(h(0.5))).status()).isEqualTo(ClockStatus.NOT_STARTED);
        ClockOutcome started = last(target, changes, T0.plus(h(2)));
        assertThat(started.elapsed()).isEqualTo(h(1));
        assertThat(started.due()).contains(T0.plus(h(5)));
    }

    @Test
    void aRunningClockWhoseCalendarClosesAtTheDeadlineIsBreachedOnceTimePassesIt() {
        BusinessCalendar office = BusinessCalendar.builder().zone(ZoneId.of("Europe/Berlin"))
                .hours(DayOfWeek.TUESDAY, "09:00-17:00").hours(DayOfWeek.WEDNESDAY, "09:00-17:00").build();
        SlaTarget target = resolution().calendar("office").build();
        Instant opened = LocalDate.of(2026, 12, 1).atTime(15, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        Instant closing = opened.plus(h(2));
        List<SlaTimeline.Change> changes = List.of(new SlaTimeline.Change(opened, TicketView.of(NEW, Priority.of(2), Map.of())));
        BusinessCalendars calendars = BusinessCalendars.of(Map.of("office", office));
        ClockOutcome atDeadline = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(target)), calendars, changes, closing)
                .get("resolution").get(0);
        assertThat(atDeadline.status()).isEqualTo(ClockStatus.RUNNING);
        ClockOutcome evening = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(target)), calendars, changes,
                closing.plus(h(3))).get("resolution").get(0);
        assertThat(evening.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(evening.elapsed()).isEqualTo(h(2));
        assertThat(evening.remaining()).contains(Duration.ZERO);
        assertThat(evening.wallElapsed()).isEqualTo(h(5));
        assertThat(evening.wallRemaining()).contains(h(-3));
        assertThat(evening.breachedAt()).contains(closing);
    }

    @Test
    void changesOutOfTimeOrderAreRefused() {
        assertThatThrownBy(() -> last(resolution().build(), List.of(change(h(1), NEW, 2), change(h(0), OPEN, 2)), T0.plus(h(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }

    @Test
    void explainingAClockTellsEveryStepAndItsCauseInTimeOrder() {
        SlaPolicy policy = SlaPolicy.of("sla", 1, List.of(resolution().build()));
        List<ClockChange> steps = SlaTimeline.explain(policy, BusinessCalendars.onlyAlways(), List.of(change(h(0), NEW, 3),
                change(h(1), WAITING, 3), change(h(2), OPEN, 3), change(h(3), OPEN, 1), change(h(6), RESOLVED, 1)),
                T0.plus(h(7))).get("resolution");
        assertThat(steps).extracting(ClockChange::cause).containsExactly(
                "started: start condition holds (category in [NEW, OPEN]), goal PT8H for P3",
                "paused: pause condition holds (category in [PENDING])",
                "resumed: pause condition no longer holds (category in [PENDING])",
                "retargeted: priority P3 -> P1, goal PT8H -> PT4H",
                "warning: 50% of the goal PT4H elapsed",
                "warning: 75% of the goal PT4H elapsed",
                "breached: the goal PT4H elapsed while the clock ran",
                "stopped: stop condition holds (category in [CLOSED, RESOLVED])");
        assertThat(steps.get(4).at()).isEqualTo(T0.plus(h(3)));
        assertThat(steps.get(6).at()).isEqualTo(T0.plus(h(5)));
        assertThat(steps.get(7).to()).isEqualTo(ClockStatus.BREACHED);
        // each step starts where the one before it ended: a warning finds the clock running, the breach ends it running
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).from()).as("step %d", i).isEqualTo(steps.get(i - 1).to());
        }
        assertThat(steps.get(4)).extracting(ClockChange::from, ClockChange::to).containsExactly(ClockStatus.RUNNING, ClockStatus.RUNNING);
        assertThat(steps.get(6)).extracting(ClockChange::from, ClockChange::to).containsExactly(ClockStatus.RUNNING, ClockStatus.BREACHED);
    }

    private static final List<TicketState> STATES = List.of(NEW, OPEN, WAITING, RESOLVED, OPEN, CANCELLED);

    private static Gen<List<SlaTimeline.Change>> timelines() {
        Gen<int[]> step = SourceDSL.integers().between(0, 240).zip(SourceDSL.integers().between(0, STATES.size() - 1),
                SourceDSL.integers().between(1, 4), (minutes, state, priority) -> new int[] {minutes, state, priority});
        return SourceDSL.lists().of(step).ofSizeBetween(1, 12).map(steps -> {
            List<SlaTimeline.Change> changes = new ArrayList<>();
            Instant at = T0;
            for (int[] s : steps) {
                at = at.plus(Duration.ofMinutes(s[0]));
                changes.add(new SlaTimeline.Change(at, TicketView.of(STATES.get(s[1]), Priority.of(s[2]), Map.of())));
            }
            return changes;
        });
    }

    @Test
    void anOutcomeDoesNotDependOnHowTheTimelineIsSplitIntoChanges() {
        SlaTarget target = resolution().restart(Condition.category(StateCategory.OPEN)).build();
        qt().forAll(timelines(), SourceDSL.integers().between(0, 100), SourceDSL.integers().between(0, 3000))
                .checkAssert((changes, where, evaluateAfterMinutes) -> {
                    int index = where % changes.size();
                    List<SlaTimeline.Change> split = new ArrayList<>(changes);
                    SlaTimeline.Change repeated = changes.get(index);
                    Instant later = index + 1 < changes.size() ? changes.get(index + 1).at() : repeated.at().plus(h(1));
                    Instant middle = repeated.at().plus(Duration.between(repeated.at(), later).dividedBy(2));
                    split.add(index + 1, new SlaTimeline.Change(middle, repeated.ticket()));
                    Instant at = changes.get(0).at().plus(Duration.ofMinutes(evaluateAfterMinutes));
                    SlaPolicy policy = SlaPolicy.of("sla", 1, List.of(target));
                    assertThat(SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), split, at))
                            .isEqualTo(SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), changes, at));
                });
    }

    @Test
    void elapsedTimeNeverExceedsWallTimeNorCountsPausedTime() {
        SlaTarget target = resolution().build();
        qt().forAll(timelines(), SourceDSL.integers().between(0, 3000)).checkAssert((changes, minutes) -> {
            Instant at = changes.get(0).at().plus(Duration.ofMinutes(minutes));
            ClockOutcome outcome = last(target, changes, at);
            Duration counted = Duration.ZERO;
            for (int i = 0; i < changes.size() && !changes.get(i).at().isAfter(at); i++) {
                Instant end = i + 1 < changes.size() && changes.get(i + 1).at().isBefore(at) ? changes.get(i + 1).at() : at;
                StateCategory category = changes.get(i).ticket().state().category();
                if (category == StateCategory.NEW || category == StateCategory.OPEN) {
                    counted = counted.plus(Duration.between(changes.get(i).at(), end));
                }
            }
            assertThat(outcome.elapsed()).isLessThanOrEqualTo(Duration.between(changes.get(0).at(), at));
            assertThat(outcome.elapsed()).isLessThanOrEqualTo(counted);
        });
    }
}
