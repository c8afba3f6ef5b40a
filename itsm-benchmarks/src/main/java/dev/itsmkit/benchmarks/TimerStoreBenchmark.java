package dev.itsmkit.benchmarks;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The timers the engine itself fires: the in-memory store's durable timers ({@code TimerStore} and
 * {@code TimerClaims} of {@link InMemoryStores}), holding {@code timers} running SLA timers due at random
 * instants over the next 30 days, as a million running clocks would. Where {@link TimerBenchmark} measures
 * the timer structure alone, this measures what the engine's timer service and its commands do with it:
 *
 * <ul>
 *   <li>{@link #rescheduleTimer}: a unit of work that moves one running clock's timer to its next
 *       threshold (what a command that changes a ticket's clock does);</li>
 *   <li>{@link #scheduleAndClaimDue}: the steady state of the timer service: a unit of work schedules a new
 *       timer due at a random instant in the next 30 days, the virtual clock moves on by 30 days /
 *       {@code timers}, and the timers due by then are claimed with a lease and completed (one per call on
 *       average), as {@code TimerService} does; compare it with
 *       {@code TimerBenchmark.scheduleAndFireDueDelayQueue}, the same steady state on a {@code DelayQueue}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimerStoreBenchmark {
    private static final long THIRTY_DAYS_MILLIS = 30L * 24 * 3600 * 1000;
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final NodeId NODE = NodeId.of("node-1");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final String TARGET = "resolution";

    /** Creates the benchmark; the state holds the store. */
    public TimerStoreBenchmark() {}

    /** An in-memory store holding the running timers, and the virtual clock. */
    @State(Scope.Thread)
    public static class Timers {
        /** Creates the state; JMH calls its setup. */
        public Timers() {}

        /** How many timers are running. */
        @Param({"1000000"})
        public int timers = 1_000_000;
        InMemoryStores stores;
        TenantStores tenant;
        TimerClaims claims;
        TicketId[] tickets;
        final SplittableRandom random = new SplittableRandom(42);
        long nowMillis = START.toEpochMilli();
        long step;
        int nextTicket;
        long claimed;

        /** Fills the store with one running timer per ticket. */
        @Setup(Level.Trial)
        public void setUp() {
            stores = InMemoryStores.create();
            tenant = stores.forTenant(TENANT);
            claims = stores.timerClaims();
            // a timer waits 15 days on average (due uniformly within 30), so one per step of 15 days / timers keeps
            // `timers` waiting (until the eighth session the step was 30 days / timers: half as many, once settled)
            step = Math.max(1, THIRTY_DAYS_MILLIS / (2L * timers));
            tickets = new TicketId[timers];
            for (int i = 0; i < timers; i++) {
                tickets[i] = TicketId.of("inc-" + i);
                // the steady state's remaining times, whose density falls linearly over the 30 days
                long remaining = (long) (THIRTY_DAYS_MILLIS * (1 - Math.sqrt(1 - random.nextDouble())));
                tenant.begin().schedule(DueTimer.of(TENANT, tickets[i], TARGET, 1, 50,
                        Instant.ofEpochMilli(nowMillis + 1 + remaining))).commit();
            }
            nextTicket = timers;
        }

        DueTimer timer(TicketId ticket) {
            Instant due = Instant.ofEpochMilli(nowMillis + 1 + random.nextLong(THIRTY_DAYS_MILLIS));
            return DueTimer.of(TENANT, ticket, TARGET, 1, 50, due);
        }
    }

    /**
     * Moves the timer of a random running clock to a new random instant in the next 30 days, in a unit of work.
     *
     * @param s the store
     * @return the ticket whose timer moved
     */
    @Benchmark
    public TicketId rescheduleTimer(Timers s) {
        TicketId ticket = s.tickets[s.random.nextInt(s.tickets.length)];
        s.tenant.begin().schedule(s.timer(ticket)).commit();
        return ticket;
    }

    /**
     * Schedules a timer for a new ticket in a unit of work, moves the virtual clock on by the step, claims what has
     * come due and completes the claims (one timer per call on average).
     *
     * @param s the store
     * @return how many timers were claimed so far
     */
    @Benchmark
    public long scheduleAndClaimDue(Timers s) {
        s.tenant.begin().schedule(s.timer(TicketId.of("inc-" + s.nextTicket++))).commit();
        s.nowMillis += s.step;
        List<TimerClaim> due = s.claims.claimDue(Instant.ofEpochMilli(s.nowMillis), NODE, LEASE, 64);
        for (TimerClaim claim : due) {
            s.claimed += s.claims.complete(claim) ? 1 : 0;
        }
        return s.claimed;
    }
}
