package dev.itsmkit.sla;

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

/**
 * Business-time arithmetic done the slow, obvious way, to check the fast one against: an instant is open when
 * its local date-time (through {@link LocalDateTime#ofInstant}) falls in an interval of its local date. The
 * open set can only change at a zone transition or at an instant whose local time is an interval boundary, so
 * the time line is cut at those instants, day by day, and each piece is open or closed throughout.
 */
final class ReferenceCalendar {
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(366 * 10);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Function<LocalDate, List<OpeningHours>> hours;

    ReferenceCalendar(ZoneId zone, Function<LocalDate, List<OpeningHours>> hours) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.hours = hours;
    }

    boolean isOpen(Instant instant) {
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
    List<Instant[]> openPieces(Instant from, Instant to) {
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
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null && isOpen(previous)) {
                pieces.add(new Instant[] {previous, cut});
            }
            previous = cut;
        }
        return pieces;
    }

    Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (Instant[] piece : openPieces(from, to)) {
            total = total.plus(Duration.between(piece[0], piece[1]));
        }
        return total;
    }

    Instant add(Instant start, Duration duration) {
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
