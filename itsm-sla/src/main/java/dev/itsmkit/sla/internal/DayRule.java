package dev.itsmkit.sla.internal;

import java.time.LocalDate;

/**
 * What a calendar is open on one local date, in seconds of that day. Implementations are immutable values
 * (they compare by definition) and thread-safe.
 */
public sealed interface DayRule permits WeeklyRule, HolidayRule, AlwaysRule, CombinedRule {
    /** The whole day, {@code [0, 86400)}. */
    int[] ALL_DAY = {0, 86_400};
    /** No open time. */
    int[] CLOSED = {};

    /**
     * Returns the open intervals of a local date.
     *
     * @param date the local date
     * @return {@code [start0, end0, start1, end1, ...]} in seconds of the day, sorted, disjoint and not touching,
     *     each end up to 86 400; the caller must not modify it
     */
    int[] secondsOn(LocalDate date);
}
