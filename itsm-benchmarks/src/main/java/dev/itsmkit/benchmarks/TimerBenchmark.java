package dev.itsmkit.benchmarks;

import dev.itsmkit.sla.TimerWheel;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SLA timer structure, {@link TimerWheel}, against the JDK's {@link DelayQueue} and
 * {@link ScheduledThreadPoolExecutor}, each holding {@code timers} running timers due at random
 * instants over the next 30 days, as a million running SLA clocks would be. Measured per
 * operation: scheduling a timer and cancelling it (what a ticket change does to its clock's next
 * threshold), and scheduling a timer that comes due and firing it (the JDK executor runs on the
 * real clock and cannot be driven by a virtual one, so it has no firing benchmark).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimerBenchmark {
    private static final long THIRTY_DAYS_MILLIS = 30L * 24 * 3600 * 1000;
    private static final Runnable NOTHING = () -> { };

    /** How many timers are running while one is scheduled, cancelled or fired. */
    @Param({"1000000"})
    public int timers;

    private TimerWheel<Long, Long> wheel;
    private DelayQueue<VirtualDelay> delayQueue;
    private ScheduledThreadPoolExecutor executor;
    private SplittableRandom random;
    private final long[] virtualNow = new long[1];
    private long nextKey;

    /** Creates the state; {@link #setUp()} fills it. */
    public TimerBenchmark() {
        timers = 1_000_000;
    }

    /** A timer of the delay queue on the benchmark's virtual clock. */
    private static final class VirtualDelay implements Delayed {
        final long dueMillis;
        final long[] clock;

        VirtualDelay(long dueMillis, long[] clock) {
            this.dueMillis = dueMillis;
            this.clock = clock;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMillis - clock[0], TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueMillis, ((VirtualDelay) other).dueMillis);
        }
    }

    /** Fills each structure with the running timers. */
    @Setup(Level.Trial)
    public void setUp() {
        virtualNow[0] = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
        random = new SplittableRandom(42);
        wheel = new TimerWheel<>(Instant.ofEpochMilli(virtualNow[0]));
        delayQueue = new DelayQueue<>();
        executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        for (long i = 0; i < timers; i++) {
            long due = virtualNow[0] + 1 + random.nextLong(THIRTY_DAYS_MILLIS);
            wheel.schedule(i, Instant.ofEpochMilli(due), due);
            delayQueue.add(new VirtualDelay(due, virtualNow));
            executor.schedule(NOTHING, due - virtualNow[0], TimeUnit.MILLISECONDS);
        }
        nextKey = timers;
    }

    /** Stops the executor's thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    /**
     * Schedules a timer in the wheel and cancels it.
     *
     * @return whether the cancel found the timer
     */
    @Benchmark
    public boolean scheduleThenCancelWheel() {
        long key = nextKey++;
        long due = virtualNow[0] + 1 + random.nextLong(THIRTY_DAYS_MILLIS);
        wheel.schedule(key, Instant.ofEpochMilli(due), due);
        return wheel.cancel(key);
    }

    /**
     * Schedules a timer in the delay queue and cancels it.
     *
     * @return whether the cancel found the timer
     */
    @Benchmark
    public boolean scheduleThenCancelDelayQueue() {
        VirtualDelay timer = new VirtualDelay(virtualNow[0] + 1 + random.nextLong(THIRTY_DAYS_MILLIS), virtualNow);
        delayQueue.add(timer);
        return delayQueue.remove(timer);
    }

    /**
     * Schedules a task in the executor and cancels it.
     *
     * @return whether the cancel succeeded
     */
    @Benchmark
    public boolean scheduleThenCancelExecutor() {
        ScheduledFuture<?> future = executor.schedule(NOTHING, 1 + random.nextLong(THIRTY_DAYS_MILLIS), TimeUnit.MILLISECONDS);
        return future.cancel(false);
    }

    /**
     * Schedules a timer due a millisecond later, moves the virtual clock on a millisecond, and fires
     * what is due.
     *
     * @param fired receives the fired timers
     */
    @Benchmark
    public void scheduleThenFireWheel(Blackhole fired) {
        long key = nextKey++;
        long due = ++virtualNow[0];
        wheel.schedule(key, Instant.ofEpochMilli(due), due);
        wheel.advance(Instant.ofEpochMilli(due), (k, v) -> fired.consume(v));
    }

    /**
     * Schedules a timer due a millisecond later in the delay queue, moves the virtual clock on a
     * millisecond, and takes what is due.
     *
     * @param fired receives the fired timers
     */
    @Benchmark
    public void scheduleThenFireDelayQueue(Blackhole fired) {
        long due = ++virtualNow[0];
        delayQueue.add(new VirtualDelay(due, virtualNow));
        for (VirtualDelay timer = delayQueue.poll(); timer != null; timer = delayQueue.poll()) {
            fired.consume(timer);
        }
    }
}
