package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.internal.AlwaysRule;
import dev.itsmkit.sla.internal.CombinedRule;
import dev.itsmkit.sla.internal.CombinedRule.Operation;
import dev.itsmkit.sla.internal.DayRule;
import dev.itsmkit.sla.internal.Timeline;
import dev.itsmkit.sla.internal.WeeklyRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When the clock of an SLA runs: opening hours laid in the local time of a zone, with holidays and dated
 * exceptions, and the arithmetic of business time on them.
 *
 * <pre>{@code
 * BusinessCalendar office = BusinessCalendar.builder()
 *         .zone(ZoneId.of("Europe/Berlin"))
 *         .hours(DayOfWeek.MONDAY, "09:00-17:00")
 *         .hours(DayOfWeek.TUESDAY, "09:00-12:00", "13:00-17:00")
 *         .holiday(LocalDate.of(2026, 12, 25))
 *         .yearlyHoliday(MonthDay.of(1, 1))
 *         .exception(LocalDate.of(2026, 12, 24), "09:00-12:00")
 *         .build();
 * Instant due = office.add(openedAt, Duration.ofHours(4));
 * }</pre>
 *
 * <h2>What a date's hours are</h2>
 * A dated exception's hours (an empty list closes the day) win over a holiday; a holiday (dated or yearly)
 * closes the day; otherwise the weekday's hours apply, and a weekday without hours is closed.
 *
 * <h2>Business time</h2>
 * Business time is real elapsed time (seconds of instants) that falls inside open intervals. The intervals are
 * laid in local wall-clock time and mapped to instants through the zone: an instant is open when its local
 * time (in the zone, at that instant) falls in an open interval of its local date. So a local time that does
 * not exist (a DST gap) is not counted, and a local hour that happens twice (a DST overlap) counts twice if it
 * is open. Intervals are closed at their start and open at their end. Arithmetic is exact to the nanosecond.
 *
 * <h2>Combining calendars</h2>
 * Calendars are sets of open instants and combine as sets: {@link #intersection} (open where all are),
 * {@link #union} (open where any is) and {@link #minus} (open where this is and the other is not), for example
 * a team's hours minus the company's holidays:
 * {@code teamHours.minus(companyHolidays.asCalendar(teamHours.zone()))}. Combined calendars must share a zone,
 * because hours are combined date by date in local time; {@link #always()} combines with any zone.
 *
 * <h2>Range and cost</h2>
 * Instants from {@link #SUPPORTED_FROM} (1850-01-01T00:00Z, inclusive) to {@link #SUPPORTED_UNTIL}
 * (2400-01-01T00:00Z, exclusive) are supported; others are refused. Each calendar builds, on first use and once,
 * a table of its open instants per year; {@link #isOpen}, {@link #nextOpening} and {@link #nextClosing} are
 * binary searches in it, and {@link #add} and {@link #between} cost two binary searches plus one addition per
 * year spanned. Build a calendar once and share it.
 *
 * <p>Instances are immutable and thread-safe; they compare equal when their definitions are equal.
 */
public final class BusinessCalendar {
    /** The first instant a calendar supports: 1850-01-01T00:00:00Z. */
    public static final Instant SUPPORTED_FROM = Timeline.SUPPORTED_FROM;
    /** The first instant after the range a calendar supports: 2400-01-01T00:00:00Z. */
    public static final Instant SUPPORTED_UNTIL = Timeline.SUPPORTED_UNTIL;

    private static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneOffset.UTC, AlwaysRule.INSTANCE);

    private final ZoneId zone;
    private final DayRule rule;
    private final Timeline timeline;

    private BusinessCalendar(ZoneId zone, DayRule rule) {
        this.zone = zone;
        this.rule = rule;
        this.timeline = new Timeline(zone, rule);
    }

    /** For {@link Holidays#asCalendar}: a calendar from a rule of the internal package. */
    static BusinessCalendar fromRule(ZoneId zone, DayRule rule) {
        return new BusinessCalendar(zone, rule);
    }

    /**
     * Returns a builder for a calendar that is closed until hours are given.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the calendar in which every instant counts ({@code 24x7}); its zone is UTC, and it combines with
     * calendars of any zone.
     *
     * @return the calendar
     */
    public static BusinessCalendar always() {
        return ALWAYS;
    }

    /**
     * Returns the calendar open where all the given calendars are open.
     *
     * @param first a calendar
     * @param others more calendars, in the same zone as {@code first} (or {@link #always()})
     * @return the intersection; {@code first} itself if there are no others
     * @throws IllegalArgumentException if the calendars are in different zones
     */
    public static BusinessCalendar intersection(BusinessCalendar first, BusinessCalendar... others) {
        return combine(Operation.INTERSECTION, first, others);
    }

    /**
     * Returns the calendar open where any of the given calendars is open.
     *
     * @param first a calendar
     * @param others more calendars, in the same zone as {@code first} (or {@link #always()})
     * @return the union; {@code first} itself if there are no others
     * @throws IllegalArgumentException if the calendars are in different zones
     */
    public static BusinessCalendar union(BusinessCalendar first, BusinessCalendar... others) {
        return combine(Operation.UNION, first, others);
    }

    /**
     * Returns the calendar open where this one is open and {@code other} is closed: for example a team's hours
     * minus the company's holidays, {@code teamHours.minus(holidays.asCalendar(teamHours.zone()))}.
     *
     * @param other the open time to take away, in the same zone as this (or {@link #always()})
     * @return the difference
     * @throws IllegalArgumentException if the calendars are in different zones
     */
    public BusinessCalendar minus(BusinessCalendar other) {
        return combine(Operation.MINUS, this, other);
    }

    private static BusinessCalendar combine(Operation operation, BusinessCalendar first, BusinessCalendar... others) {
        requireNonNull(first, "first");
        requireNonNull(others, "others");
        if (others.length == 0) {
            return first;
        }
        List<DayRule> rules = new ArrayList<>();
        ZoneId zone = first.zone;
        boolean zoneFromAlways = first.rule == AlwaysRule.INSTANCE;
        rules.add(first.rule);
        for (BusinessCalendar other : others) {
            requireNonNull(other, "calendar");
            rules.add(other.rule);
            if (other.rule == AlwaysRule.INSTANCE || other.zone.equals(zone)) {
                continue;
            }
            if (!zoneFromAlways) {
                throw new IllegalArgumentException("calendars combined must share a zone, because their hours are "
                        + "combined date by date in local time; got " + zone + " and " + other.zone);
            }
            zone = other.zone;
            zoneFromAlways = false;
        }
        return new BusinessCalendar(zone, new CombinedRule(operation, rules));
    }

    /**
     * Returns the zone in whose local time the hours are laid.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the open hours of a local date, holidays, exceptions and combinations applied.
     *
     * @param date a local date in the calendar's zone
     * @return the open intervals sorted by start, touching intervals merged; empty if the date is closed
     */
    public List<OpeningHours> hoursOn(LocalDate date) {
        int[] seconds = rule.secondsOn(requireNonNull(date, "date"));
        List<OpeningHours> hours = new ArrayList<>(seconds.length / 2);
        for (int i = 0; i < seconds.length; i += 2) {
            LocalTime start = LocalTime.ofSecondOfDay(seconds[i]);
            hours.add(seconds[i + 1] == 86_400 ? OpeningHours.untilMidnight(start)
                    : OpeningHours.of(start, LocalTime.ofSecondOfDay(seconds[i + 1])));
        }
        return List.copyOf(hours);
    }

    /**
     * Tells whether the calendar is open at an instant; intervals are closed at their start and open at their
     * end.
     *
     * @param instant the instant
     * @return {@code true} if business time runs at that instant
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public boolean isOpen(Instant instant) {
        return timeline.isOpen(requireNonNull(instant, "instant"));
    }

    /**
     * Returns the earliest instant at which a business duration has elapsed since an instant. Adding zero
     * gives the instant itself, even when the calendar is closed then; adding a positive duration at a closed
     * instant counts from the next opening, and a result that falls on the end of an open interval is that end,
     * not the next opening.
     *
     * @param start the instant to count from
     * @param duration the business time to add; zero or positive ({@code P2DT3H} is 51 hours of business time)
     * @return the earliest instant at which {@code duration} of business time has elapsed since {@code start}
     * @throws IllegalArgumentException if {@code duration} is negative, if {@code start} is outside the
     *     supported range, or if the calendar is not open long enough before the end of that range
     */
    public Instant add(Instant start, Duration duration) {
        return timeline.add(requireNonNull(start, "start"), requireNonNull(duration, "duration"));
    }

    /**
     * Returns the business time from one instant to another.
     *
     * @param from the first instant
     * @param to the second instant
     * @return the open time between them; negative if {@code to} is before {@code from}
     * @throws IllegalArgumentException if an instant is outside the supported range
     */
    public Duration between(Instant from, Instant to) {
        return timeline.between(requireNonNull(from, "from"), requireNonNull(to, "to"));
    }

    /**
     * Returns the earliest instant at or after an instant at which the calendar is open.
     *
     * @param instant the instant
     * @return {@code instant} itself if the calendar is open then, else the next opening; empty if it does not
     *     open again before {@link #SUPPORTED_UNTIL}
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public Optional<Instant> nextOpening(Instant instant) {
        return timeline.nextOpening(requireNonNull(instant, "instant"));
    }

    /**
     * Returns the earliest instant at or after an instant at which the calendar is closed.
     *
     * @param instant the instant
     * @return {@code instant} itself if the calendar is closed then, else the end of the open time containing it
     *     (open intervals that touch, across midnight for example, count as one); empty if the calendar stays
     *     open until {@link #SUPPORTED_UNTIL}
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public Optional<Instant> nextClosing(Instant instant) {
        return timeline.nextClosing(requireNonNull(instant, "instant"));
    }

    /**
     * Compares definitions: zone, hours, holidays, exceptions and how calendars were combined.
     *
     * @param other another object
     * @return {@code true} if it is a calendar with the same definition
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessCalendar that && zone.equals(that.zone) && rule.equals(that.rule);
    }

    @Override
    public int hashCode() {
        return 31 * zone.hashCode() + rule.hashCode();
    }

    /**
     * Describes the definition, for logs and test failures.
     *
     * @return for example {@code BusinessCalendar[Europe/Berlin: MON=[09:00-17:00], holidays=[2026-12-25]]}
     */
    @Override
    public String toString() {
        return rule == AlwaysRule.INSTANCE ? "BusinessCalendar[24x7]" : "BusinessCalendar[" + zone + ": " + rule + "]";
    }

    /**
     * Collects a calendar's definition; {@link #build()} checks it. Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private @Nullable ZoneId zone;
        private final Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new LinkedHashSet<>();
        private final Set<MonthDay> yearly = new LinkedHashSet<>();
        private final Map<LocalDate, List<OpeningHours>> exceptions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the zone in whose local time the hours are laid. Required.
         *
         * @param zone an IANA zone such as {@code Europe/Berlin}, or a fixed offset
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the hours of a weekday, replacing any given before.
         *
         * @param day the weekday
         * @param hours its open intervals, which must not overlap; empty closes the day
         * @return this builder
         * @throws IllegalArgumentException if two intervals overlap
         */
        public Builder hours(DayOfWeek day, List<OpeningHours> hours) {
            requireNonNull(day, "day");
            weekly.put(day, checked(day.toString(), hours));
            return this;
        }

        /**
         * Sets the hours of a weekday from text, replacing any given before.
         *
         * @param day the weekday
         * @param hours intervals written {@code HH:MM-HH:MM} (end {@code 24:00} allowed), which must not overlap;
         *     none closes the day
         * @return this builder
         * @throws IllegalArgumentException if an interval is malformed or two overlap
         */
        public Builder hours(DayOfWeek day, String... hours) {
            return hours(day, parse(hours));
        }

        /**
         * Closes a date all day (unless an exception gives it hours).
         *
         * @param date the holiday
         * @return this builder
         */
        public Builder holiday(LocalDate date) {
            holidays.add(requireNonNull(date, "date"));
            return this;
        }

        /**
         * Closes a month and day every year (unless an exception gives a date hours); a 29 February closes only
         * in leap years.
         *
         * @param monthDay the yearly holiday
         * @return this builder
         */
        public Builder yearlyHoliday(MonthDay monthDay) {
            yearly.add(requireNonNull(monthDay, "monthDay"));
            return this;
        }

        /**
         * Closes every date and yearly day of a set of holidays, for example one read from an iCalendar file.
         *
         * @param holidays the holidays
         * @return this builder
         */
        public Builder holidays(Holidays holidays) {
            requireNonNull(holidays, "holidays");
            this.holidays.addAll(holidays.dates());
            this.yearly.addAll(holidays.yearly());
            return this;
        }

        /**
         * Gives a date its own hours instead of its weekday's, replacing any exception given before for it; an
         * exception wins over a holiday.
         *
         * @param date the date
         * @param hours its open intervals, which must not overlap; empty closes the day
         * @return this builder
         * @throws IllegalArgumentException if two intervals overlap
         */
        public Builder exception(LocalDate date, List<OpeningHours> hours) {
            requireNonNull(date, "date");
            exceptions.put(date, checked(date.toString(), hours));
            return this;
        }

        /**
         * Gives a date its own hours from text instead of its weekday's; see {@link #exception(LocalDate, List)}.
         *
         * @param date the date
         * @param hours intervals written {@code HH:MM-HH:MM} (end {@code 24:00} allowed); none closes the day
         * @return this builder
         * @throws IllegalArgumentException if an interval is malformed or two overlap
         */
        public Builder exception(LocalDate date, String... hours) {
            return exception(date, parse(hours));
        }

        /**
         * Builds the calendar.
         *
         * @return the calendar
         * @throws IllegalStateException if no zone was given
         */
        public BusinessCalendar build() {
            if (zone == null) {
                throw new IllegalStateException("a business calendar needs a zone: call zone(ZoneId.of(\"Europe/Berlin\"))"
                        + " or another IANA zone before build()");
            }
            return new BusinessCalendar(zone, new WeeklyRule(weekly, holidays, yearly, exceptions));
        }

        private static List<OpeningHours> parse(String... hours) {
            requireNonNull(hours, "hours");
            List<OpeningHours> parsed = new ArrayList<>(hours.length);
            for (String text : hours) {
                parsed.add(OpeningHours.parse(text));
            }
            return parsed;
        }

        private static List<OpeningHours> checked(String day, Collection<OpeningHours> hours) {
            List<OpeningHours> copy = List.copyOf(requireNonNull(hours, "hours"));
            for (int i = 0; i < copy.size(); i++) {
                for (int j = i + 1; j < copy.size(); j++) {
                    if (copy.get(i).overlaps(copy.get(j))) {
                        throw new IllegalArgumentException("opening hours of " + day + " overlap: " + copy.get(i)
                                + " and " + copy.get(j) + "; intervals of one day must be disjoint");
                    }
                }
            }
            return copy;
        }
    }
}
