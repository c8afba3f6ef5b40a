package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A span of time, closed at its start and open at its end: a change's planned window, a blackout.
 *
 * @param start the first instant inside
 * @param end the first instant after, later than {@code start}
 */
public record TimeWindow(Instant start, Instant end) {
    /**
     * Creates the value, checking its components.
     *
     * @param start the first instant inside
     * @param end the first instant after
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public TimeWindow {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time window must end after it starts, got " + start + " to " + end);
        }
    }

    /**
     * Tells whether an instant falls inside.
     *
     * @param instant the instant
     * @return {@code true} if {@code start <= instant < end}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Tells whether two windows share an instant.
     *
     * @param other the other window
     * @return {@code true} if they overlap
     */
    public boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Returns the window's length.
     *
     * @return {@code end - start}
     */
    public Duration length() {
        return Duration.between(start, end);
    }
}
