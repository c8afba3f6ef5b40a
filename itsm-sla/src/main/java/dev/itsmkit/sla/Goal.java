package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What one target allows one priority: an amount of business time, or a deadline computed on the
 * target's calendar. The two meanings of "2 days" are both here and explicit:
 * {@link #businessHours(long) businessHours(48)} is 48 hours of business time (six 8-hour days in an
 * office calendar), while {@link #businessDays(int) businessDays(2)} is the same clock time two
 * business days later.
 *
 * <p><b>How a deadline goal counts.</b> A calendar goal ({@link BusinessDays}, {@link EndOfBusinessDay},
 * {@link BusinessDaysAt}) fixes its amount of business time when the clock starts: the business time
 * from the start to the deadline computed from it (see {@link #resolve}). From then on the clock
 * counts it like any goal, so a pause pushes the deadline out by the business time paused, warnings
 * are shares of it, and replay, engine and explanation agree. A retarget resolves the new priority's
 * goal from the same start. The anchor of the computation is the start if the calendar is open
 * then, else its next opening: a ticket logged on Saturday is due "two business days later" from
 * Monday's opening.
 *
 * <p><b>A deadline outside opening hours.</b> Business time cannot tell a deadline at an instant
 * when the calendar is closed from the end of the open time before it: "by 09:00 Thursday" in a
 * 09:00-17:00 calendar allows no business time of Thursday, so it is the same goal as "by the end of
 * Wednesday", and the clock's deadline ({@code due}) is Wednesday 17:00. Like any clock running when
 * the calendar closes at its deadline, it is breached once time passes that instant, so a ticket
 * resolved on Thursday at 08:30, before the office opens, has missed it.
 *
 * <p>A <em>business day</em> is a date on which the calendar is open at all. Implementations are
 * immutable records and thread-safe.
 */
public sealed interface Goal {
    /** How far ahead a calendar goal looks for business days before giving up (ten years of dates). */
    int DAYS_SEARCHED = 3660;

    /**
     * Returns a goal of business time.
     *
     * @param time the business time allowed, positive ({@code P2DT3H} is 51 hours of business time)
     * @return the goal
     * @throws IllegalArgumentException if {@code time} is not positive
     */
    static BusinessTime businessTime(Duration time) {
        return new BusinessTime(time);
    }

    /**
     * Returns a goal of whole business hours: {@code businessHours(48)} is 48 hours of business time,
     * whatever the calendar's hours a day.
     *
     * @param hours the business hours allowed, 1 or more
     * @return the goal
     * @throws IllegalArgumentException if {@code hours} is below 1
     */
    static BusinessTime businessHours(long hours) {
        return new BusinessTime(Duration.ofHours(hours));
    }

    /**
     * Returns a goal of business days at the same clock time: started Monday 14:00, two business days
     * is Wednesday 14:00 (Thursday 14:00 if Tuesday is a holiday).
     *
     * @param days the business days allowed, 1 or more
     * @return the goal
     * @throws IllegalArgumentException if {@code days} is below 1
     */
    static BusinessDays businessDays(int days) {
        return new BusinessDays(days);
    }

    /**
     * Returns a goal of "by the end of the business day {@code days} business days later":
     * {@code endOfBusinessDay(0)} is the end of the day the clock starts, {@code endOfBusinessDay(1)}
     * the end of the next business day.
     *
     * @param days business days after the day of the start, 0 or more
     * @return the goal
     * @throws IllegalArgumentException if {@code days} is negative
     */
    static EndOfBusinessDay endOfBusinessDay(int days) {
        return new EndOfBusinessDay(days);
    }

    /**
     * Returns a goal of "by a clock time, a number of business days later", for example "by 09:00 two
     * business days later".
     *
     * @param days business days after the day of the start, 1 or more
     * @param time the local clock time in the calendar's zone on that day
     * @return the goal
     * @throws IllegalArgumentException if {@code days} is below 1
     */
    static BusinessDaysAt businessDaysAt(int days, LocalTime time) {
        return new BusinessDaysAt(days, time);
    }

    /**
     * Returns the business time this goal allows a clock that starts at an instant.
     *
     * @param calendar the target's calendar
     * @param start the instant the clock starts
     * @return the business time, positive
     * @throws IllegalArgumentException if the calendar has no business day within {@link #DAYS_SEARCHED}
     *     days, or the deadline leaves no business time after the start
     */
    Duration resolve(BusinessCalendar calendar, Instant start);

    /**
     * An amount of business time.
     *
     * @param time the business time, positive
     */
    record BusinessTime(Duration time) implements Goal {
        /**
         * Creates the value, checking its components.
         *
         * @param time the business time, positive
         * @throws IllegalArgumentException if {@code time} is not positive
         */
        public BusinessTime {
            requireNonNull(time, "time");
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("a goal must be a positive duration, got " + time);
            }
        }

        @Override
        public Duration resolve(BusinessCalendar calendar, Instant start) {
            return time;
        }

        @Override
        public String toString() {
            return time.toString();
        }
    }

    /**
     * Business days at the same clock time as the start (its next opening if the calendar is closed then).
     *
     * @param days 1 or more
     */
    record BusinessDays(int days) implements Goal {
        /**
         * Creates the value, checking its components.
         *
         * @param days 1 or more
         * @throws IllegalArgumentException if {@code days} is below 1
         */
        public BusinessDays {
            if (days < 1) {
                throw new IllegalArgumentException("a goal in business days counts 1 day or more, got " + days);
            }
        }

        @Override
        public Duration resolve(BusinessCalendar calendar, Instant start) {
            Instant anchor = anchor(calendar, start);
            ZonedDateTime local = anchor.atZone(calendar.zone());
            LocalDate day = businessDayAfter(calendar, local.toLocalDate(), days);
            return positive(calendar, start, ZonedDateTime.of(day, local.toLocalTime(), calendar.zone()).toInstant(), this);
        }

        @Override
        public String toString() {
            return days + " business day" + (days == 1 ? "" : "s") + " at the same time";
        }
    }

    /**
     * The end of the business day a number of business days after the day of the start.
     *
     * @param days 0 (the day of the start) or more
     */
    record EndOfBusinessDay(int days) implements Goal {
        /**
         * Creates the value, checking its components.
         *
         * @param days 0 or more
         * @throws IllegalArgumentException if {@code days} is negative
         */
        public EndOfBusinessDay {
            if (days < 0) {
                throw new IllegalArgumentException("the end of a business day counts 0 days or more, got " + days);
            }
        }

        @Override
        public Duration resolve(BusinessCalendar calendar, Instant start) {
            Instant anchor = anchor(calendar, start);
            ZoneId zone = calendar.zone();
            LocalDate day = businessDayAfter(calendar, anchor.atZone(zone).toLocalDate(), days);
            List<OpeningHours> hours = calendar.hoursOn(day);
            OpeningHours last = hours.get(hours.size() - 1);
            Instant end = last.untilMidnight() ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, last.end(), zone).toInstant();
            return positive(calendar, start, end, this);
        }

        @Override
        public String toString() {
            return days == 0 ? "end of the business day" : "end of the business day " + days + " business day"
                    + (days == 1 ? "" : "s") + " later";
        }
    }

    /**
     * A clock time on the business day a number of business days after the day of the start.
     *
     * @param days 1 or more
     * @param time the local clock time in the calendar's zone
     */
    record BusinessDaysAt(int days, LocalTime time) implements Goal {
        /**
         * Creates the value, checking its components.
         *
         * @param days 1 or more
         * @param time the local clock time
         * @throws IllegalArgumentException if {@code days} is below 1
         */
        public BusinessDaysAt {
            requireNonNull(time, "time");
            if (days < 1) {
                throw new IllegalArgumentException("a clock time some business days later counts 1 day or more, got " + days);
            }
        }

        @Override
        public Duration resolve(BusinessCalendar calendar, Instant start) {
            Instant anchor = anchor(calendar, start);
            LocalDate day = businessDayAfter(calendar, anchor.atZone(calendar.zone()).toLocalDate(), days);
            return positive(calendar, start, ZonedDateTime.of(day, time, calendar.zone()).toInstant(), this);
        }

        @Override
        public String toString() {
            return "by " + time + " " + days + " business day" + (days == 1 ? "" : "s") + " later";
        }
    }

    private static Instant anchor(BusinessCalendar calendar, Instant start) {
        return calendar.nextOpening(start).orElseThrow(() -> new IllegalArgumentException(
                "calendar " + calendar + " never opens after " + start + ", so no business day can be counted"));
    }

    /* The business day `days` business days after `from` (itself a business day); O(days + closed days). */
    private static LocalDate businessDayAfter(BusinessCalendar calendar, LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        for (int searched = 0; left > 0; searched++) {
            if (searched > DAYS_SEARCHED) {
                throw new IllegalArgumentException("calendar " + calendar + " has fewer than " + days
                        + " business days in the " + DAYS_SEARCHED + " days after " + from);
            }
            day = day.plusDays(1);
            if (!calendar.hoursOn(day).isEmpty()) {
                left--;
            }
        }
        return day;
    }

    private static Duration positive(BusinessCalendar calendar, Instant start, Instant deadline, Goal goal) {
        Duration time = calendar.between(start, deadline);
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("the goal " + goal + " leaves no business time for a clock started at "
                    + start + " (deadline " + deadline + ")");
        }
        return time;
    }
}
