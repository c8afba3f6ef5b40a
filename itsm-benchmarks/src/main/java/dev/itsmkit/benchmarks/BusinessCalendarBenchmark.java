package dev.itsmkit.benchmarks;

import dev.itsmkit.benchmarks.reference.DayByDayCalendar;
import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.Holidays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Business-time arithmetic of {@link BusinessCalendar} against {@link DayByDayCalendar}, the simple walk day by
 * day, on the same office calendar (Europe/Berlin, weekdays 09:00-12:00 and 13:00-17:00, yearly and dated
 * holidays) over spans of five minutes, five days, three months and five years of real time. {@code add} adds the business
 * time that the span holds, so both methods cover the same stretch of the time line. Starts cycle through 64
 * instants spread over 2026 to 2030, so that no answer is the same twice in a row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BusinessCalendarBenchmark {
    private static final int STARTS = 64;

    /** The real-time span measured: five minutes, five days, three months (91 days), five years (1826 days). */
    @Param({"PT5M", "P5D", "P91D", "P1826D"})
    public String span;

    private BusinessCalendar ours;
    private DayByDayCalendar dayByDay;
    private final Instant[] starts = new Instant[STARTS];
    private final Instant[] ends = new Instant[STARTS];
    private final Duration[] businessTimes = new Duration[STARTS];
    private int next;

    /** Creates the state; {@link #setUp()} fills it. */
    public BusinessCalendarBenchmark() {
        span = "PT5M";
    }

    /** Builds the calendars and the instants, and checks that both calendars agree on them. */
    @Setup
    public void setUp() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder().zone(ZoneId.of("Europe/Berlin"))
                .holidays(Holidays.of(List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                        LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29)),
                        List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3), MonthDay.of(12, 25),
                                MonthDay.of(12, 26))));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            builder.hours(day, "09:00-12:00", "13:00-17:00");
        }
        ours = builder.build();
        dayByDay = new DayByDayCalendar(ours.zone(), ours::hoursOn);
        Duration length = Duration.parse(span);
        for (int i = 0; i < STARTS; i++) {
            // every 23 days and 7 hours and 13 minutes: all weekdays and times of day, open and closed
            starts[i] = Instant.parse("2026-01-05T06:00:00Z").plus(Duration.ofMinutes(i * (23L * 24 * 60 + 7 * 60 + 13)));
            ends[i] = starts[i].plus(length);
            businessTimes[i] = ours.between(starts[i], ends[i]);
            if (!businessTimes[i].equals(dayByDay.between(starts[i], ends[i]))
                    || !ours.add(starts[i], businessTimes[i]).equals(dayByDay.add(starts[i], businessTimes[i]))) {
                throw new IllegalStateException("the calendars disagree from " + starts[i] + " over " + span);
            }
        }
    }

    private int nextIndex() {
        next = (next + 1) & (STARTS - 1);
        return next;
    }

    /**
     * Ours: adds the span's business time.
     *
     * @return the end, for JMH to consume
     */
    @Benchmark
    public Instant addOurs() {
        int i = nextIndex();
        return ours.add(starts[i], businessTimes[i]);
    }

    /**
     * The day-by-day walk: adds the span's business time.
     *
     * @return the end, for JMH to consume
     */
    @Benchmark
    public Instant addDayByDay() {
        int i = nextIndex();
        return dayByDay.add(starts[i], businessTimes[i]);
    }

    /**
     * Ours: measures the business time of the span.
     *
     * @return the business time, for JMH to consume
     */
    @Benchmark
    public Duration betweenOurs() {
        int i = nextIndex();
        return ours.between(starts[i], ends[i]);
    }

    /**
     * The day-by-day walk: measures the business time of the span.
     *
     * @return the business time, for JMH to consume
     */
    @Benchmark
    public Duration betweenDayByDay() {
        int i = nextIndex();
        return dayByDay.between(starts[i], ends[i]);
    }
}
