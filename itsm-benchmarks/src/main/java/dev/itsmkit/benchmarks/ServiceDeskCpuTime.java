package dev.itsmkit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Runs {@link ServiceDeskBenchmark#mix} or {@link ServiceDeskBenchmark#comment} on its state, in rounds, on
 * as many threads as asked (each with its own agent, as JMH's thread states), and reports per command: the
 * CPU time of each command thread, the CPU time of the whole process divided by the commands of all threads
 * (which adds the garbage collector's and the JIT compiler's threads: 200,000 commands per second on 2 cores
 * leaves 10 µs of it per command), the bytes each thread allocated, and the commands per second of wall
 * time. On a shared machine whose load exceeds its cores, the CPU times and bytes survive the load; wall time
 * does not. Run with
 * {@code java -Xmx3g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.ServiceDeskCpuTime
 * mix|comment true|false [threads] [rounds] [commandsPerRound] [steps]} and read the last rounds. With
 * {@code steps} (only for {@code mix}), the last round also reads the thread's CPU time and allocated bytes around
 * each command and reports them per step of the cycle of eight (open, start, comment, comment, comment, resolve,
 * reopen, comment), the cost of one reading of the CPU time (measured first, on the same thread) taken off: this
 * tells which commands make {@code mix} slower than {@code comment}. On Linux each round also reports the CPU time
 * per command of the JVM's own threads by kind, from {@code /proc/self/task}: the collector's pause workers, its
 * concurrent marker and refinement threads, the compilers and the VM thread (what grows as the store grows).
 */
public final class ServiceDeskCpuTime {
    private static volatile int sink;

    private ServiceDeskCpuTime() {}

    /**
     * Runs the measurement.
     *
     * @param args the benchmark method ({@code mix} or {@code comment}), whether SLA clocks run, optionally the
     *     number of threads (default 2), of rounds (default 7), of commands per thread and round (default 100,000),
     *     and {@code steps} for the cost of each step of {@code mix} in the last round
     * @throws InterruptedException if interrupted while waiting for the command threads
     */
    public static void main(String[] args) throws InterruptedException {
        boolean mix = args[0].equals("mix");
        ServiceDeskBenchmark benchmark = new ServiceDeskBenchmark();
        benchmark.sla = Boolean.parseBoolean(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int commands = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        boolean steps = mix && args.length > 5 && args[5].equals("steps");
        long[][] stepCpu = new long[threads][8];
        long[][] stepBytes = new long[threads][8];
        long[] readingCost = new long[threads];
        benchmark.setUp();
        com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[][] cpu = new long[threads][rounds];
        long[][] bytes = new long[threads][rounds];
        long[][] wall = new long[threads][rounds];
        long[] process = new long[rounds];
        // CPU of the JVM's own threads by kind, per round (Linux: /proc/self/task), to tell the collector's pauses from its
        // concurrent marking and refinement, and the compilers: these grow or not as the store grows
        java.util.List<java.util.Map<String, Long>> jvmThreads = new java.util.ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            jvmThreads.add(new java.util.TreeMap<>());
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        CyclicBarrier end = new CyclicBarrier(threads);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> {
                ServiceDeskBenchmark.Agent agent = new ServiceDeskBenchmark.Agent();
                agent.name();
                try {
                    for (int round = 0; round < rounds; round++) {
                        start.await();
                        if (thread == 0) {
                            process[round] = os.getProcessCpuTime();
                            jvmThreads.set(round, jvmThreadCpu());
                        }
                        long cpu0 = threadBean.getCurrentThreadCpuTime();
                        long bytes0 = threadBean.getCurrentThreadAllocatedBytes();
                        long wall0 = System.nanoTime();
                        int results = 0;
                        if (steps && round == rounds - 1) {
                            readingCost[thread] = readingCost(threadBean);
                            for (int i = 0; i < commands; i++) {
                                int step = agent.step;
                                long stepCpu0 = threadBean.getCurrentThreadCpuTime();
                                long stepBytes0 = threadBean.getCurrentThreadAllocatedBytes();
                                results += benchmark.mix(agent) != null ? 1 : 0;
                                stepBytes[thread][step] += threadBean.getCurrentThreadAllocatedBytes() - stepBytes0;
                                stepCpu[thread][step] += threadBean.getCurrentThreadCpuTime() - stepCpu0;
                            }
                        } else {
                            for (int i = 0; i < commands; i++) {
                                results += (mix ? benchmark.mix(agent) : benchmark.comment(agent)) != null ? 1 : 0;
                            }
                        }
                        sink += results;
                        cpu[thread][round] = threadBean.getCurrentThreadCpuTime() - cpu0;
                        bytes[thread][round] = threadBean.getCurrentThreadAllocatedBytes() - bytes0;
                        wall[thread][round] = System.nanoTime() - wall0;
                        end.await();
                        if (thread == 0) {
                            process[round] = os.getProcessCpuTime() - process[round];
                            java.util.Map<String, Long> before = jvmThreads.get(round);
                            java.util.Map<String, Long> after = jvmThreadCpu();
                            after.replaceAll((kind, nanos) -> nanos - before.getOrDefault(kind, 0L));
                            jvmThreads.set(round, after);
                        }
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException("a command thread was interrupted", e);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("%s, sla=%s, %d threads x %,d commands per round; per command:%n", args[0], benchmark.sla, threads,
                commands);
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder(String.format("round %d: thread cpu us", round));
            double perSecond = 0;
            long allocated = 0;
            for (int t = 0; t < threads; t++) {
                line.append(String.format(" %.2f", cpu[t][round] / 1000.0 / commands));
                perSecond += commands * 1e9 / wall[t][round];
                allocated += bytes[t][round];
            }
            line.append(String.format("; process cpu us %.2f; bytes %d; %,.0f commands/s", process[round] / 1000.0 / commands / threads,
                    allocated / commands / threads, perSecond));
            System.out.println(line);
            if (!jvmThreads.get(round).isEmpty()) {
                StringBuilder kinds = new StringBuilder("         jvm threads' cpu us per command:");
                jvmThreads.get(round).forEach((kind, nanos) -> kinds.append(String.format(" %s %.2f;", kind,
                        nanos / 1000.0 / commands / threads)));
                System.out.println(kinds);
            }
        }
        if (steps) {
            String[] names = {"open", "start", "comment", "comment", "comment", "resolve", "reopen", "comment"};
            System.out.printf("last round per step (thread cpu us less %d ns per reading; bytes):%n", readingCost[0]);
            for (int step = 0; step < 8; step++) {
                StringBuilder line = new StringBuilder(String.format("step %d %-8s", step, names[step]));
                for (int t = 0; t < threads; t++) {
                    line.append(String.format(" %.2f us %d B;", (stepCpu[t][step] / (commands / 8.0) - readingCost[t]) / 1000.0,
                            Math.round(stepBytes[t][step] / (commands / 8.0))));
                }
                System.out.println(line);
            }
        }
    }

    /*
     * The CPU time (user and system, nanoseconds at the kernel's 10 ms resolution) of the JVM's own threads so far,
     * by kind: the collector's pause workers ("GC Thread#n"), its concurrent marker ("G1 Conc#n", "G1 Main Marker"),
     * its refinement threads ("G1 Refine#n"), its service thread, the compilers and the VM thread. Empty where
     * /proc is missing (not Linux).
     */
    private static java.util.Map<String, Long> jvmThreadCpu() {
        java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return cpu;
        }
        for (java.io.File task : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim();
                String kind = name.startsWith("GC Thread") ? "gc-pause" : name.startsWith("G1 Conc") || name.startsWith("G1 Main")
                        ? "g1-marking" : name.startsWith("G1 Refine") ? "g1-refine" : name.startsWith("G1 Service")
                        ? "g1-service" : name.startsWith("C2 Compiler") ? "c2" : name.startsWith("C1 Compiler") ? "c1"
                        : name.startsWith("VM Thread") ? "vm-thread" : null;
                if (kind == null) {
                    continue;
                }
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields from the state on: utime is the 12th, stime the 13th (0-based 11 and 12), in clock ticks (100 Hz)
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                cpu.merge(kind, ticks * 10_000_000L, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        return cpu;
    }

    /* The CPU time one reading of the thread's CPU time adds between two readings, in nanoseconds (a median of 5 rounds). */
    private static long readingCost(com.sun.management.ThreadMXBean threadBean) {
        long[] costs = new long[5];
        for (int r = 0; r < costs.length; r++) {
            int n = 20_000;
            long before = threadBean.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += (int) threadBean.getCurrentThreadCpuTime();
            }
            costs[r] = (threadBean.getCurrentThreadCpuTime() - before) / n;
        }
        java.util.Arrays.sort(costs);
        return costs[costs.length / 2];
    }
}
