package dev.itsmkit.sla.internal;

import dev.itsmkit.sla.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Weekly hours, holidays, yearly holidays and dated exceptions. An exception wins over a holiday, a holiday
 * over the weekday's hours. Immutable; compares by definition.
 */
public final class WeeklyRule implements DayRule {
    private final Map<DayOfWeek, List<OpeningHours>> weekly;
    private final SortedSet<LocalDate> holidays;
    private final SortedSet<MonthDay> yearly;
    private final SortedMap<LocalDate, List<OpeningHours>> exceptions;

    // the same, as seconds of the day, for the hot path that builds year tables
    private final int[][] secondsByDayOfWeek = new int[7][];
    private final Map<LocalDate, int[]> exceptionSeconds = new HashMap<>();

    /**
     * Creates the rule; the caller has checked that no day's intervals overlap.
     *
     * @param weekly hours per weekday; a weekday absent is closed
     * @param holidays dates closed all day
     * @param yearly month-days closed all day every year
     * @param exceptions dates with their own hours (an empty list closes the day)
     */
    public WeeklyRule(Map<DayOfWeek, List<OpeningHours>> weekly, Iterable<LocalDate> holidays,
            Iterable<MonthDay> yearly, Map<LocalDate, List<OpeningHours>> exceptions) {
        EnumMap<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> hours = sorted(weekly.getOrDefault(day, List.of()));
            days.put(day, hours);
            secondsByDayOfWeek[day.ordinal()] = seconds(hours);
        }
        this.weekly = Collections.unmodifiableMap(days);
        TreeSet<LocalDate> holidaySet = new TreeSet<>();
        holidays.forEach(holidaySet::add);
        this.holidays = Collections.unmodifiableSortedSet(holidaySet);
        TreeSet<MonthDay> yearlySet = new TreeSet<>();
        yearly.forEach(yearlySet::add);
        this.yearly = Collections.unmodifiableSortedSet(yearlySet);
        TreeMap<LocalDate, List<OpeningHours>> exceptionMap = new TreeMap<>();
        exceptions.forEach((date, hours) -> {
            List<OpeningHours> sortedHours = sorted(hours);
            exceptionMap.put(date, sortedHours);
            exceptionSeconds.put(date, seconds(sortedHours));
        });
        this.exceptions = Collections.unmodifiableSortedMap(exceptionMap);
    }

    private static List<OpeningHours> sorted(List<OpeningHours> hours) {
        return hours.stream().sorted((x, y) -> Integer.compare(x.startSecondOfDay(), y.startSecondOfDay())).toList();
    }

    /** Sorted, non-overlapping hours as seconds, touching intervals merged. */
    private static int[] seconds(List<OpeningHours> sortedHours) {
        int[] out = new int[sortedHours.size() * 2];
        int n = 0;
        for (OpeningHours hours : sortedHours) {
            if (n > 0 && out[n - 1] == hours.startSecondOfDay()) {
                out[n - 1] = hours.endSecondOfDay();
            } else {
                out[n++] = hours.startSecondOfDay();
                out[n++] = hours.endSecondOfDay();
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    @Override
    public int[] secondsOn(LocalDate date) {
        int[] exception = exceptionSeconds.get(date);
        if (exception != null) {
            return exception;
        }
        if (holidays.contains(date) || (!yearly.isEmpty() && yearly.contains(MonthDay.from(date)))) {
            return CLOSED;
        }
        return secondsByDayOfWeek[date.getDayOfWeek().ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyRule that && weekly.equals(that.weekly) && holidays.equals(that.holidays)
                && yearly.equals(that.yearly) && exceptions.equals(that.exceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekly, holidays, yearly, exceptions);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        weekly.forEach((day, hours) -> {
            if (!hours.isEmpty()) {
                text.append(text.length() == 0 ? "" : ", ").append(day.name(), 0, 3).append('=').append(hours);
            }
        });
        if (!holidays.isEmpty()) {
            text.append(", holidays=").append(holidays);
        }
        if (!yearly.isEmpty()) {
            text.append(", yearly=").append(yearly);
        }
        if (!exceptions.isEmpty()) {
            text.append(", exceptions=").append(exceptions);
        }
        return text.length() == 0 ? "closed" : text.toString();
    }
}
