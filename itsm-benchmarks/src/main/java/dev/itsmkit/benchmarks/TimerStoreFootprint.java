package dev.itsmkit.benchmarks;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Measures the heap that running SLA clocks take where the engine keeps them by default: in the in-memory
 * store, each clock's snapshot saved and the timer of its next threshold scheduled through a unit of work, as
 * a command does. Unlike {@link HeapFootprint}, which measures the timer structure alone, this counts
 * everything the store keeps per running clock: its timer entry, the tables that find it by id and by ticket,
 * the timer wheel that orders it, the {@link DueTimer}, and the snapshot with the store's per-ticket data for
 * clocks. The tickets' ids exist before their clocks (the ticket holds them) and are counted apart; so is the
 * store's slot for each ticket, which a ticket has whether or not a clock runs on it (made first, with the
 * ticket's first clock snapshot of another target, not counted). Run with
 * {@code java -Xmx3g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.TimerStoreFootprint [clocks]}.
 */
public final class TimerStoreFootprint {
    private TimerStoreFootprint() {}

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

        TicketId[] tickets = new TicketId[count];
        for (int i = 0; i < count; i++) {
            tickets[i] = TicketId.of("ticket-" + i);
        }
        InMemoryStores stores = InMemoryStores.create();
        TenantStores store = stores.forTenant(tenant);
        for (int i = 0; i < count; i++) {
            // the ticket's slot and data in the store, there with or without a running clock
            store.begin().save(HeapFootprint.runningClock(tenant, tickets[i], "response", start, goal, random)).commit();
        }
        long before = HeapFootprint.usedHeap();
        for (int i = 0; i < count; i++) {
            store.begin().save(HeapFootprint.runningClock(tenant, tickets[i], "resolution", start, goal, random)).commit();
        }
        long afterClocks = HeapFootprint.usedHeap();
        for (int i = 0; i < count; i++) {
            DueTimer timer = DueTimer.of(tenant, tickets[i], "resolution", 1, 100,
                    start.plusMillis(1 + random.nextLong(30L * 24 * 3600 * 1000)));
            store.begin().schedule(timer).commit();
        }
        long afterTimers = HeapFootprint.usedHeap();

        System.out.printf("%,d running clocks in the in-memory store, bytes per clock:%n", count);
        System.out.printf("  clock snapshot, as the store keeps it: %,d%n", (afterClocks - before) / count);
        System.out.printf("  timer (entry, tables, wheel, due instant): %,d%n",
                (afterTimers - afterClocks) / count);
        System.out.printf("  a running clock, snapshot and timer: %,d%n", (afterTimers - before) / count);
        // keep everything reachable until measured
        if (tickets.length < 0) {
            System.out.println(stores);
        }
    }
}
