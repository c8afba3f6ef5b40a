package dev.itsmkit.benchmarks;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.sla.TimerWheel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Measures the heap that running SLA clocks take in the timer engine: a million running clocks, each
 * with the timer of its next threshold (a {@link DueTimer} with its {@link TimerId}) in a
 * {@link TimerWheel}. The tickets' ids exist before their clocks (the ticket holds them and the clock
 * shares them), so they are allocated first and counted apart. Prints bytes per clock: the timer
 * engine's share (the target figure), the same with the ticket ids counted (how it was measured
 * before), and, for a complete picture, what a {@link SlaClockSnapshot} of each running clock adds
 * when it is also kept in memory (by the in-memory clock store, outside the timer engine). Run with
 * {@code java -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.HeapFootprint}.
 */
public final class HeapFootprint {
    private HeapFootprint() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of clocks (default 1,000,000)
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TenantId tenant = TenantId.of("acme");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Duration goal = Duration.ofHours(8);
        SplittableRandom random = new SplittableRandom(7);

        long beforeTickets = usedHeap();
        TicketId[] tickets = new TicketId[count];
        for (int i = 0; i < count; i++) {
            tickets[i] = TicketId.of("ticket-" + i);
        }
        long afterTickets = usedHeap();

        TimerWheel<TimerId, DueTimer> wheel = new TimerWheel<>(start);
        for (int i = 0; i < count; i++) {
            DueTimer timer = DueTimer.of(tenant, tickets[i], "resolution", 1, 100,
                    start.plusMillis(1 + random.nextLong(30L * 24 * 3600 * 1000)));
            wheel.schedule(timer.id(), timer.dueAt(), timer);
        }
        long afterWheel = usedHeap();

        SlaClockSnapshot[] clocks = new SlaClockSnapshot[count];
        for (int i = 0; i < count; i++) {
            Instant startedAt = start.minusSeconds(random.nextInt(3600));
            clocks[i] = SlaClockSnapshot.builder(tenant, tickets[i], "resolution").policy("standard", 1)
                    .calendar("office").cycle(1).status(ClockStatus.RUNNING).goal(goal)
                    .elapsed(Duration.ofSeconds(random.nextInt(3600)), start).startedAt(Optional.of(startedAt))
                    .deadline(Optional.of(startedAt.plus(goal))).build();
        }
        long afterClocks = usedHeap();

        System.out.printf("%,d running clocks, timer engine (wheel node, DueTimer, TimerId): %,d bytes, %,d bytes per clock%n",
                wheel.size(), afterWheel - afterTickets, (afterWheel - afterTickets) / count);
        System.out.printf("  with the ticket ids counted too: %,d bytes per clock%n",
                (afterWheel - beforeTickets) / count);
        System.out.printf("  a running clock's SlaClockSnapshot, if also kept in memory, adds %,d bytes per clock%n",
                (afterClocks - afterWheel) / count);
        // keep everything reachable until measured
        if (tickets.length + clocks.length < 0) {
            System.out.println(wheel.size());
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
