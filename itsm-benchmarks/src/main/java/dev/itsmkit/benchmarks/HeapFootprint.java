package dev.itsmkit.benchmarks;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.memory.TimerWheel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Measures the heap that running SLA clocks take in the timer engine: a million running clocks, each
 * with the timer of its next threshold (a {@link DueTimer} with its {@link TimerId}) in a
 * {@link TimerWheel}. The tickets' ids exist before their clocks (the ticket holds them and the clock
 * shares them), so they are allocated first and counted apart. Then a {@link SlaClockSnapshot} of
 * each running clock, as the clock store keeps it. Prints bytes per clock: the timer engine's share,
 * the snapshot's, their sum (what a running clock costs: the target figure), and the sum with the
 * ticket ids counted too. The names (target, policy, calendar), the tenant and the goal are shared by
 * every clock, as they are when the SLA engine makes the values from its policies. Run with
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
            clocks[i] = runningClock(tenant, tickets[i], "resolution", start, goal, random);
        }
        long afterClocks = usedHeap();

        System.out.printf("%,d running clocks, bytes per clock:%n", wheel.size());
        System.out.printf("  timer engine (wheel rows, slots and table, DueTimer, TimerId, due instant): %,d%n",
                (afterWheel - afterTickets) / count);
        System.out.printf("  SlaClockSnapshot (with its slot in an array): %,d%n", (afterClocks - afterWheel) / count);
        System.out.printf("  a running clock, timer and snapshot: %,d%n", (afterClocks - afterTickets) / count);
        System.out.printf("  the same with the ticket ids counted too: %,d%n", (afterClocks - beforeTickets) / count);
        // keep everything reachable until measured
        if (tickets.length + clocks.length < 0) {
            System.out.println(wheel.size());
        }
    }

    /** A running clock's snapshot as the SLA engine makes it, started up to an hour before {@code start}. */
    static SlaClockSnapshot runningClock(TenantId tenant, TicketId ticket, String target, Instant start, Duration goal,
            SplittableRandom random) {
        Instant startedAt = start.minusSeconds(random.nextInt(3600));
        return SlaClockSnapshot.builder(tenant, ticket, target).policy("standard", 1)
                .calendar("office").cycle(1).status(ClockStatus.RUNNING).goal(goal)
                .elapsed(Duration.ofSeconds(random.nextInt(3600)), start).startedAt(Optional.of(startedAt))
                .deadline(Optional.of(startedAt.plus(goal))).build();
    }

    /** The heap in use after collecting: what is reachable, near enough. */
    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
