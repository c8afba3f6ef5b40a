package dev.itsmkit.sla.internal;

import java.time.LocalDate;

/**
 * Open all day every day. Its instants are every instant whatever the zone, so it combines with a calendar of
 * any zone.
 */
public enum AlwaysRule implements DayRule {
    /** The only instance. */
    INSTANCE;

    @Override
    public int[] secondsOn(LocalDate date) {
        return ALL_DAY;
    }
}
