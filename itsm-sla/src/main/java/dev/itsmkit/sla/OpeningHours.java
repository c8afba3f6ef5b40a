package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * An opening interval of one day in local wall-clock time, closed at its start and open at its end:
 * {@code 09:00-17:00} is open at 09:00 and closed at 17:00. The end may be midnight at the end of the
 * day, written {@code 24:00}. Instances are immutable and thread-safe.
 *
 * @param start the first open local time of the day
 * @param end the local time at which the interval closes; {@link LocalTime#MIDNIGHT} when {@code untilMidnight}
 * @param untilMidnight whether the interval runs until midnight at the end of the day ({@code 24:00})
 */
public record OpeningHours(LocalTime start, LocalTime end, boolean untilMidnight) {
    private static final int SECONDS_PER_DAY = 86_400;

    /**
     * Creates the interval, checking that it ends after it starts.
     *
     * @param start the first open local time of the day
     * @param end the local time at which the interval closes; {@link LocalTime#MIDNIGHT} when {@code untilMidnight}
     * @param untilMidnight whether the interval runs until midnight at the end of the day ({@code 24:00})
     * @throws IllegalArgumentException if the interval is empty or reversed, if {@code untilMidnight} comes
     *     with an end other than midnight, or if a time has a fraction of a second
     */
    public OpeningHours {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("opening hours are whole seconds, got " + start + "-" + end);
        }
        if (untilMidnight && !end.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("an interval until midnight (24:00) must have end 00:00, got " + end);
        }
        if (!untilMidnight && !end.isAfter(start)) {
            throw new IllegalArgumentException("an opening interval must end after it starts, got " + start + "-" + end
                    + (end.equals(LocalTime.MIDNIGHT) ? " (write 24:00 for midnight at the end of the day)" : ""));
        }
    }

    /**
     * Returns the interval between two local times of one day.
     *
     * @param start the first open local time
     * @param end the local time at which the interval closes, after {@code start}
     * @return the interval
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public static OpeningHours of(LocalTime start, LocalTime end) {
        return new OpeningHours(start, end, false);
    }

    /**
     * Returns the interval from a local time until midnight at the end of the day ({@code 24:00}).
     *
     * @param start the first open local time
     * @return the interval
     */
    public static OpeningHours untilMidnight(LocalTime start) {
        return new OpeningHours(start, LocalTime.MIDNIGHT, true);
    }

    /**
     * Returns the whole day, {@code 00:00-24:00}.
     *
     * @return the interval
     */
    public static OpeningHours allDay() {
        return untilMidnight(LocalTime.MIDNIGHT);
    }

    /**
     * Parses an interval written {@code HH:MM-HH:MM} (or {@code HH:MM:SS-HH:MM:SS}); the end may be {@code 24:00}.
     *
     * @param text the interval, for example {@code 09:00-17:00} or {@code 22:00-24:00}
     * @return the interval
     * @throws IllegalArgumentException if {@code text} is not of that form or the interval is empty or reversed
     */
    public static OpeningHours parse(String text) {
        requireNonNull(text, "text");
        int dash = text.indexOf('-');
        if (dash < 0 || text.indexOf('-', dash + 1) >= 0) {
            throw new IllegalArgumentException("opening hours are written HH:MM-HH:MM, for example 09:00-17:00, got '"
                    + text + "'");
        }
        String startText = text.substring(0, dash).strip();
        String endText = text.substring(dash + 1).strip();
        try {
            LocalTime start = LocalTime.parse(startText);
            if (endText.equals("24:00") || endText.equals("24:00:00")) {
                return untilMidnight(start);
            }
            return of(start, LocalTime.parse(endText));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("opening hours are written HH:MM-HH:MM, for example 09:00-17:00, got '"
                    + text + "'", e);
        }
    }

    /**
     * Returns the second of the day at which the interval opens.
     *
     * @return from 0 to 86 399
     */
    public int startSecondOfDay() {
        return start.toSecondOfDay();
    }

    /**
     * Returns the second of the day at which the interval closes.
     *
     * @return from 1 to 86 400 (midnight at the end of the day)
     */
    public int endSecondOfDay() {
        return untilMidnight ? SECONDS_PER_DAY : end.toSecondOfDay();
    }

    /**
     * Tells whether this interval shares some time with another.
     *
     * @param other another interval of the same day
     * @return {@code true} if they overlap; intervals that only touch ({@code 09:00-12:00}, {@code 12:00-13:00}) do not
     */
    public boolean overlaps(OpeningHours other) {
        return startSecondOfDay() < other.endSecondOfDay() && other.startSecondOfDay() < endSecondOfDay();
    }

    /**
     * Returns the interval as {@code HH:MM-HH:MM}, with {@code 24:00} for midnight at the end of the day.
     *
     * @return the text that {@link #parse(String)} reads back
     */
    @Override
    public String toString() {
        return start + "-" + (untilMidnight ? "24:00" : end.toString());
    }
}
