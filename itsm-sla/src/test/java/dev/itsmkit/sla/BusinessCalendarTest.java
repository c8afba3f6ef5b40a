package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The "office" calendar of the scenario format's CALENDAR section. */
    static final BusinessCalendar OFFICE = BusinessCalendar.builder()
            .zone(BERLIN)
            .hours(DayOfWeek.MONDAY, "09:00-17:00")
            .hours(DayOfWeek.TUESDAY, "09:00-12:00", "13:00-17:00")
            .hours(DayOfWeek.SATURDAY, "22:00-24:00")
            .holiday(LocalDate.of(2026, 12, 25))
            .holiday(LocalDate.of(2026, 12, 26))
            .yearlyHoliday(MonthDay.of(1, 1))
            .yearlyHoliday(MonthDay.of(12, 25))
            .exception(LocalDate.of(2026, 12, 24), "09:00-12:00")
            .exception(LocalDate.of(2026, 12, 31))
            .build();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static BusinessCalendar sundays(ZoneId zone, String... hours) {
        return BusinessCalendar.builder().zone(zone).hours(DayOfWeek.SUNDAY, hours).build();
    }

    @Nested
    class TheScenarioFormatsChecks {
        @Test
        void addingFourHoursOnTheWednesdayBeforeChristmasEndsOnMondayAtTen() {
            assertThat(OFFICE.add(at("2026-12-23T15:00:00+01:00"), Duration.parse("PT4H")))
                    .isEqualTo(at("2026-12-28T10:00:00+01:00"));
        }

        @Test
        void fromTheWednesdayBeforeChristmasToMondayAtTenIsFourHours() {
            assertThat(OFFICE.between(at("2026-12-23T15:00:00+01:00"), at("2026-12-28T10:00:00+01:00")))
                    .isEqualTo(Duration.ofHours(4));
        }

        @Test
        void christmasEveIsOpenOnlyInTheMorningByItsException() {
            assertThat(OFFICE.isOpen(at("2026-12-24T11:30:00+01:00"))).isTrue();
            assertThat(OFFICE.isOpen(at("2026-12-24T12:30:00+01:00"))).isFalse();
        }

        @Test
        void betweenIsNegativeWhenReversed() {
            assertThat(OFFICE.between(at("2026-12-28T10:00:00+01:00"), at("2026-12-23T15:00:00+01:00")))
                    .isEqualTo(Duration.ofHours(-4));
        }

        @Test
        void aDurationWithDaysCountsTwentyFourBusinessHoursADay() {
            Instant start = at("2026-12-23T15:00:00+01:00");
            assertThat(BusinessCalendar.always().add(start, Duration.parse("P2DT3H")))
                    .isEqualTo(start.plus(Duration.ofHours(51)));
        }

        @Test
        void theDatesHoursApplyHolidaysAndExceptions() {
            assertThat(OFFICE.hoursOn(LocalDate.of(2026, 12, 23))).isEmpty();
            assertThat(OFFICE.hoursOn(LocalDate.of(2026, 12, 24))).containsExactly(OpeningHours.parse("09:00-12:00"));
            assertThat(OFFICE.hoursOn(LocalDate.of(2026, 12, 26))).isEmpty(); // a Saturday, but a holiday
            assertThat(OFFICE.hoursOn(LocalDate.of(2027, 1, 2))).containsExactly(OpeningHours.parse("22:00-24:00"));
            assertThat(OFFICE.hoursOn(LocalDate.of(2027, 12, 25))).isEmpty(); // yearly
            assertThat(OFFICE.hoursOn(LocalDate.of(2026, 12, 29)))
                    .containsExactly(OpeningHours.parse("09:00-12:00"), OpeningHours.parse("13:00-17:00"));
        }
    }

    @Nested
    class AddingAndMeasuring {
        @Test
        void addingZeroToAClosedInstantGivesThatInstant() {
            Instant closed = at("2026-12-23T15:00:00.5+01:00");
            assertThat(OFFICE.isOpen(closed)).isFalse();
            assertThat(OFFICE.add(closed, Duration.ZERO)).isEqualTo(closed);
        }

        @Test
        void aResultAtTheEndOfAnIntervalIsThatEndNotTheNextOpening() {
            assertThat(OFFICE.add(at("2026-12-29T09:00:00+01:00"), Duration.ofHours(3)))
                    .isEqualTo(at("2026-12-29T12:00:00+01:00"));
        }

        @Test
        void addingAtAClosedInstantCountsFromTheNextOpening() {
            assertThat(OFFICE.add(at("2026-12-29T12:15:00+01:00"), Duration.ofMinutes(30)))
                    .isEqualTo(at("2026-12-29T13:30:00+01:00"));
        }

        @Test
        void nanosecondsCount() {
            Instant start = at("2026-12-29T09:00:00.123456789+01:00");
            assertThat(OFFICE.add(start, Duration.ofNanos(1))).isEqualTo(at("2026-12-29T09:00:00.12345679+01:00"));
            assertThat(OFFICE.between(start, at("2026-12-29T12:00:00+01:00")))
                    .isEqualTo(Duration.ofHours(3).minusNanos(123_456_789));
        }

        @Test
        void addingYearsCrossesManyYearlyTables() {
            Instant start = at("2026-12-28T10:00:00+01:00");
            Instant end = OFFICE.add(start, Duration.ofHours(24 * 365));
            assertThat(OFFICE.between(start, end)).isEqualTo(Duration.ofHours(24 * 365));
            // about 17 hours a week: some ten years later
            assertThat(end).isBetween(start.plus(Duration.ofDays(365 * 9)), start.plus(Duration.ofDays(365 * 11)));
        }

        @Test
        void aNegativeDurationIsRefused() {
            assertThatThrownBy(() -> OFFICE.add(at("2026-12-28T10:00:00+01:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zero or positive, got PT-1H");
        }

        @Test
        void instantsOutsideTheSupportedRangeAreRefused() {
            assertThatThrownBy(() -> OFFICE.isOpen(Instant.parse("1849-12-31T23:59:59Z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1849-12-31T23:59:59Z is outside the range")
                    .hasMessageContaining("1850-01-01T00:00:00Z (inclusive) to 2400-01-01T00:00:00Z (exclusive)");
            assertThatThrownBy(() -> OFFICE.between(Instant.parse("2026-01-01T00:00:00Z"), BusinessCalendar.SUPPORTED_UNTIL))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(OFFICE.between(BusinessCalendar.SUPPORTED_FROM, Instant.parse("1850-01-08T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(2 + 8)); // Sat 5 and Mon 7 January; Tuesday 1 January is a holiday
        }

        @Test
        void yearsFrom1900To2200AreSupported() {
            assertThat(OFFICE.between(at("1900-01-01T00:00:00+01:00"), at("2200-12-31T23:59:59+01:00")))
                    .isPositive();
        }

        @Test
        void aCalendarThatNeverOpensCannotAddButMeasuresZero() {
            BusinessCalendar closed = BusinessCalendar.builder().zone(BERLIN).build();
            assertThatThrownBy(() -> closed.add(at("2026-12-28T10:00:00+01:00"), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not open that long before 2400-01-01T00:00:00Z");
            assertThat(closed.between(at("2026-12-28T10:00:00+01:00"), at("2036-12-28T10:00:00+01:00"))).isZero();
            assertThat(closed.nextOpening(at("2026-12-28T10:00:00+01:00"))).isEmpty();
        }
    }

    @Nested
    class OpeningAndClosing {
        @Test
        void intervalsAreClosedAtTheirStartAndOpenAtTheirEnd() {
            assertThat(OFFICE.isOpen(at("2026-12-28T09:00:00+01:00"))).isTrue();
            assertThat(OFFICE.isOpen(at("2026-12-28T08:59:59.999999999+01:00"))).isFalse();
            assertThat(OFFICE.isOpen(at("2026-12-28T16:59:59.999999999+01:00"))).isTrue();
            assertThat(OFFICE.isOpen(at("2026-12-28T17:00:00+01:00"))).isFalse();
        }

        @Test
        void nextOpeningIsTheInstantItselfWhenOpenElseTheNextStart() {
            assertThat(OFFICE.nextOpening(at("2026-12-28T10:00:00+01:00"))).contains(at("2026-12-28T10:00:00+01:00"));
            assertThat(OFFICE.nextOpening(at("2026-12-23T15:00:00+01:00"))).contains(at("2026-12-24T09:00:00+01:00"));
            assertThat(OFFICE.nextOpening(at("2026-12-29T12:00:00+01:00"))).contains(at("2026-12-29T13:00:00+01:00"));
        }

        @Test
        void nextClosingIsTheInstantItselfWhenClosedElseTheEndOfTheOpenTime() {
            assertThat(OFFICE.nextClosing(at("2026-12-23T15:00:00+01:00"))).contains(at("2026-12-23T15:00:00+01:00"));
            assertThat(OFFICE.nextClosing(at("2026-12-29T09:00:00+01:00"))).contains(at("2026-12-29T12:00:00+01:00"));
        }

        @Test
        void nextOpeningLooksIntoTheFollowingYears() {
            BusinessCalendar leapDays = BusinessCalendar.builder().zone(UTC)
                    .exception(LocalDate.of(2032, 2, 29), "10:00-11:00").build();
            assertThat(leapDays.nextOpening(Instant.parse("2026-03-01T00:00:00Z")))
                    .contains(Instant.parse("2032-02-29T10:00:00Z"));
        }

        @Test
        void alwaysNeverClosesAndIsOpenEverywhere() {
            assertThat(BusinessCalendar.always().nextClosing(Instant.parse("2026-12-23T15:00:00Z"))).isEmpty();
            assertThat(BusinessCalendar.always().isOpen(BusinessCalendar.SUPPORTED_FROM)).isTrue();
            assertThat(BusinessCalendar.always().zone()).isEqualTo(java.time.ZoneOffset.UTC);
        }

        @Test
        void openTimeAcrossNewYearIsOneStretch() {
            // 31 December 2016 is a Saturday; the year tables are cut at 2017-01-01T00:00Z
            BusinessCalendar weekends = BusinessCalendar.builder().zone(UTC)
                    .hours(DayOfWeek.SATURDAY, "00:00-24:00").hours(DayOfWeek.SUNDAY, "00:00-24:00").build();
            assertThat(weekends.nextClosing(Instant.parse("2016-12-31T10:00:00Z")))
                    .contains(Instant.parse("2017-01-02T00:00:00Z"));
            assertThat(weekends.between(Instant.parse("2016-12-31T10:00:00Z"), Instant.parse("2017-01-01T10:00:00Z")))
                    .isEqualTo(Duration.ofHours(24));
        }
    }

    @Nested
    class MidnightAsTwentyFourHundred {
        private final BusinessCalendar lateShift = BusinessCalendar.builder().zone(UTC)
                .hours(DayOfWeek.SATURDAY, "22:00-24:00").hours(DayOfWeek.SUNDAY, "00:00-01:00").build();

        @Test
        void anIntervalUntil2400RunsToTheLastNanosecondOfTheDay() {
            assertThat(lateShift.isOpen(Instant.parse("2026-12-26T23:59:59.999999999Z"))).isTrue();
        }

        @Test
        void itJoinsTheNextDaysIntervalFromMidnight() {
            assertThat(lateShift.nextClosing(Instant.parse("2026-12-26T22:30:00Z")))
                    .contains(Instant.parse("2026-12-27T01:00:00Z"));
            assertThat(lateShift.add(Instant.parse("2026-12-26T22:00:00Z"), Duration.ofHours(3)))
                    .isEqualTo(Instant.parse("2026-12-27T01:00:00Z"));
        }

        @Test
        void withoutAnIntervalFromMidnightTheNextDayIsClosedAtMidnight() {
            BusinessCalendar saturdayNights = BusinessCalendar.builder().zone(UTC)
                    .hours(DayOfWeek.SATURDAY, "22:00-24:00").build();
            assertThat(saturdayNights.isOpen(Instant.parse("2026-12-27T00:00:00Z"))).isFalse();
            assertThat(saturdayNights.nextClosing(Instant.parse("2026-12-26T22:30:00Z")))
                    .contains(Instant.parse("2026-12-27T00:00:00Z"));
        }
    }

    @Nested
    class DaylightSavingTime {
        @Test
        void berlinsSpringDayHasTwentyThreeHoursAndSkipsTwoOClock() {
            assertThat(sundays(BERLIN, "00:00-24:00").between(at("2026-03-29T00:00:00+01:00"),
                    at("2026-03-30T00:00:00+02:00"))).isEqualTo(Duration.ofHours(23));
            BusinessCalendar earlyShift = sundays(BERLIN, "01:00-04:00");
            assertThat(earlyShift.between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(earlyShift.add(at("2026-03-29T01:30:00+01:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-03-29T03:30:00+02:00"));
        }

        @Test
        void berlinsAutumnDayHasTwentyFiveHoursAndCountsTwoOClockTwice() {
            assertThat(sundays(BERLIN, "00:00-24:00").between(at("2026-10-25T00:00:00+02:00"),
                    at("2026-10-26T00:00:00+01:00"))).isEqualTo(Duration.ofHours(25));
            BusinessCalendar earlyShift = sundays(BERLIN, "01:00-02:30");
            assertThat(earlyShift.between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(earlyShift.isOpen(at("2026-10-25T02:45:00+02:00"))).isFalse();
            assertThat(earlyShift.isOpen(at("2026-10-25T02:15:00+01:00"))).isTrue();
            assertThat(earlyShift.add(at("2026-10-25T01:00:00+02:00"), Duration.ofMinutes(105)))
                    .isEqualTo(at("2026-10-25T02:15:00+01:00"));
            assertThat(earlyShift.nextOpening(at("2026-10-25T02:45:00+02:00")))
                    .contains(at("2026-10-25T02:00:00+01:00"));
        }

        @Test
        void newYorksSpringGapAndAutumnOverlap() {
            BusinessCalendar oneToThree = sundays(ZoneId.of("America/New_York"), "01:00-03:00");
            assertThat(oneToThree.between(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")))
                    .isEqualTo(Duration.ofHours(1));
            BusinessCalendar oneToTwo = sundays(ZoneId.of("America/New_York"), "01:00-02:00");
            assertThat(oneToTwo.between(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(oneToTwo.add(at("2026-11-01T01:30:00-04:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-11-01T01:30:00-05:00"));
        }

        @Test
        void lordHoweShiftsByHalfAnHour() {
            BusinessCalendar oneToThree = sundays(ZoneId.of("Australia/Lord_Howe"), "01:00-03:00");
            // 5 April 2026: 02:00 (+11:00) falls back to 01:30 (+10:30)
            assertThat(oneToThree.between(at("2026-04-05T00:00:00+11:00"), at("2026-04-06T00:00:00+10:30")))
                    .isEqualTo(Duration.ofMinutes(150));
            // 4 October 2026: 02:00 (+10:30) springs to 02:30 (+11:00)
            assertThat(oneToThree.between(at("2026-10-04T00:00:00+10:30"), at("2026-10-05T00:00:00+11:00")))
                    .isEqualTo(Duration.ofMinutes(90));
            assertThat(oneToThree.add(at("2026-10-04T01:45:00+10:30"), Duration.ofMinutes(30)))
                    .isEqualTo(at("2026-10-04T02:45:00+11:00"));
        }

        @Test
        void santiagoRepeatsTheLastHourOfSaturdayAtMidnight() {
            // 5 April 2026 00:00 (-03:00) falls back to 4 April 23:00 (-04:00)
            BusinessCalendar lateShift = BusinessCalendar.builder().zone(ZoneId.of("America/Santiago"))
                    .hours(DayOfWeek.SATURDAY, "22:00-24:00").build();
            assertThat(lateShift.between(at("2026-04-04T22:00:00-03:00"), at("2026-04-05T12:00:00-04:00")))
                    .isEqualTo(Duration.ofHours(3));
            assertThat(lateShift.nextClosing(at("2026-04-04T22:00:00-03:00")))
                    .contains(at("2026-04-05T00:00:00-04:00"));
            assertThat(lateShift.hoursOn(LocalDate.of(2026, 4, 4))).containsExactly(OpeningHours.parse("22:00-24:00"));
        }

        @Test
        void santiagoSkipsTheFirstHourOfSundayAtMidnight() {
            // 6 September 2026 00:00 (-04:00) springs to 01:00 (-03:00)
            BusinessCalendar nightShift = BusinessCalendar.builder().zone(ZoneId.of("America/Santiago"))
                    .hours(DayOfWeek.SATURDAY, "22:00-24:00").hours(DayOfWeek.SUNDAY, "00:00-02:00").build();
            assertThat(nightShift.between(at("2026-09-05T12:00:00-04:00"), at("2026-09-06T12:00:00-03:00")))
                    .isEqualTo(Duration.ofHours(3));
            assertThat(nightShift.nextClosing(at("2026-09-05T22:00:00-04:00")))
                    .contains(at("2026-09-06T02:00:00-03:00"));
        }

        @Test
        void havanaSpringsForwardAtMidnight() {
            assertThat(sundays(ZoneId.of("America/Havana"), "00:00-24:00")
                    .between(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")))
                    .isEqualTo(Duration.ofHours(23));
        }

        @Test
        void apiaSkippedThe30thOfDecember2011() {
            BusinessCalendar everyDay = BusinessCalendar.builder().zone(ZoneId.of("Pacific/Apia"))
                    .hours(DayOfWeek.FRIDAY, "09:00-17:00").hours(DayOfWeek.THURSDAY, "09:00-17:00").build();
            assertThat(everyDay.between(at("2011-12-29T00:00:00-10:00"), at("2011-12-31T00:00:00+14:00")))
                    .isEqualTo(Duration.ofHours(8)); // Thursday only: Friday the 30th never happened there
        }
    }

    @Nested
    class HolidaysAndExceptions {
        @Test
        void anExceptionWinsOverAHoliday() {
            BusinessCalendar calendar = BusinessCalendar.builder().zone(BERLIN)
                    .hours(DayOfWeek.THURSDAY, "09:00-17:00")
                    .holiday(LocalDate.of(2026, 12, 24))
                    .exception(LocalDate.of(2026, 12, 24), "10:00-11:00")
                    .build();
            assertThat(calendar.hoursOn(LocalDate.of(2026, 12, 24))).containsExactly(OpeningHours.parse("10:00-11:00"));
        }

        @Test
        void anEmptyExceptionClosesTheDay() {
            assertThat(OFFICE.hoursOn(LocalDate.of(2026, 12, 31))).isEmpty();
            BusinessCalendar closedMonday = OFFICE.minus(BusinessCalendar.always());
            assertThat(closedMonday.hoursOn(LocalDate.of(2026, 12, 28))).isEmpty();
        }

        @Test
        void aYearlyHolidayOn29FebruaryClosesOnlyLeapDays() {
            BusinessCalendar calendar = BusinessCalendar.builder().zone(UTC)
                    .hours(DayOfWeek.SUNDAY, "09:00-10:00").hours(DayOfWeek.THURSDAY, "09:00-10:00")
                    .yearlyHoliday(MonthDay.of(2, 29)).build();
            assertThat(calendar.hoursOn(LocalDate.of(2032, 2, 29))).isEmpty();       // a Sunday
            assertThat(calendar.hoursOn(LocalDate.of(2032, 3, 4))).hasSize(1);      // a Thursday
        }

        @Test
        void overlappingIntervalsOfOneDayAreRefused() {
            BusinessCalendar.Builder builder = BusinessCalendar.builder().zone(BERLIN);
            assertThatThrownBy(() -> builder.hours(DayOfWeek.MONDAY, "09:00-12:00", "11:00-13:00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("opening hours of MONDAY overlap: 09:00-12:00 and 11:00-13:00; "
                            + "intervals of one day must be disjoint");
            assertThatThrownBy(() -> builder.exception(LocalDate.of(2026, 12, 24), "09:00-24:00", "23:00-23:30"))
                    .hasMessageContaining("opening hours of 2026-12-24 overlap");
        }

        @Test
        void touchingIntervalsAreAllowedAndMerged() {
            BusinessCalendar calendar = BusinessCalendar.builder().zone(BERLIN)
                    .hours(DayOfWeek.MONDAY, "12:00-17:00", "09:00-12:00").build();
            assertThat(calendar.hoursOn(LocalDate.of(2026, 12, 28))).containsExactly(OpeningHours.parse("09:00-17:00"));
        }

        @Test
        void aCalendarNeedsAZone() {
            assertThatThrownBy(() -> BusinessCalendar.builder().hours(DayOfWeek.MONDAY, "09:00-17:00").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs a zone");
        }
    }

    @Nested
    class Combining {
        private final BusinessCalendar team = weekdays(BERLIN, "08:00-18:00");
        private final BusinessCalendar support = weekdays(BERLIN, "12:00-20:00");

        private BusinessCalendar weekdays(ZoneId zone, String hours) {
            BusinessCalendar.Builder builder = BusinessCalendar.builder().zone(zone);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                builder.hours(day, hours);
            }
            return builder.build();
        }

        @Test
        void aTeamsHoursMinusTheCompanysHolidays() {
            Holidays company = Holidays.of(List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)),
                    List.of(MonthDay.of(12, 25), MonthDay.of(12, 26)));
            BusinessCalendar teamAtWork = team.minus(company.asCalendar(team.zone()));
            assertThat(teamAtWork.hoursOn(LocalDate.of(2026, 12, 23))).containsExactly(OpeningHours.parse("08:00-18:00"));
            assertThat(teamAtWork.hoursOn(LocalDate.of(2026, 12, 24))).isEmpty();
            assertThat(teamAtWork.hoursOn(LocalDate.of(2027, 12, 24))).hasSize(1);   // dated, not yearly
            assertThat(teamAtWork.hoursOn(LocalDate.of(2030, 12, 25))).isEmpty();   // yearly
            // Mon 21 to Fri 1 Jan: 8 weekdays, of which 24, 25 and 31 December are company holidays
            assertThat(teamAtWork.between(at("2026-12-21T00:00:00+01:00"), at("2027-01-02T00:00:00+01:00")))
                    .isEqualTo(Duration.ofHours(10 * 7));
        }

        @Test
        void intersectionIsOpenWhereAllAreAndUnionWhereAnyIs() {
            LocalDate monday = LocalDate.of(2026, 12, 28);
            assertThat(BusinessCalendar.intersection(team, support).hoursOn(monday))
                    .containsExactly(OpeningHours.parse("12:00-18:00"));
            assertThat(BusinessCalendar.union(team, support).hoursOn(monday))
                    .containsExactly(OpeningHours.parse("08:00-20:00"));
            assertThat(team.minus(support).hoursOn(monday)).containsExactly(OpeningHours.parse("08:00-12:00"));
            assertThat(BusinessCalendar.intersection(team)).isSameAs(team);
        }

        @Test
        void calendarsOfDifferentZonesDoNotCombine() {
            BusinessCalendar newYork = weekdays(ZoneId.of("America/New_York"), "09:00-17:00");
            assertThatThrownBy(() -> BusinessCalendar.union(team, newYork))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must share a zone")
                    .hasMessageContaining("Europe/Berlin and America/New_York");
        }

        @Test
        void alwaysCombinesWithAnyZone() {
            BusinessCalendar combined = BusinessCalendar.intersection(BusinessCalendar.always(), team);
            assertThat(combined.zone()).isEqualTo(BERLIN);
            Instant from = at("2026-03-23T00:00:00+01:00");
            Instant to = at("2026-04-06T00:00:00+02:00");
            assertThat(combined.between(from, to)).isEqualTo(team.between(from, to));
            assertThat(BusinessCalendar.always().minus(team).between(from, to))
                    .isEqualTo(Duration.between(from, to).minus(team.between(from, to)));
        }

        @Test
        void calendarsWithTheSameDefinitionAreEqual() {
            assertThat(weekdays(BERLIN, "08:00-18:00")).isEqualTo(team).hasSameHashCodeAs(team);
            assertThat(team).isNotEqualTo(support);
            assertThat(team.minus(support)).isEqualTo(team.minus(support)).isNotEqualTo(support.minus(team));
            assertThat(team.toString()).startsWith("BusinessCalendar[Europe/Berlin: MON=[08:00-18:00]");
        }
    }

    @Test
    void aCalendarSharedByManyThreadsGivesTheSameAnswers() throws Exception {
        BusinessCalendar shared = OFFICE.minus(BusinessCalendar.builder().zone(BERLIN).build());
        List<Instant> starts = new ArrayList<>();
        for (int year = 1990; year < 2060; year++) {
            starts.add(at(year + "-06-15T10:00:00+02:00"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Instant>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (Instant start : starts) {
                    results.add(threads.submit(() -> shared.add(start, Duration.ofHours(2000))));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(OFFICE.add(starts.get(i % starts.size()), Duration.ofHours(2000)));
            }
        } finally {
            threads.shutdown();
        }
    }
}
