package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.timing.ThresholdCrossing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the scenario format prints values: an instant carries the offset of a calendar's zone at that instant
 * ({@code Z} for {@code 24x7}), a duration is ISO-8601 with hours as its largest unit and a leading minus when
 * negative. Stateless and thread-safe.
 */
public final class ScenarioValues {
    private ScenarioValues() {}

    /**
     * Prints an instant in a zone.
     *
     * @param instant the instant
     * @param zone the zone of the calendar it belongs to
     * @return for example {@code 2026-12-28T10:00:00+01:00}, or {@code 2026-12-28T09:00:00Z} when the offset
     *     is zero; seconds always shown, fractions only when not zero
     */
    public static String instant(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(requireNonNull(instant, "instant")
                .atZone(requireNonNull(zone, "zone")).toOffsetDateTime());
    }

    /**
     * Prints a duration.
     *
     * @param duration the duration
     * @return for example {@code PT51H}, {@code PT1H30M}, {@code PT0S} or {@code -PT1H30M}
     */
    public static String duration(Duration duration) {
        requireNonNull(duration, "duration");
        return duration.isNegative() ? "-" + duration.negated() : duration.toString();
    }

    /**
     * Prints warnings crossed.
     *
     * @param warnings the warnings
     * @param zone the zone of the target's calendar
     * @return for example {@code [50% at 2026-12-24T10:00:00+01:00]}; {@code []} if there are none
     */
    public static String warnings(List<ThresholdCrossing> warnings, ZoneId zone) {
        return warnings.stream().map(w -> w.percent() + "% at " + instant(w.at(), zone))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Prints an optional instant, {@code none} when absent. */
    static String instant(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> instant(i, zone)).orElse("none");
    }

    /** Prints an optional duration, {@code none} when absent. */
    static String duration(Optional<Duration> duration) {
        return duration.map(ScenarioValues::duration).orElse("none");
    }
}
