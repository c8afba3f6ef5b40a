package dev.itsmkit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Runs one of {@link TimerBenchmark}'s firing or cancelling benchmarks in a loop on its JMH state (after its
 * setup) and reports, per call, the CPU time of the calling thread, the CPU time of the whole process (which
 * adds the garbage collector's threads: the price of what a call allocates), wall time and the collector's
 * pause time. On a shared machine whose load exceeds its cores, these survive the load better than JMH's wall
 * time. One structure per run, so that each JVM's heap holds only what it measures, as JMH's forks do. Run with
 * {@code java -Xmx6g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.TimerCpuTime
 * wheel|queue|wheelCancel|handle|handleCancel|wheelUnread|handleUnread|queueUnread [rounds] [callsPerRound] [timers]}; with fewer timers (10,000: all in the cache) the
 * same code shows what a call costs without the cache misses of a million timers.
 */
public final class TimerCpuTime {
    private static volatile long sink;

    private TimerCpuTime() {}

    /**
     * Runs the measurement.
     *
     * @param args the benchmark ({@code wheel}, {@code queue}, {@code wheelCancel}, {@code handle} and
     *     {@code handleCancel} for {@link dev.itsmkit.persistence.memory.HandleTimerWheel}; {@code wheelUnread},
     *     {@code handleUnread} and {@code queueUnread} for the {@code unreadFireDue*} benchmarks), optionally the number of
     *     measured rounds (default 10, after 3 warm-up rounds), calls per round (default 500,000) and running timers
     *     (default 1,000,000)
     */
    public static void main(String[] args) {
        String which = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        TimerBenchmark benchmark = new TimerBenchmark();
        TimerBenchmark.WheelState wheel = new TimerBenchmark.WheelState();
        TimerBenchmark.QueueState queue = new TimerBenchmark.QueueState();
        TimerBenchmark.HandleState handles = new TimerBenchmark.HandleState();
        if (args.length > 3) {
            wheel.timers = Integer.parseInt(args[3]);
            queue.timers = wheel.timers;
            handles.timers = wheel.timers;
        }
        Runnable call;
        switch (which) {
            case "wheel" -> {
                wheel.setUp();
                call = () -> sink += benchmark.scheduleAndFireDueWheel(wheel);
            }
            case "wheelCancel" -> {
                wheel.setUp();
                call = () -> sink += benchmark.scheduleThenCancelWheel(wheel) ? 1 : 0;
            }
            case "queue" -> {
                queue.setUp();
                call = () -> sink += benchmark.scheduleAndFireDueDelayQueue(queue);
            }
            case "handle" -> {
                handles.setUp();
                call = () -> sink += benchmark.scheduleAndFireDueHandleWheel(handles);
            }
            case "wheelUnread" -> {
                wheel.setUp();
                call = () -> sink += benchmark.unreadFireDueWheel(wheel);
            }
            case "handleUnread" -> {
                handles.setUp();
                call = () -> sink += benchmark.unreadFireDueHandleWheel(handles);
            }
            case "queueUnread" -> {
                queue.setUp();
                call = () -> sink += benchmark.unreadFireDueDelayQueue(queue);
            }
            case "handleCancel" -> {
                handles.setUp();
                call = () -> sink += benchmark.scheduleThenCancelHandleWheel(handles) ? 1 : 0;
            }
            default -> throw new IllegalArgumentException("expected wheel, wheelCancel, wheelUnread, handle, handleCancel, handleUnread, queue or queueUnread, not " + which);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] thread = new long[rounds];
        long[] all = new long[rounds];
        long[] wall = new long[rounds];
        long gc = 0;
        for (int round = -3; round < rounds; round++) {
            long gcBefore = gcMillis();
            long threadBefore = threads.getCurrentThreadCpuTime();
            long processBefore = process.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            if (round >= 0) {
                thread[round] = (threads.getCurrentThreadCpuTime() - threadBefore) / calls;
                all[round] = (process.getProcessCpuTime() - processBefore) / calls;
                wall[round] = (System.nanoTime() - wallBefore) / calls;
                gc += gcMillis() - gcBefore;
            }
        }
        Arrays.sort(thread);
        Arrays.sort(all);
        Arrays.sort(wall);
        System.out.printf("%-12s %,d timers, ns/call over %d x %,d calls: thread cpu min %d median %d; process cpu min %d median %d;"
                + " wall min %d median %d; gc pauses %d ms%n", which, wheel.timers, rounds, calls, thread[0], thread[rounds / 2], all[0],
                all[rounds / 2], wall[0], wall[rounds / 2], gc);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
