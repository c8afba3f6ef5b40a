package dev.itsmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aVirtualClockStandsStillUntilItIsMoved() {
        VirtualClock clock = VirtualClock.at(MONDAY);
        assertThat(clock.instant()).isEqualTo(MONDAY);
        assertThat(clock.instant()).isEqualTo(MONDAY);
        assertThat(clock.millis()).isEqualTo(MONDAY.toEpochMilli());
    }

    @Test
    void advancingAddsTheDurationAndReturnsTheNewInstant() {
        VirtualClock clock = VirtualClock.at(MONDAY);
        assertThat(clock.advance(Duration.ofMinutes(90))).isEqualTo(MONDAY.plusSeconds(5400));
        assertThat(clock.instant()).isEqualTo(MONDAY.plusSeconds(5400));
    }

    @Test
    void movingBackIsRefusedWithBothInstantsAndTheClockStaysWhereItWas() {
        VirtualClock clock = VirtualClock.at(MONDAY);
        assertThatThrownBy(() -> clock.moveTo(MONDAY.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-23T08:00:00Z")
                .hasMessageContaining("2026-11-23T07:59:59Z");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
        assertThat(clock.instant()).isEqualTo(MONDAY);
    }

    @Test
    void aClockInAnotherZoneSharesTheInstant() {
        VirtualClock utc = VirtualClock.at(MONDAY);
        VirtualClock berlin = utc.withZone(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        utc.advance(Duration.ofHours(1));
        assertThat(berlin.instant()).isEqualTo(MONDAY.plusSeconds(3600));
        berlin.moveTo(MONDAY.plusSeconds(7200));
        assertThat(utc.instant()).isEqualTo(MONDAY.plusSeconds(7200));
        assertThat(utc.withZone(ZoneId.of("UTC"))).isSameAs(utc);
    }

    @Test
    void theClockEndsAtTheSumOfEveryAdvanceAndNeverGoesBack() {
        qt().forAll(lists().of(longs().between(0, 86_400_000L)).ofSizeBetween(0, 50))
                .checkAssert(steps -> {
                    VirtualClock clock = VirtualClock.at(MONDAY);
                    Instant previous = clock.instant();
                    for (long millis : steps) {
                        Instant next = clock.advance(Duration.ofMillis(millis));
                        assertThat(next).isAfterOrEqualTo(previous);
                        previous = next;
                    }
                    long total = steps.stream().mapToLong(Long::longValue).sum();
                    assertThat(clock.instant()).isEqualTo(MONDAY.plusMillis(total));
                });
    }

    @Test
    void movesFromSeveralThreadsAreNeverLost() throws InterruptedException {
        VirtualClock clock = VirtualClock.at(MONDAY);
        List<Thread> threads = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new Thread(() -> {
                    for (int n = 0; n < 10_000; n++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                }))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(clock.instant()).isEqualTo(MONDAY.plusMillis(40_000));
    }
}
