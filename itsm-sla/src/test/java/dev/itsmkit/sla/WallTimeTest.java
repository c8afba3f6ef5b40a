package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.ClockStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Elapsed, remaining and percent in wall time, beside business time. */
class WallTimeTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    private static final TicketState WAITING = TicketState.of("ON_HOLD", StateCategory.PENDING);
    private static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);
    private static final TicketState CANCELLED = TicketState.of("CANCELLED", StateCategory.CANCELLED);
    /* Tuesday to Thursday, 09:00-17:00 in Berlin, across the change to winter time in some examples' years. */
    private static final BusinessCalendars CALENDARS = BusinessCalendars.of(Map.of("office", BusinessCalendar.builder()
            .zone(BERLIN).hours(DayOfWeek.TUESDAY, "09:00-17:00").hours(DayOfWeek.WEDNESDAY, "09:00-17:00")
            .hours(DayOfWeek.THURSDAY, "09:00-17:00").build()));

    /* P1 4h, P2 2h, else 8h; paused while pending. */
    private static SlaTarget resolution(String calendar) {
        return SlaTarget.builder("resolution").calendar(calendar)
                .goals(Goals.of(Map.of(Priority.of(1), Duration.ofHours(4), Priority.of(2), Duration.ofHours(2)))
                        .otherwise(Duration.ofHours(8)))
                .pause(Condition.category(StateCategory.PENDING))
                .stop(Condition.category(StateCategory.RESOLVED))
                .cancel(Condition.category(StateCategory.CANCELLED)).build();
    }

    private static Duration h(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    private static SlaTimeline.Change change(Instant at, TicketState state, int priority) {
        return new SlaTimeline.Change(at, TicketView.of(state, Priority.of(priority), Map.of()));
    }

    private static ClockOutcome outcome(String calendar, List<SlaTimeline.Change> changes, Instant at) {
        List<ClockOutcome> cycles = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(resolution(calendar))),
                calendar.equals("office") ? CALENDARS : BusinessCalendars.onlyAlways(), changes, at).get("resolution");
        return cycles.get(cycles.size() - 1);
    }

    private static ClockOutcome always(Instant at, SlaTimeline.Change... changes) {
        return outcome(BusinessCalendars.ALWAYS, List.of(changes), at);
    }

    @Test
    void onOfficeHoursTheWallPercentIsTheShareOfTheRealTimeToTheDeadline() {
        // opened Tuesday 15:00 Berlin with 4 business hours: 2 on Tuesday, 2 on Wednesday, due Wednesday 11:00
        Instant opened = LocalDate.of(2026, 12, 1).atTime(15, 0).atZone(BERLIN).toInstant();
        Instant evening = opened.plus(h(5));
        ClockOutcome outcome = outcome("office", List.of(change(opened, NEW, 1)), evening);
        assertThat(outcome.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(outcome.due()).contains(opened.plus(h(20)));
        assertThat(outcome.elapsed()).isEqualTo(h(2));
        assertThat(outcome.percentElapsed().getAsDouble()).isEqualTo(50.0);
        assertThat(outcome.wallElapsed()).isEqualTo(h(5));
        assertThat(outcome.wallGoal()).contains(h(20));
        assertThat(outcome.wallRemaining()).contains(h(15));
        assertThat(outcome.wallPercentElapsed().getAsDouble()).isEqualTo(25.0);
    }

    @Test
    void pausedTimeCountsInNeitherTheWallElapsedTimeNorTheWallGoal() {
        ClockOutcome outcome = always(T0.plus(h(3)), change(T0, NEW, 1), change(T0.plus(h(1)), WAITING, 1),
                change(T0.plus(h(2)), OPEN, 1));
        assertThat(outcome.wallElapsed()).isEqualTo(h(2));
        assertThat(outcome.wallGoal()).contains(h(4));
        assertThat(outcome.wallPercentElapsed().getAsDouble()).isEqualTo(50.0);
        assertThat(outcome.wallRemaining()).contains(h(2));
    }

    @Test
    void aClockBreachedBeforeAPauseKeepsTheWallGoalItHadAtItsDeadline() {
        // P2, 2h: breached at 2h, paused from 3h to 5h, running again at 6h
        ClockOutcome outcome = always(T0.plus(h(6)), change(T0, NEW, 2), change(T0.plus(h(3)), WAITING, 2),
                change(T0.plus(h(5)), OPEN, 2));
        assertThat(outcome.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(outcome.wallElapsed()).isEqualTo(h(4));
        assertThat(outcome.wallGoal()).contains(h(2));
        assertThat(outcome.wallPercentElapsed().getAsDouble()).isEqualTo(200.0);
        // the deadline passed four hours of real time ago, the pause included
        assertThat(outcome.wallRemaining()).contains(h(-4));
    }

    @Test
    void aPausedClockThatHasNotReachedItsGoalHasNoWallGoalNorWallRemaining() {
        ClockOutcome outcome = always(T0.plus(h(3)), change(T0, NEW, 2), change(T0.plus(h(1)), WAITING, 2));
        assertThat(outcome.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(outcome.percentElapsed().getAsDouble()).isEqualTo(50.0);
        assertThat(outcome.remaining()).contains(h(1));
        assertThat(outcome.wallGoal()).isEmpty();
        assertThat(outcome.wallPercentElapsed()).isEmpty();
        assertThat(outcome.wallRemaining()).isEmpty();
    }

    @Test
    void aBreachedClockThatIsPausedOrStoppedHasAWallPercentButNoWallRemaining() {
        ClockOutcome paused = always(T0.plus(h(4)), change(T0, NEW, 2), change(T0.plus(h(3)), WAITING, 2));
        ClockOutcome stopped = always(T0.plus(h(5)), change(T0, NEW, 2), change(T0.plus(h(3)), RESOLVED, 2));
        for (ClockOutcome outcome : List.of(paused, stopped)) {
            assertThat(outcome.status()).isEqualTo(ClockStatus.BREACHED);
            assertThat(outcome.remaining()).contains(h(-1));
            assertThat(outcome.wallRemaining()).isEmpty();
            assertThat(outcome.wallGoal()).contains(h(2));
            assertThat(outcome.wallPercentElapsed().getAsDouble()).isEqualTo(150.0);
        }
    }

    @Test
    void aMetOrCancelledClockBeforeItsGoalHasNoWallGoal() {
        ClockOutcome met = always(T0.plus(h(3)), change(T0, NEW, 2), change(T0.plus(h(1)), RESOLVED, 2));
        ClockOutcome cancelled = always(T0.plus(h(3)), change(T0, NEW, 2), change(T0.plus(h(1)), CANCELLED, 2));
        assertThat(met.status()).isEqualTo(ClockStatus.MET);
        assertThat(cancelled.status()).isEqualTo(ClockStatus.CANCELLED);
        for (ClockOutcome outcome : List.of(met, cancelled)) {
            assertThat(outcome.percentElapsed().getAsDouble()).isEqualTo(50.0);
            assertThat(outcome.wallGoal()).isEmpty();
            assertThat(outcome.wallPercentElapsed()).isEmpty();
            assertThat(outcome.wallRemaining()).isEmpty();
        }
    }

    @Test
    void aClockThatHasNotStartedHasNoPercentInEitherTime() {
        ClockOutcome outcome = ClockOutcome.notStarted("resolution", T0);
        assertThat(outcome.percentElapsed()).isEmpty();
        assertThat(outcome.wallPercentElapsed()).isEmpty();
        assertThat(outcome.wallGoal()).isEmpty();
    }

    private static final List<TicketState> STATES = List.of(NEW, OPEN, WAITING, RESOLVED, OPEN, WAITING);

    private static Gen<List<SlaTimeline.Change>> timelines() {
        Gen<int[]> step = SourceDSL.integers().between(0, 600).zip(SourceDSL.integers().between(0, STATES.size() - 1),
                SourceDSL.integers().between(1, 4), (minutes, state, priority) -> new int[] {minutes, state, priority});
        // starts on Tuesday 2026-10-20 .. days before the change to winter time in Berlin (Sunday 25 October)
        return SourceDSL.lists().of(step).ofSizeBetween(1, 10).zip(SourceDSL.integers().between(0, 6 * 24 * 60),
                (steps, offset) -> {
                    List<SlaTimeline.Change> changes = new ArrayList<>();
                    Instant at = Instant.parse("2026-10-20T05:00:00Z").plus(Duration.ofMinutes(offset));
                    for (int[] s : steps) {
                        at = at.plus(Duration.ofMinutes(s[0]));
                        changes.add(change(at, STATES.get(s[1]), s[2]));
                    }
                    return changes;
                });
    }

    @Test
    void onA24x7CalendarTheWallFiguresAreTheBusinessFigures() {
        qt().forAll(timelines(), SourceDSL.integers().between(0, 5000)).checkAssert((changes, minutes) -> {
            Instant at = changes.get(0).at().plus(Duration.ofMinutes(minutes));
            ClockOutcome outcome = outcome(BusinessCalendars.ALWAYS, changes, at);
            assertThat(outcome.wallElapsed()).isEqualTo(outcome.elapsed());
            boolean deadlineKnown = outcome.due().isPresent() || outcome.breachedAt().isPresent();
            assertThat(outcome.wallGoal().isPresent()).isEqualTo(deadlineKnown);
            if (deadlineKnown) {
                assertThat(outcome.wallGoal()).isEqualTo(outcome.goal());
                assertThat(outcome.wallPercentElapsed()).isEqualTo(outcome.percentElapsed());
            }
        });
    }

    @Test
    void theWallGoalIsNeverShorterThanTheGoalAndTheRunningClocksAgreeWithTheirDueInstant() {
        qt().forAll(timelines(), SourceDSL.integers().between(0, 8000)).checkAssert((changes, minutes) -> {
            Instant at = changes.get(0).at().plus(Duration.ofMinutes(minutes));
            ClockOutcome outcome = outcome("office", changes, at);
            outcome.wallGoal().ifPresent(wallGoal -> assertThat(wallGoal).isGreaterThanOrEqualTo(outcome.goal().orElseThrow()));
            assertThat(outcome.wallElapsed()).isGreaterThanOrEqualTo(outcome.elapsed());
            if (outcome.status() == ClockStatus.RUNNING) {
                // wall elapsed now plus the real time to the deadline: the value the components alone give
                assertThat(outcome.wallGoal()).contains(outcome.wallElapsed().plus(outcome.wallRemaining().orElseThrow()));
                ClockOutcome fromComponents = new ClockOutcome(outcome.target(), outcome.cycle(), outcome.status(),
                        outcome.goal(), outcome.elapsed(), outcome.wallElapsed(), outcome.remaining(), outcome.due(),
                        outcome.breachedAt(), outcome.warnings(), outcome.cycles(), outcome.at());
                assertThat(fromComponents).isEqualTo(outcome);
            }
            if (outcome.wallPercentElapsed().isPresent() && outcome.breachedAt().isEmpty()) {
                assertThat(outcome.wallPercentElapsed().getAsDouble()).isLessThanOrEqualTo(100.0);
            }
        });
    }
}
