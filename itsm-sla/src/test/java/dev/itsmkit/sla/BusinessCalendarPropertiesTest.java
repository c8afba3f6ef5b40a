package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of business-time arithmetic on random calendars in zones with DST changes, checked against
 * {@link ReferenceCalendar}, the slow and obvious way.
 */
class BusinessCalendarPropertiesTest {

    @Test
    void isOpenAgreesWithTheReference() {
        qt().withExamples(500).forAll(CalendarSpec.specs(), CalendarSpec.instants())
                .checkAssert((spec, instant) -> assertThat(spec.toCalendar().isOpen(instant))
                        .isEqualTo(spec.toReference().isOpen(instant)));
    }

    @Test
    void addAgreesWithTheReference() {
        qt().withExamples(400).forAll(CalendarSpec.specs(), CalendarSpec.instants(), CalendarSpec.durations())
                .checkAssert((spec, start, duration) -> assertThat(spec.toCalendar().add(start, duration))
                        .isEqualTo(spec.toReference().add(start, duration)));
    }

    @Test
    void betweenAgreesWithTheReference() {
        qt().withExamples(300).forAll(CalendarSpec.specs(), CalendarSpec.instants(), CalendarSpec.instants())
                .checkAssert((spec, from, to) -> assertThat(spec.toCalendar().between(from, to))
                        .isEqualTo(spec.toReference().between(from, to)));
    }

    @Test
    void measuringWhatWasAddedGivesBackTheDuration() {
        qt().forAll(CalendarSpec.specs(), CalendarSpec.instants(), CalendarSpec.durations())
                .checkAssert((spec, start, duration) -> {
                    BusinessCalendar calendar = spec.toCalendar();
                    assertThat(calendar.between(start, calendar.add(start, duration))).isEqualTo(duration);
                });
    }

    @Test
    void addingMoreNeverEndsEarlier() {
        qt().forAll(CalendarSpec.specs(), CalendarSpec.instants(), CalendarSpec.durations(), CalendarSpec.durations())
                .checkAssert((spec, start, d1, d2) -> {
                    BusinessCalendar calendar = spec.toCalendar();
                    Duration shorter = d1.compareTo(d2) <= 0 ? d1 : d2;
                    Duration longer = d1.compareTo(d2) <= 0 ? d2 : d1;
                    assertThat(calendar.add(start, shorter)).isBeforeOrEqualTo(calendar.add(start, longer));
                });
    }

    @Test
    void betweenIsAdditiveInAnyOrder() {
        qt().forAll(CalendarSpec.specs(), CalendarSpec.instants(), CalendarSpec.instants(), CalendarSpec.instants())
                .checkAssert((spec, a, b, c) -> {
                    BusinessCalendar calendar = spec.toCalendar();
                    assertThat(calendar.between(a, b).plus(calendar.between(b, c))).isEqualTo(calendar.between(a, c));
                });
    }

    @Test
    void addGivesTheEarliestInstantAfterTheNextOpening() {
        qt().forAll(CalendarSpec.specs(), CalendarSpec.instants(), CalendarSpec.durations())
                .assuming((spec, start, duration) -> !duration.isZero())
                .checkAssert((spec, start, duration) -> {
                    BusinessCalendar calendar = spec.toCalendar();
                    Instant end = calendar.add(start, duration);
                    // the earliest such instant: a moment earlier, less time had elapsed
                    assertThat(calendar.between(start, end.minusNanos(1))).isLessThan(duration);
                    assertThat(end).isAfter(calendar.nextOpening(start).orElseThrow());
                });
    }

    /** Over decades, across many yearly tables, without a reference: the same laws hold. */
    @Test
    void theLawsHoldOverDecades() {
        Gen<Instant> decades = longs().between(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2200-01-01T00:00:00Z").getEpochSecond()).map(s -> Instant.ofEpochSecond(s));
        qt().withExamples(100).forAll(CalendarSpec.specs(), decades, decades, decades)
                .checkAssert((spec, a, b, other) -> {
                    BusinessCalendar calendar = spec.toCalendar();
                    Instant start = a.isBefore(b) ? a : b;
                    Instant limit = a.isBefore(b) ? b : a;
                    Duration duration = calendar.between(start, limit);
                    Instant end = calendar.add(start, duration);
                    assertThat(calendar.between(start, end)).isEqualTo(duration);
                    assertThat(end).isBeforeOrEqualTo(limit);
                    assertThat(calendar.between(end, limit)).isZero();
                    assertThat(calendar.between(start, other).plus(calendar.between(other, end))).isEqualTo(duration);
                });
    }

    @Test
    void alwaysCountsEveryInstant() {
        Gen<Instant> anyTime = longs().between(Instant.parse("1850-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2350-01-01T00:00:00Z").getEpochSecond()).map(s -> Instant.ofEpochSecond(s));
        qt().forAll(anyTime, anyTime).checkAssert((a, b) -> {
            assertThat(BusinessCalendar.always().between(a, b)).isEqualTo(Duration.between(a, b));
            assertThat(BusinessCalendar.always().add(a, Duration.ofDays(7000))).isEqualTo(a.plus(Duration.ofDays(7000)));
        });
    }
}
