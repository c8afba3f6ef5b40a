package dev.itsmkit.sla.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.Holidays;
import java.time.LocalDate;

/**
 * Open all day on holidays, closed otherwise: a holiday calendar to subtract from working hours.
 *
 * @param holidays the days that are open
 */
public record HolidayRule(Holidays holidays) implements DayRule {
    /**
     * Creates the rule.
     *
     * @param holidays the days that are open
     */
    public HolidayRule {
        requireNonNull(holidays, "holidays");
    }

    @Override
    public int[] secondsOn(LocalDate date) {
        return holidays.contains(date) ? ALL_DAY : CLOSED;
    }
}
