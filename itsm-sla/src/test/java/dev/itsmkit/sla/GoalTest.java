package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.ClockStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /* Monday to Friday 09:00-17:00 in Berlin, Wednesday 2026-12-02 a holiday. */
    private static final BusinessCalendar OFFICE = office().holiday(LocalDate.of(2026, 12, 2)).build();
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState WAITING = TicketState.of("ON_HOLD", StateCategory.PENDING);

    private static BusinessCalendar.Builder office() {
        BusinessCalendar.Builder b = BusinessCalendar.builder().zone(BERLIN);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            b.hours(day, "09:00-17:00");
        }
        return b;
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Instant deadline(Goal goal, Instant start) {
        return OFFICE.add(start, goal.resolve(OFFICE, start));
    }

    @Test
    void twoBusinessDaysIsTheSameClockTimeTwoBusinessDaysLaterSkippingTheHoliday() {
        // Monday 2026-11-30 14:00; Tuesday is a business day, Wednesday a holiday, so Thursday 14:00.
        Instant start = berlin("2026-11-30T14:00");
        assertThat(Goal.businessDays(2).resolve(OFFICE, start)).isEqualTo(Duration.ofHours(16));
        assertThat(deadline(Goal.businessDays(2), start)).isEqualTo(berlin("2026-12-03T14:00"));
    }

    @Test
    void fortyEightBusinessHoursIsSixOfficeDaysNotTwo() {
        Instant start = berlin("2026-11-30T14:00");
        assertThat(Goal.businessHours(48).resolve(OFFICE, start)).isEqualTo(Duration.ofHours(48));
        // 3 h Monday, 8 h Tuesday, holiday, 8 h Thursday, Friday, Monday and Tuesday, 5 h on Wednesday 2026-12-09.
        assertThat(deadline(Goal.businessHours(48), start)).isEqualTo(berlin("2026-12-09T14:00"));
    }

    @Test
    void aDayGoalStartedWhileClosedCountsFromTheNextOpeningAndADeadlineAtAnOpeningIsThePreviousClosing() {
        Instant saturday = berlin("2026-12-05T11:00");
        // Tuesday 09:00 is the opening: no business time of Tuesday is allowed, so Monday's closing is the deadline.
        assertThat(Goal.businessDays(1).resolve(OFFICE, saturday)).isEqualTo(Duration.ofHours(8));
        assertThat(deadline(Goal.businessDays(1), saturday)).isEqualTo(berlin("2026-12-07T17:00"));
        assertThat(deadline(Goal.endOfBusinessDay(0), saturday)).isEqualTo(berlin("2026-12-07T17:00"));
    }

    @Test
    void endOfTheNextBusinessDayAndNineOClockTwoBusinessDaysLater() {
        Instant tuesday = berlin("2026-12-01T16:30");
        assertThat(deadline(Goal.endOfBusinessDay(0), tuesday)).isEqualTo(berlin("2026-12-01T17:00"));
        assertThat(deadline(Goal.endOfBusinessDay(1), tuesday)).isEqualTo(berlin("2026-12-03T17:00"));
        // Friday 09:00 (Wednesday is a holiday) is the opening, the same business time as Thursday's closing.
        assertThat(deadline(Goal.businessDaysAt(2, LocalTime.of(9, 0)), tuesday)).isEqualTo(berlin("2026-12-03T17:00"));
        assertThat(deadline(Goal.businessDaysAt(2, LocalTime.of(10, 15)), tuesday)).isEqualTo(berlin("2026-12-04T10:15"));
        assertThat(Goal.businessDaysAt(2, LocalTime.of(9, 0)).resolve(OFFICE, tuesday)).isEqualTo(Duration.ofMinutes(30 + 8 * 60));
    }

    @Test
    void calendarGoalsRefuseCountsOutOfRangeAndCalendarsWithoutBusinessDays() {
        assertThatThrownBy(() -> Goal.businessDays(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> Goal.endOfBusinessDay(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Goal.businessDaysAt(0, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Goal.businessTime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        BusinessCalendar never = BusinessCalendar.builder().zone(BERLIN).build();
        assertThatThrownBy(() -> Goal.businessDays(1).resolve(never, berlin("2026-11-30T09:30")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never opens");
    }

    @Test
    void onARoundTheClockCalendarBusinessDaysAreWholeDays() {
        BusinessCalendar always = BusinessCalendar.always();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        qt().forAll(integers().between(0, 300 * 24 * 60), integers().between(1, 30)).checkAssert((minute, days) -> {
            Instant start = base.plus(Duration.ofMinutes(minute));
            assertThat(always.zone().getRules().getOffset(start)).isEqualTo(ZoneOffset.UTC);
            assertThat(Goal.businessDays(days).resolve(always, start)).isEqualTo(Duration.ofDays(days));
        });
    }

    @Test
    void aBusinessDayGoalStartedInsideOpeningHoursEndsAtTheSameClockTimeOnABusinessDay() {
        Instant monday = berlin("2026-11-30T09:00");
        qt().forAll(integers().between(1, 8 * 60 - 1), integers().between(0, 20), integers().between(1, 15))
                .assuming((minute, weekday, days) -> weekday != 2) // Wednesday 2026-12-02 is the holiday
                .checkAssert((minute, weekday, days) -> {
                    Instant start = monday.plus(Duration.ofDays(weekday / 5 * 7L + weekday % 5)).plus(Duration.ofMinutes(minute));
                    assertThat(OFFICE.isOpen(start)).isTrue();
                    Instant due = deadline(Goal.businessDays(days), start);
                    assertThat(due.atZone(BERLIN).toLocalTime()).isEqualTo(start.atZone(BERLIN).toLocalTime());
                    assertThat(OFFICE.hoursOn(due.atZone(BERLIN).toLocalDate())).isNotEmpty();
                    long businessDaysBetween = start.atZone(BERLIN).toLocalDate().datesUntil(due.atZone(BERLIN).toLocalDate())
                            .skip(1).filter(d -> !OFFICE.hoursOn(d).isEmpty()).count();
                    assertThat(businessDaysBetween).isEqualTo(days - 1);
                });
    }

    @Test
    void aPauseMovesACalendarGoalsDeadlineByThePausedBusinessTime() {
        SlaTarget target = SlaTarget.builder("resolution").calendar("office").goals(Goals.always(Goal.businessDays(1)))
                .pause(Condition.category(StateCategory.PENDING)).build();
        BusinessCalendars calendars = BusinessCalendars.of(Map.of("office", OFFICE));
        Instant start = berlin("2026-11-30T10:00");
        List<SlaTimeline.Change> changes = List.of(
                new SlaTimeline.Change(start, TicketView.of(NEW, Priority.of(3), Map.of())),
                new SlaTimeline.Change(berlin("2026-11-30T11:00"), TicketView.of(WAITING, Priority.of(3), Map.of())),
                new SlaTimeline.Change(berlin("2026-11-30T13:00"), TicketView.of(NEW, Priority.of(3), Map.of())));
        ClockOutcome outcome = SlaTimeline.replay(SlaPolicy.of("sla", 1, List.of(target)), calendars, changes,
                berlin("2026-11-30T14:00")).get("resolution").get(0);
        assertThat(outcome.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(outcome.goal()).contains(Duration.ofHours(8));
        assertThat(outcome.due()).contains(berlin("2026-12-01T12:00"));
    }

    @Test
    void goalsPerPriorityMixBusinessTimeAndCalendarGoals() {
        Goals goals = Goals.ofGoals(Map.of(Priority.of(1), Goal.businessHours(4))).otherwise(Goal.endOfBusinessDay(1));
        assertThat(goals.goalFor(Priority.of(1))).contains(Goal.businessTime(Duration.ofHours(4)));
        assertThat(goals.goalFor(Priority.of(4))).contains(Goal.endOfBusinessDay(1));
        assertThatThrownBy(() -> Goals.of(Map.of(Priority.of(1), Duration.ofHours(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P1");
    }
}
