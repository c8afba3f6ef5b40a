package dev.itsmkit.sla;

import static org.quicktheories.impl.Constraint.between;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * A random calendar definition for properties, with its own, independent reading of which hours a date has,
 * and the generators of calendars, instants and durations around the DST changes of 2011 and 2012.
 */
record CalendarSpec(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> weekly, Set<LocalDate> holidays,
        Map<LocalDate, List<OpeningHours>> exceptions) {

    /** Zones with DST gaps and overlaps of an hour, of 30 minutes, at midnight, and a skipped day (Apia). */
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"), ZoneId.of("America/Havana"),
            ZoneId.of("Pacific/Apia"), ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kolkata"));
    static final LocalDate FIRST_DAY = LocalDate.of(2011, 1, 1);
    static final int DAYS = 730;
    static final Instant FIRST_INSTANT = Instant.parse("2011-01-02T00:00:00Z");
    static final Instant LAST_INSTANT = Instant.parse("2012-12-30T00:00:00Z");

    List<OpeningHours> hoursOn(LocalDate date) {
        if (exceptions.containsKey(date)) {
            return exceptions.get(date);
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    BusinessCalendar toCalendar() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder().zone(zone);
        weekly.forEach(builder::hours);
        holidays.forEach(builder::holiday);
        exceptions.forEach(builder::exception);
        return builder.build();
    }

    ReferenceCalendar toReference() {
        return new ReferenceCalendar(zone, this::hoursOn);
    }

    static Gen<CalendarSpec> specs() {
        Gen<CalendarSpec> specs = CalendarSpec::generate;
        return specs.describedAs(CalendarSpec::toString);
    }

    private static CalendarSpec generate(RandomnessSource in) {
        ZoneId zone = ZONES.get((int) in.next(between(0, ZONES.size() - 1)));
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, hours(in));
        }
        if (weekly.values().stream().allMatch(List::isEmpty)) {
            weekly.put(DayOfWeek.WEDNESDAY, List.of(OpeningHours.parse("09:00-17:00")));
        }
        Set<LocalDate> holidays = new TreeSet<>();
        Map<LocalDate, List<OpeningHours>> exceptions = new TreeMap<>();
        long specials = in.next(between(0, 12));
        for (int i = 0; i < specials; i++) {
            LocalDate date = FIRST_DAY.plusDays(in.next(between(0, DAYS)));
            if (in.next(between(0, 1)) == 0) {
                holidays.add(date);
            } else {
                exceptions.put(date, hours(in));
            }
        }
        return new CalendarSpec(zone, weekly, holidays, exceptions);
    }

    /** 0 to 3 intervals on a grid of 15 minutes (transitions fall on it), sometimes until 24:00. */
    private static List<OpeningHours> hours(RandomnessSource in) {
        int count = (int) in.next(between(0, 3));
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < 2 * count) {
            points.add((int) in.next(between(0, 96)));
        }
        List<OpeningHours> hours = new ArrayList<>();
        Integer[] sorted = points.toArray(Integer[]::new);
        for (int i = 0; i < sorted.length; i += 2) {
            LocalTime start = LocalTime.ofSecondOfDay(sorted[i] * 900L);
            hours.add(sorted[i + 1] == 96 ? OpeningHours.untilMidnight(start)
                    : OpeningHours.of(start, LocalTime.ofSecondOfDay(sorted[i + 1] * 900L)));
        }
        return hours;
    }

    /** Instants in 2011 and 2012, usually on whole quarter hours (where boundaries are), else anywhere. */
    static Gen<Instant> instants() {
        Gen<Instant> instants = in -> {
            long span = LAST_INSTANT.getEpochSecond() - FIRST_INSTANT.getEpochSecond();
            return switch ((int) in.next(between(0, 2))) {
                case 0 -> FIRST_INSTANT.plusSeconds(in.next(between(0, span / 900)) * 900);
                case 1 -> FIRST_INSTANT.plusSeconds(in.next(between(0, span)));
                default -> FIRST_INSTANT.plusSeconds(in.next(between(0, span))).plusNanos(in.next(between(1, 999_999_999)));
            };
        };
        return instants.describedAs(Instant::toString);
    }

    /** Business durations from zero to 120 hours, in quarter hours, seconds or nanoseconds. */
    static Gen<Duration> durations() {
        Gen<Duration> durations = in -> switch ((int) in.next(between(0, 2))) {
            case 0 -> Duration.ofMinutes(15 * in.next(between(0, 480)));
            case 1 -> Duration.ofSeconds(in.next(between(0, 120 * 3600)));
            default -> Duration.ofSeconds(in.next(between(0, 120 * 3600)), in.next(between(0, 999_999_999)));
        };
        return durations.describedAs(Duration::toString);
    }
}
