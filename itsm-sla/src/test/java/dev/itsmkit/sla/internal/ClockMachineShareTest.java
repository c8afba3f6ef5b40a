package dev.itsmkit.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockMachineShareTest {
    @Test
    void aShareInLongArithmeticIsTheShareDurationComputes() {
        qt().withExamples(5000).forAll(longs().between(0, 200_000_000L), integers().between(0, 999_999_999),
                integers().between(0, 100)).checkAssert((seconds, nanos, percent) -> {
                    Duration goal = Duration.ofSeconds(seconds, nanos);
                    assertThat(ClockMachine.share(goal, percent)).isEqualTo(goal.multipliedBy(percent).dividedBy(100));
                });
    }

    @Test
    void sharesAtTheEdgesOfTheLongArithmeticAreExact() {
        for (long seconds : new long[] {0, 1, 92_233_719L, 92_233_720L, 92_233_721L, 1_000_000_000_000L}) {
            for (int percent : new int[] {0, 1, 33, 50, 99, 100}) {
                Duration goal = Duration.ofSeconds(seconds, 999_999_999);
                assertThat(ClockMachine.share(goal, percent)).isEqualTo(goal.multipliedBy(percent).dividedBy(100));
            }
        }
    }
}
