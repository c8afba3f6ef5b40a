package dev.itsmkit.persistence.memory;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Random operations on a timer wheel, for the model properties of both wheels ({@link TimerWheelTest}, {@link HandleTimerWheelTest}). */
final class WheelOperations {
    private WheelOperations() {}

    /**
     * One operation: schedule timer {@code timer} (a key, or the caller's n-th handle) at {@code offsetMillis} from the
     * wheel's start, or cancel it, then move the clock on by {@code advanceMillis}.
     */
    record Op(int timer, long offsetMillis, boolean cancel, long advanceMillis) {}

    /* Up to 31 timers with due times from the past to decades ahead, some in the same millisecond. */
    static Gen<List<Op>> operations() {
        Gen<Long> offsets = SourceDSL.longs().between(0, 1L << 40).mix(SourceDSL.longs().between(0, 5_000), 50)
                .mix(SourceDSL.longs().between(995, 1_005), 20);
        Gen<Op> op = SourceDSL.integers().between(0, 30).zip(offsets, SourceDSL.booleans().all(),
                SourceDSL.longs().between(0, 1L << 36).mix(SourceDSL.longs().between(0, 3_000), 60), Op::new);
        return SourceDSL.lists().of(op).ofSizeBetween(1, 80);
    }

    /*
     * Up to 400 timers crowded into a stretch of time, rescheduled and cancelled often, the clock moving little
     * at a time: slots hold many timers, so cancelled ones are left dead in their slots and dropped in bulk.
     */
    static Gen<List<Op>> crowdedOperations(long stretchMillis) {
        Gen<Op> op = SourceDSL.integers().between(0, 399).zip(SourceDSL.longs().between(0, stretchMillis),
                SourceDSL.booleans().all(), SourceDSL.longs().between(0, stretchMillis / 200)
                        .mix(SourceDSL.longs().between(0, stretchMillis / 2), 5),
                Op::new);
        return SourceDSL.lists().of(op).ofSizeBetween(1, 600);
    }
}
