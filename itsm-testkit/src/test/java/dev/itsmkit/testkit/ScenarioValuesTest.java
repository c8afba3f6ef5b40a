package dev.itsmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScenarioValuesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void durationsUseHoursAsTheLargestUnitAndALeadingMinus() {
        assertThat(ScenarioValues.duration(Duration.ofHours(51))).isEqualTo("PT51H");
        assertThat(ScenarioValues.duration(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
        assertThat(ScenarioValues.duration(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(ScenarioValues.duration(Duration.ofMinutes(-90))).isEqualTo("-PT1H30M");
        assertThat(ScenarioValues.duration(Duration.ofMillis(-500))).isEqualTo("-PT0.5S");
    }

    @Test
    void aPrintedDurationParsesBackToItself() {
        qt().forAll(longs().between(-10_000_000_000L, 10_000_000_000L)).checkAssert(millis -> {
            Duration duration = Duration.ofMillis(millis);
            assertThat(Duration.parse(ScenarioValues.duration(duration))).isEqualTo(duration);
        });
    }

    @Test
    void instantsCarryTheOffsetOfTheZoneAtThatInstant() {
        assertThat(ScenarioValues.instant(Instant.parse("2026-12-28T09:00:00Z"), BERLIN))
                .isEqualTo("2026-12-28T10:00:00+01:00");
        assertThat(ScenarioValues.instant(Instant.parse("2026-07-01T09:00:00Z"), BERLIN))
                .isEqualTo("2026-07-01T11:00:00+02:00");
        assertThat(ScenarioValues.instant(Instant.parse("2026-07-01T09:00:00Z"), ZoneOffset.UTC))
                .isEqualTo("2026-07-01T09:00:00Z");
        assertThat(ScenarioValues.instant(Instant.parse("2026-07-01T09:00:00.250Z"), ZoneOffset.UTC))
                .isEqualTo("2026-07-01T09:00:00.25Z");
    }

    @Test
    void theTwoInstantsOfAnAutumnHourThatHappensTwicePrintApart() {
        Instant first = Instant.parse("2026-10-25T00:30:00Z");
        assertThat(ScenarioValues.instant(first, BERLIN)).isEqualTo("2026-10-25T02:30:00+02:00");
        assertThat(ScenarioValues.instant(first.plusSeconds(3600), BERLIN)).isEqualTo("2026-10-25T02:30:00+01:00");
    }
}
