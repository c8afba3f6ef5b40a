package dev.itsmkit.benchmarks;

import dev.itsmkit.persistence.memory.HandleTimerWheel;
import dev.itsmkit.persistence.memory.TimerWheel;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
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

/**
 * The SLA timer structure, {@link TimerWheel}, against the JDK's {@link DelayQueue} and
 * {@link ScheduledThreadPoolExecutor}, each holding {@code timers} running timers due at random
 * instants over the next 30 days, as a million running SLA clocks would be. Measured per
 * operation: scheduling a timer and cancelling it (what a ticket change does to its clock's next
 * threshold), and the steady state of a timer service: schedule a timer due at a random instant
 * in the next 30 days and move the virtual clock on by 15 days / {@code timers}, firing what has come
 * due, so that on average one timer fires per call and the structure keeps its size: a timer waits 15 days
 * on average, so by Little's law {@code timers} are waiting in the steady state (until the eighth session
 * the step was 30 days / {@code timers}, and the firing benchmarks settled at half of {@code timers}
 * after their first million calls, during the warm-up; measured by the eighth session's timer work) (the JDK executor
 * runs on the real clock and cannot be driven by a virtual one, so it has no firing benchmark).
 *
 * <p>Both sides do the same work: each call creates one timer object of 24 bytes (the queue's
 * {@link VirtualDelay}, the wheel's {@link WheelTimer}, each holding its due instant as a {@code long}),
 * hands it to the structure and fires or cancels it there; both are filled from the same random sequence
 * and fire the same timers in the same calls (the setup of each checks the first calls against a
 * reference). The wheel's timer is its own key and value and is given its due time in milliseconds, so
 * neither side boxes a number or creates an {@link Instant} per call.
 *
 * <p>The {@code unreadFireDue*} benchmarks do the same with consumers that count the fired timers without reading
 * them: the structure's own work. The queue's {@code poll} has read each timer it returns (its {@code compareTo}),
 * so the headline consumer's read of the timer is a cache hit for the queue and, unless the wheel read it ahead, a
 * miss for the wheel, which orders its timers by its own arrays. The {@code scheduleAndFireDue*} figures stay the
 * headline: a real consumer reads what fires.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimerBenchmark {
    private static final long THIRTY_DAYS_MILLIS = 30L * 24 * 3600 * 1000;
    private static final Runnable NOTHING = () -> { };
    private static final long START = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

    /** Creates the benchmark; the states hold the structures. */
    public TimerBenchmark() {}

    /** What every state shares: the size, the virtual clock and the random due instants. */
    @State(Scope.Thread)
    public abstract static class Timers {
        /** Creates the shared part of a state. */
        protected Timers() {}

        /** How many timers are running while one is scheduled, cancelled or fired. */
        @Param({"1000000"})
        public int timers = 1_000_000;
        final long[] virtualNow = {START};
        final SplittableRandom random = new SplittableRandom(42);
        int nextKey;
        /** How far the virtual clock moves per firing call: one timer comes due per call on average. */
        long step;
        /** The sum of the due instants of the timers fired, for JMH to consume. */
        long firedSum;
        /** How many timers fired in the {@code unreadFireDue*} benchmarks, whose consumers do not read them. */
        long firedCount;

        /**
         * Sets the step; called by the subclasses' setups. A timer is due uniformly within 30 days, so it waits 15
         * days on average; one timer scheduled per step of 15 days / {@code timers} keeps {@code timers} waiting.
         */
        void setStep() {
            step = Math.max(1, THIRTY_DAYS_MILLIS / (2L * timers));
        }

        /**
         * A due instant for the timers a state starts with, drawn from what the firing benchmarks' steady state
         * holds: of timers scheduled uniformly within 30 days, those still waiting have a remaining time whose
         * density falls linearly from now to 30 days ahead, so the benchmarks start where they stay.
         */
        long steadyStateDue() {
            return virtualNow[0] + 1 + (long) (THIRTY_DAYS_MILLIS * (1 - Math.sqrt(1 - random.nextDouble())));
        }

        long randomDue() {
            return virtualNow[0] + 1 + random.nextLong(THIRTY_DAYS_MILLIS);
        }
    }

    /** A timer wheel holding the running timers; only the wheel's benchmarks create it. */
    @State(Scope.Thread)
    public static class WheelState extends Timers {
        /** Creates the state; JMH calls its setup. */
        public WheelState() {}

        TimerWheel<WheelTimer, WheelTimer> wheel;
        BiConsumer<WheelTimer, WheelTimer> consumer = (key, timer) -> { };
        /** Counts the fired timers without reading them (typed {@code Object}: not even a cast reads them). */
        BiConsumer<Object, Object> unread = (key, timer) -> { };

        /** Checks that the wheel and the queue fire the same timers, then fills the wheel. */
        @Setup(Level.Trial)
        public void setUp() {
            checkBothFireTheSameTimers();
            checkUnreadFireTheSameCount("the wheel", new WheelState(), WheelState::fill, TimerBenchmark::unreadFireDueWheel);
            fill();
        }

        void fill() {
            setStep();
            consumer = (key, timer) -> firedSum += timer.dueMillis;
            unread = (key, timer) -> firedCount++;
            wheel = new TimerWheel<>(Instant.ofEpochMilli(START));
            for (int i = 0; i < timers; i++) {
                WheelTimer timer = new WheelTimer(i, steadyStateDue());
                wheel.schedule(timer, timer.dueMillis, timer);
            }
            nextKey = timers;
        }
    }

    /*
     * Runs both firing benchmarks side by side on 10,000 timers for 30,000 calls and fails unless every
     * call fires timers of the same due instants on both sides: the comparison is of the same work.
     */
    static void checkBothFireTheSameTimers() {
        TimerBenchmark benchmark = new TimerBenchmark();
        WheelState wheel = new WheelState();
        wheel.timers = 10_000;
        wheel.fill();
        checkFiresTheSameTimersAsTheQueue("the wheel", () -> benchmark.scheduleAndFireDueWheel(wheel), () -> wheel.wheel.size());
    }

    /* Runs a firing benchmark beside the queue's on 10,000 timers for 30,000 calls; fails unless they agree at every call. */
    private static void checkFiresTheSameTimersAsTheQueue(String what, LongSupplier fire, IntSupplier size) {
        TimerBenchmark benchmark = new TimerBenchmark();
        QueueState queue = new QueueState();
        queue.timers = 10_000;
        queue.setUp();
        long firedSum = 0;
        for (int call = 0; call < 30_000; call++) {
            long wheelSum = fire.getAsLong();
            long queueSum = benchmark.scheduleAndFireDueDelayQueue(queue);
            if (wheelSum != queueSum || size.getAsInt() != queue.queue.size()) {
                throw new IllegalStateException(what + " and the queue differ at call " + call + ": sums "
                        + wheelSum + " and " + queueSum + ", sizes " + size.getAsInt() + " and " + queue.queue.size());
            }
            firedSum = wheelSum;
        }
        if (firedSum == 0) {
            throw new IllegalStateException("nothing fired in the check");
        }
        // the firing benchmarks claim to hold `timers` timers: after three times that many calls they still must
        int held = queue.queue.size();
        if (Math.abs(held - queue.timers) > queue.timers / 10) {
            throw new IllegalStateException("the firing benchmarks should keep " + queue.timers
                    + " timers waiting, but after 30,000 calls the queue holds " + held);
        }
    }

    /**
     * A wheel of handles ({@link HandleTimerWheel}) holding the running timers: the same timers as the keyed
     * wheel's, named by the handles the wheel returns, as a caller that keeps each timer's handle (an SLA clock's
     * next threshold, held with the clock) would. The keyed benchmark stays beside it.
     */
    @State(Scope.Thread)
    public static class HandleState extends Timers {
        /** Creates the state; JMH calls its setup. */
        public HandleState() {}

        HandleTimerWheel<WheelTimer> wheel;
        Consumer<WheelTimer> consumer = timer -> { };
        /** Counts the fired timers without reading them (typed {@code Object}: not even a cast reads them). */
        Consumer<Object> unread = timer -> { };

        /** Checks that the wheel of handles and the queue fire the same timers, then fills the wheel. */
        @Setup(Level.Trial)
        public void setUp() {
            checkHandlesFireTheSameTimersAsTheQueue();
            checkUnreadFireTheSameCount("the wheel of handles", new HandleState(), HandleState::fill,
                    TimerBenchmark::unreadFireDueHandleWheel);
            fill();
        }

        void fill() {
            setStep();
            consumer = timer -> firedSum += timer.dueMillis;
            unread = timer -> firedCount++;
            wheel = new HandleTimerWheel<>(Instant.ofEpochMilli(START));
            for (int i = 0; i < timers; i++) {
                WheelTimer timer = new WheelTimer(i, steadyStateDue());
                wheel.schedule(timer.dueMillis, timer);
            }
            nextKey = timers;
        }
    }

    /* As checkBothFireTheSameTimers, for the wheel of handles against the queue. */
    static void checkHandlesFireTheSameTimersAsTheQueue() {
        TimerBenchmark benchmark = new TimerBenchmark();
        HandleState wheel = new HandleState();
        wheel.timers = 10_000;
        wheel.fill();
        checkFiresTheSameTimersAsTheQueue("the wheel of handles", () -> benchmark.scheduleAndFireDueHandleWheel(wheel),
                () -> wheel.wheel.size());
    }

    /*
     * Runs an unread firing benchmark beside the queue's on 10,000 timers for 30,000 calls; fails unless both have
     * fired the same number of timers after every call.
     */
    static <S extends Timers> void checkUnreadFireTheSameCount(String what, S state, Consumer<S> fill,
            BiFunction<TimerBenchmark, S, Long> fire) {
        TimerBenchmark benchmark = new TimerBenchmark();
        state.timers = 10_000;
        fill.accept(state);
        QueueState queue = new QueueState();
        queue.timers = 10_000;
        queue.setUp();
        for (int call = 0; call < 30_000; call++) {
            long fired = fire.apply(benchmark, state);
            long polled = benchmark.unreadFireDueDelayQueue(queue);
            if (fired != polled) {
                throw new IllegalStateException(what + " and the queue differ at call " + call + ": fired " + fired
                        + " and " + polled + " timers");
            }
        }
        if (state.firedCount == 0) {
            throw new IllegalStateException("nothing fired in the check");
        }
    }

    /** A delay queue holding the running timers. */
    @State(Scope.Thread)
    public static class QueueState extends Timers {
        /** Creates the state; JMH calls its setup. */
        public QueueState() {}

        DelayQueue<VirtualDelay> queue;

        /** Fills the queue. */
        @Setup(Level.Trial)
        public void setUp() {
            setStep();
            queue = new DelayQueue<>();
            for (long i = 0; i < timers; i++) {
                queue.add(new VirtualDelay(steadyStateDue(), virtualNow));
            }
        }
    }

    /** A scheduled thread pool executor holding the running timers as tasks. */
    @State(Scope.Thread)
    public static class ExecutorState extends Timers {
        /** Creates the state; JMH calls its setup. */
        public ExecutorState() {}

        ScheduledThreadPoolExecutor executor;

        /** Fills the executor. */
        @Setup(Level.Trial)
        public void setUp() {
            executor = new ScheduledThreadPoolExecutor(1);
            executor.setRemoveOnCancelPolicy(true);
            for (long i = 0; i < timers; i++) {
                executor.schedule(NOTHING, steadyStateDue() - virtualNow[0], TimeUnit.MILLISECONDS);
            }
        }

        /** Stops the executor's thread. */
        @TearDown(Level.Trial)
        public void tearDown() {
            executor.shutdownNow();
        }
    }

    /**
     * A timer of the wheel: its own key (equal by id, hashed as a string id would be, evenly) and value.
     * Its 24 bytes are those of a {@link VirtualDelay}.
     */
    static final class WheelTimer {
        final int id;
        final long dueMillis;

        WheelTimer(int id, long dueMillis) {
            this.id = id;
            this.dueMillis = dueMillis;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WheelTimer timer && timer.id == id;
        }

        @Override
        public int hashCode() {
            return id * 0x9E3779B9;
        }
    }

    /** A timer of the delay queue on the benchmark's virtual clock. */
    static final class VirtualDelay implements Delayed {
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

    /**
     * Schedules a timer in the wheel and cancels it.
     *
     * @param s the wheel
     * @return whether the cancel found the timer
     */
    @Benchmark
    public boolean scheduleThenCancelWheel(WheelState s) {
        WheelTimer timer = new WheelTimer(s.nextKey++, s.randomDue());
        s.wheel.schedule(timer, timer.dueMillis, timer);
        return s.wheel.cancel(timer);
    }

    /**
     * Schedules a timer in the delay queue and cancels it.
     *
     * @param s the queue
     * @return whether the cancel found the timer
     */
    @Benchmark
    public boolean scheduleThenCancelDelayQueue(QueueState s) {
        VirtualDelay timer = new VirtualDelay(s.randomDue(), s.virtualNow);
        s.queue.add(timer);
        return s.queue.remove(timer);
    }

    /**
     * Schedules a task in the executor and cancels it.
     *
     * @param s the executor
     * @return whether the cancel succeeded
     */
    @Benchmark
    public boolean scheduleThenCancelExecutor(ExecutorState s) {
        ScheduledFuture<?> future = s.executor.schedule(NOTHING, s.randomDue() - s.virtualNow[0], TimeUnit.MILLISECONDS);
        return future.cancel(false);
    }

    /**
     * Schedules a timer at a random instant in the next 30 days, moves the virtual clock on by the
     * step and fires what has come due (one timer per call on average).
     *
     * @param s the wheel
     * @return the sum of the due instants fired so far
     */
    @Benchmark
    public long scheduleAndFireDueWheel(WheelState s) {
        WheelTimer timer = new WheelTimer(s.nextKey++, s.randomDue());
        s.wheel.schedule(timer, timer.dueMillis, timer);
        s.virtualNow[0] += s.step;
        s.wheel.advance(s.virtualNow[0], s.consumer);
        return s.firedSum;
    }

    /**
     * Schedules a timer at a random instant in the next 30 days in the delay queue, moves the
     * virtual clock on by the step and takes what has come due (one timer per call on average).
     *
     * @param s the queue
     * @return the sum of the due instants taken so far
     */
    @Benchmark
    public long scheduleAndFireDueDelayQueue(QueueState s) {
        s.queue.add(new VirtualDelay(s.randomDue(), s.virtualNow));
        s.virtualNow[0] += s.step;
        for (VirtualDelay timer = s.queue.poll(); timer != null; timer = s.queue.poll()) {
            s.firedSum += timer.dueMillis;
        }
        return s.firedSum;
    }

    /**
     * Schedules a timer in the wheel of handles and cancels it by its handle.
     *
     * @param s the wheel of handles
     * @return whether the cancel found the timer
     */
    @Benchmark
    public boolean scheduleThenCancelHandleWheel(HandleState s) {
        WheelTimer timer = new WheelTimer(s.nextKey++, s.randomDue());
        long handle = s.wheel.schedule(timer.dueMillis, timer);
        return s.wheel.cancel(handle);
    }

    /**
     * The firing benchmark on the wheel of handles: schedules a timer at a random instant in the next 30 days
     * (keeping no handle: it fires), moves the virtual clock on by the step and fires what has come due.
     *
     * @param s the wheel of handles
     * @return the sum of the due instants fired so far
     */
    @Benchmark
    public long scheduleAndFireDueHandleWheel(HandleState s) {
        WheelTimer timer = new WheelTimer(s.nextKey++, s.randomDue());
        s.wheel.schedule(timer.dueMillis, timer);
        s.virtualNow[0] += s.step;
        s.wheel.advance(s.virtualNow[0], s.consumer);
        return s.firedSum;
    }

    /**
     * The firing benchmark with a consumer that does not read the timers it is given: schedules a timer, moves the
     * virtual clock on by the step and counts the timers that fire, as {@link #scheduleAndFireDueWheel} does but
     * without reading them. {@link #scheduleAndFireDueWheel} stays the headline: a real consumer reads what fires.
     * This one shows the structure's own work: the queue's poll has read each timer it returns (its
     * {@code compareTo}), so the consumer's read is a cache hit there and a miss for the wheel, which orders its
     * timers by its own arrays.
     *
     * @param s the wheel
     * @return how many timers fired so far
     */
    @Benchmark
    public long unreadFireDueWheel(WheelState s) {
        WheelTimer timer = new WheelTimer(s.nextKey++, s.randomDue());
        s.wheel.schedule(timer, timer.dueMillis, timer);
        s.virtualNow[0] += s.step;
        s.wheel.advance(s.virtualNow[0], s.unread);
        return s.firedCount;
    }

    /**
     * {@link #unreadFireDueWheel} on the wheel of handles: its consumer counts the timers without reading them.
     *
     * @param s the wheel of handles
     * @return how many timers fired so far
     */
    @Benchmark
    public long unreadFireDueHandleWheel(HandleState s) {
        WheelTimer timer = new WheelTimer(s.nextKey++, s.randomDue());
        s.wheel.schedule(timer.dueMillis, timer);
        s.virtualNow[0] += s.step;
        s.wheel.advance(s.virtualNow[0], s.unread);
        return s.firedCount;
    }

    /**
     * {@link #unreadFireDueWheel} on the delay queue: counts the timers polled without reading them (the poll
     * itself has read them).
     *
     * @param s the queue
     * @return how many timers were taken so far
     */
    @Benchmark
    public long unreadFireDueDelayQueue(QueueState s) {
        s.queue.add(new VirtualDelay(s.randomDue(), s.virtualNow));
        s.virtualNow[0] += s.step;
        while (s.queue.poll() != null) {
            s.firedCount++;
        }
        return s.firedCount;
    }
}
