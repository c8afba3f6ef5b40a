package dev.itsmkit.benchmarks;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.sla.TimerWheel;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Measures the heap that running SLA timers take: a million due timers (the next threshold of a
 * million running clocks) in a {@link TimerWheel}, with their {@link DueTimer} values. Prints bytes
 * per timer. Run with {@code java -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.HeapFootprint}.
 */
public final class HeapFootprint {
    private HeapFootprint() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of timers (default 1,000,000)
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TenantId tenant = TenantId.of("acme");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        SplittableRandom random = new SplittableRandom(7);
        long before = usedHeap();
        TimerWheel<TimerId, DueTimer> wheel = new TimerWheel<>(start);
        for (int i = 0; i < count; i++) {
            DueTimer timer = DueTimer.of(tenant, TicketId.of("ticket-" + i), "resolution", 1, 100,
                    start.plusMillis(1 + random.nextLong(30L * 24 * 3600 * 1000)));
            wheel.schedule(timer.id(), timer.dueAt(), timer);
        }
        long after = usedHeap();
        System.out.printf("%,d running timers in the wheel: %,d bytes of heap, %,d bytes per timer (ticket ids and DueTimer values included)%n",
                wheel.size(), after - before, (after - before) / count);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
