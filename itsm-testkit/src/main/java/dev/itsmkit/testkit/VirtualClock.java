package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until it is moved: hand it to a {@code ServiceDesk} or an SLA
 * engine in tests and demos, then {@link #advance(Duration) advance} it to let business time pass
 * without waiting for it.
 *
 * <p>It only moves forwards, because everything that reads it — SLA clocks, due timers, leases —
 * assumes time does not run backwards; moving it back is refused with an
 * {@link IllegalArgumentException} naming both instants. Clocks made by {@link #withZone(ZoneId)}
 * share the instant with the one they came from (moving either moves both), so a zone change never
 * splits time in two. Thread-safe: readers on other threads see every move at once.
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Returns a clock standing at an instant, in a zone.
     *
     * @param start where the clock stands until it is moved
     * @param zone the zone that {@link #getZone()} reports (business calendars keep their own zones;
     *     this one matters only to code that asks the clock for local dates)
     * @return the clock
     */
    public static VirtualClock at(Instant start, ZoneId zone) {
        requireNonNull(start, "start");
        requireNonNull(zone, "zone");
        return new VirtualClock(new AtomicReference<>(start), zone);
    }

    /**
     * Returns a clock standing at an instant, in UTC.
     *
     * @param start where the clock stands until it is moved
     * @return the clock
     */
    public static VirtualClock at(Instant start) {
        return at(start, ZoneId.of("UTC"));
    }

    /**
     * Moves the clock forwards.
     *
     * @param duration how far; zero leaves it where it is
     * @return the instant the clock stands at now
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Instant advance(Duration duration) {
        requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a virtual clock only moves forwards; cannot advance it by "
                    + duration + ", give a duration of zero or more");
        }
        return now.updateAndGet(current -> current.plus(duration));
    }

    /**
     * Moves the clock forwards to an instant.
     *
     * @param instant where the clock is to stand; the instant it stands at now leaves it there
     * @return {@code instant}
     * @throws IllegalArgumentException if {@code instant} is before the instant the clock stands at
     */
    public Instant moveTo(Instant instant) {
        requireNonNull(instant, "instant");
        return now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException("a virtual clock only moves forwards; it stands at " + current
                        + " and cannot move back to " + instant);
            }
            return instant;
        });
    }

    /**
     * Returns the instant the clock stands at.
     *
     * @return the current virtual instant
     */
    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Returns the zone this clock reports.
     *
     * @return the zone given when the clock was made
     */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock in another zone that shares this clock's instant: moving either moves both.
     *
     * @param zone the zone of the returned clock
     * @return a view of this clock in {@code zone}
     */
    @Override
    public VirtualClock withZone(ZoneId zone) {
        requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new VirtualClock(now, zone);
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now.get() + ", " + zone + "]";
    }
}
