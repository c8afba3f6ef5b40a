package dev.itsmkit.benchmarks.reference;

import dev.itsmkit.sla.OpeningHours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Business-time arithmetic done the slow, obvious way, to check the fast one against: an instant is open when
 * its local date-time (through {@link LocalDateTime#ofInstant}) falls in an interval of its local date. The
 * open set can only change at a zone transition or at an instant whose local time is an interval boundary, so
 * the time line is cut at those instants, day by day, and each piece is open or closed throughout.
 *
 * <p>A copy of the reference that {@code itsm-sla}'s property tests check {@code BusinessCalendar} against,
 * kept here so the benchmarks compare with the same thing. Its cost grows with the days spanned. Thread-safe if
 * the hours function is.
 */
public final class DayByDayCalendar {
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(366 * 50);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Function<LocalDate, List<OpeningHours>> hours;

    /**
     * Creates the calendar.
     *
     * @param zone the zone in whose local time the hours are laid
     * @param hours the open intervals of each local date
     */
    public DayByDayCalendar(ZoneId zone, Function<LocalDate, List<OpeningHours>> hours) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.hours = hours;
    }

    /**
     * Tells whether an instant is open.
     *
     * @param instant the instant
     * @return {@code true} if its local time falls in an interval of its local date
     */
    public boolean isOpen(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        int secondOfDay = local.toLocalTime().toSecondOfDay();
        for (OpeningHours interval : hours.apply(local.toLocalDate())) {
            // boundaries are whole seconds, so the nanoseconds never decide
            if (secondOfDay >= interval.startSecondOfDay() && secondOfDay < interval.endSecondOfDay()) {
                return true;
            }
        }
        return false;
    }

    /** The open pieces of {@code [from, to)}, in order. */
    private List<Instant[]> openPieces(Instant from, Instant to) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        LocalDate first = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(2);
        LocalDate last = LocalDateTime.ofInstant(to, zone).toLocalDate().plusDays(2);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (OpeningHours interval : hours.apply(date)) {
                for (int boundary : new int[] {interval.startSecondOfDay(), interval.endSecondOfDay()}) {
                    LocalDateTime local = date.atStartOfDay().plusSeconds(boundary);
                    for (ZoneOffset offset : rules.getValidOffsets(local)) {
                        Instant cut = local.toInstant(offset);
                        if (cut.isAfter(from) && cut.isBefore(to)) {
                            cuts.add(cut);
                        }
                    }
                }
            }
        }
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
                t = rules.nextTransition(t.getInstant())) {
            cuts.add(t.getInstant());
        }
        List<Instant[]> pieces = new ArrayList<>();
        @Nullable Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null && isOpen(previous)) {
                pieces.add(new Instant[] {previous, cut});
            }
            previous = cut;
        }
        return pieces;
    }

    /**
     * Returns the business time between two instants.
     *
     * @param from the first instant
     * @param to the second instant
     * @return the open time between them, negative if {@code to} is earlier
     */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (Instant[] piece : openPieces(from, to)) {
            total = total.plus(Duration.between(piece[0], piece[1]));
        }
        return total;
    }

    /**
     * Returns the earliest instant at which a business duration has elapsed.
     *
     * @param start the instant to count from
     * @param duration the business time to add, zero or positive
     * @return the earliest instant at which it has elapsed
     * @throws IllegalStateException if the calendar is not open that long within fifty years
     */
    public Instant add(Instant start, Duration duration) {
        Duration remaining = duration;
        if (remaining.isZero()) {
            return start;
        }
        for (Instant from = start; from.isBefore(start.plus(GIVE_UP_AFTER)); from = from.plus(WINDOW)) {
            for (Instant[] piece : openPieces(from, from.plus(WINDOW))) {
                Duration length = Duration.between(piece[0], piece[1]);
                if (remaining.compareTo(length) <= 0) {
                    return piece[0].plus(remaining);
                }
                remaining = remaining.minus(length);
            }
        }
        throw new IllegalStateException("the reference gave up adding " + duration + " to " + start);
    }
}
