package dev.itsmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Runs one of {@link TimerStoreBenchmark}'s benchmarks in a loop on its state (after its setup) and reports the
 * calling thread's CPU time per call, which survives a shared machine's load and the young collections of a
 * large heap (their pauses stop the thread but are not its CPU time), unlike JMH's wall time there. Run with
 * {@code java -Xmx6g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.TimerStoreCpuTime
 * claim|reschedule [rounds] [callsPerRound] [timers]}.
 */
public final class TimerStoreCpuTime {
    private static volatile long sink;

    private TimerStoreCpuTime() {}

    /**
     * Runs the measurement.
     *
     * @param args the benchmark ({@code claim} for {@code scheduleAndClaimDue}, {@code reschedule} for
     *     {@code rescheduleTimer}), optionally the number of measured rounds (default 10, after 3 warm-up rounds),
     *     calls per round (default 200,000) and running timers (default 1,000,000)
     */
    public static void main(String[] args) {
        String which = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        TimerStoreBenchmark benchmark = new TimerStoreBenchmark();
        TimerStoreBenchmark.Timers state = new TimerStoreBenchmark.Timers();
        if (args.length > 3) {
            state.timers = Integer.parseInt(args[3]);
        }
        state.setUp();
        Runnable call = switch (which) {
            case "claim" -> () -> sink += benchmark.scheduleAndClaimDue(state);
            case "reschedule" -> () -> sink += benchmark.rescheduleTimer(state).value().length();
            default -> throw new IllegalArgumentException("expected claim or reschedule, not " + which);
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] thread = new long[rounds];
        for (int round = -3; round < rounds; round++) {
            long before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            if (round >= 0) {
                thread[round] = (threads.getCurrentThreadCpuTime() - before) / calls;
            }
        }
        Arrays.sort(thread);
        System.out.printf("%-10s %,d timers, thread cpu ns/call over %d x %,d calls: min %d median %d max %d%n", which,
                state.timers, rounds, calls, thread[0], thread[rounds / 2], thread[rounds - 1]);
    }
}
