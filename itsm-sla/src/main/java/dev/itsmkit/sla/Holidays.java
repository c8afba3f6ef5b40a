package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.internal.HolidayRule;
import dev.itsmkit.sla.internal.IcsParser;
import java.io.Reader;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of days closed all day: dated holidays and holidays that come back every year on the same month and
 * day. Read one from an iCalendar file with {@link #parseIcs(Reader)}, give it to
 * {@link BusinessCalendar.Builder#holidays(Holidays)}, or subtract it from a calendar with
 * {@code hours.minus(holidays.asCalendar(zone))}. Instances are immutable and thread-safe.
 *
 * @param dates holidays on one date; sorted, unmodifiable
 * @param yearly holidays on the same month and day every year (a 29 February only in leap years); sorted,
 *     unmodifiable
 */
public record Holidays(SortedSet<LocalDate> dates, SortedSet<MonthDay> yearly) {
    /**
     * Creates the value, copying both sets.
     *
     * @param dates holidays on one date
     * @param yearly holidays on the same month and day every year
     */
    public Holidays {
        dates = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(dates, "dates")));
        yearly = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(yearly, "yearly")));
    }

    /**
     * Returns holidays made of the given dates and yearly days.
     *
     * @param dates holidays on one date
     * @param yearly holidays on the same month and day every year
     * @return the holidays
     */
    public static Holidays of(Collection<LocalDate> dates, Collection<MonthDay> yearly) {
        return new Holidays(new TreeSet<>(dates), new TreeSet<>(yearly));
    }

    /**
     * Reads the all-day events of an iCalendar (RFC 5545) file as holidays.
     *
     * <p>Every {@code VEVENT} must be an all-day event: {@code DTSTART;VALUE=DATE:20261225}, with an optional
     * {@code DTEND;VALUE=DATE} (exclusive, as RFC 5545 says; an event of several days closes each of them) or
     * {@code DURATION:P3D} / {@code P1W}; without either, the event lasts one day. An event with
     * {@code RRULE:FREQ=YEARLY} (and nothing else in the rule, or {@code INTERVAL=1}) becomes a yearly holiday on
     * each of its days, in every year, including those before its start. Events with {@code STATUS:CANCELLED}
     * are skipped. Long lines folded onto several lines are unfolded. Other properties ({@code SUMMARY},
     * {@code UID}, ...) and other components ({@code VTIMEZONE}, {@code VALARM}) are ignored. Anything that
     * would be silently misread is refused: timed events, other recurrence rules, {@code RDATE},
     * {@code EXDATE}, {@code RECURRENCE-ID}.
     *
     * <p>The reader is read to its end and not closed.
     *
     * @param reader the file's text
     * @return the holidays it lists
     * @throws IcsFormatException if the text is not such a file, naming the line and the fault
     * @throws java.io.UncheckedIOException if reading fails
     */
    public static Holidays parseIcs(Reader reader) {
        return IcsParser.parse(requireNonNull(reader, "reader"));
    }

    /**
     * Tells whether a date is one of these holidays.
     *
     * @param date the date
     * @return {@code true} if it is a dated holiday or falls on a yearly one
     */
    public boolean contains(LocalDate date) {
        return dates.contains(date) || yearly.contains(MonthDay.from(date));
    }

    /**
     * Returns the holidays of both.
     *
     * @param other more holidays
     * @return the union of the two
     */
    public Holidays plus(Holidays other) {
        TreeSet<LocalDate> allDates = new TreeSet<>(dates);
        allDates.addAll(other.dates);
        TreeSet<MonthDay> allYearly = new TreeSet<>(yearly);
        allYearly.addAll(other.yearly);
        return new Holidays(allDates, allYearly);
    }

    /**
     * Returns a calendar that is open all day on these holidays and closed on every other day, to subtract
     * from working hours: {@code teamHours.minus(holidays.asCalendar(teamHours.zone()))}.
     *
     * @param zone the zone whose days the holidays are
     * @return the calendar
     */
    public BusinessCalendar asCalendar(ZoneId zone) {
        return BusinessCalendar.fromRule(requireNonNull(zone, "zone"), new HolidayRule(this));
    }
}
