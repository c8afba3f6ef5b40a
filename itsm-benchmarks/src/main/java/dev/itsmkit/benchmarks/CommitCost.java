package dev.itsmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The store's part of a command's unit of work ({@link InMemoryStoresBenchmark#commitUnitOfWork}) measured
 * in the two figures that survive a loaded machine: the calling thread's CPU time and the bytes it
 * allocates per commit, both taken around the commits only, never around the building of their values
 * (JMH's {@code -prof gc} counts the {@code @Setup(Level.Invocation)} values, about 940 bytes, in the
 * commit's bytes per operation). Each round commits {@code batches} batches of
 * {@value InMemoryStoresBenchmark#BATCH} prepared units of work; prints the minimum and median over the
 * rounds, after three warm-up rounds, and the CPU figure of each round in order. Run with
 * {@code java -Xmx3g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.CommitCost [tickets] [rounds] [batches] [cold|loaded]}.
 *
 * <p>{@code cold} (the default) commits units built from the benchmark's own copy of each ticket
 * ({@link InMemoryStoresBenchmark.PreparedUnits}): the commit pays the misses of a ticket nobody read lately.
 * {@code loaded} commits units whose tickets were loaded through the store just before, as the engine does
 * ({@link InMemoryStoresBenchmark.LoadedUnits}), {@value InMemoryStoresBenchmark#LOADED_BATCH} at a time, the same
 * number of commits per round. Its windows are short, so the cost of reading the thread's CPU time and allocation
 * at their ends (measured around empty windows in the same round, and printed) is subtracted.
 */
public final class CommitCost {
    private CommitCost() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of tickets (default 1,000,000), of measured rounds (default 15), of
     *     batches of {@value InMemoryStoresBenchmark#BATCH} commits per round (default 100) and the mode, {@code cold}
     *     (the default) or {@code loaded}
     */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        boolean loaded = args.length > 3 && switch (args[3]) {
            case "cold" -> false;
            case "loaded" -> true;
            default -> throw new IllegalArgumentException("expected cold or loaded, not " + args[3]);
        };
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        InMemoryStoresBenchmark b = new InMemoryStoresBenchmark();
        b.tickets = tickets;
        b.fill();
        InMemoryStoresBenchmark.PreparedUnits units = new InMemoryStoresBenchmark.PreparedUnits();
        InMemoryStoresBenchmark.LoadedUnits loadedUnits = new InMemoryStoresBenchmark.LoadedUnits();
        long thread = Thread.currentThread().getId();
        double[] cpu = new double[rounds];
        double[] bytes = new double[rounds];
        double[] overheadCpu = new double[rounds];
        long committed = 0;
        for (int round = -3; round < rounds; round++) {
            long cpuNanos = 0;
            long allocated = 0;
            long emptyCpu = 0;
            long emptyBytes = 0;
            int windows = 0;
            long roundCommits = 0;
            if (!loaded) {
                for (int k = 0; k < batches; k++) {
                    units.prepare(b);
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long bytes0 = threads.getThreadAllocatedBytes(thread);
                    for (int i = 0; i < InMemoryStoresBenchmark.BATCH; i++) {
                        roundCommits += b.commitOne(units, i);
                    }
                    allocated += threads.getThreadAllocatedBytes(thread) - bytes0;
                    cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
                }
            } else {
                int perBatch = InMemoryStoresBenchmark.LOADED_BATCH;
                for (int k = 0; k < batches * (InMemoryStoresBenchmark.BATCH / perBatch); k++) {
                    loadedUnits.load(b);
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long bytes0 = threads.getThreadAllocatedBytes(thread);
                    for (int i = 0; i < perBatch; i++) {
                        roundCommits += b.commitLoaded(loadedUnits, i);
                    }
                    allocated += threads.getThreadAllocatedBytes(thread) - bytes0;
                    cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
                    // the same reads around an empty window: what reading the counters adds to each window
                    long cpu1 = threads.getCurrentThreadCpuTime();
                    long bytes1 = threads.getThreadAllocatedBytes(thread);
                    emptyBytes += threads.getThreadAllocatedBytes(thread) - bytes1;
                    emptyCpu += threads.getCurrentThreadCpuTime() - cpu1;
                    windows++;
                }
            }
            committed += roundCommits;
            if (round >= 0) {
                long ops = roundCommits;
                cpu[round] = (double) (cpuNanos - emptyCpu) / ops;
                bytes[round] = (double) (allocated - emptyBytes) / ops;
                overheadCpu[round] = windows == 0 ? 0 : (double) emptyCpu / windows;
            }
        }
        // in measuring order too: the update order's stale keys pile up and are compacted as the rounds go on
        StringBuilder inOrder = new StringBuilder("CPU ns/op by round:");
        for (double c : cpu) {
            inOrder.append(' ').append(Math.round(c));
        }
        System.out.println(inOrder);
        Arrays.sort(cpu);
        Arrays.sort(bytes);
        Arrays.sort(overheadCpu);
        System.out.printf("%s, %,d tickets, %,d commits: CPU ns/op min %.0f median %.0f; bytes/op min %.1f median %.1f%n",
                loaded ? "commitLoadedUnitOfWork" : "commitUnitOfWork", tickets, committed, cpu[0], cpu[rounds / 2], bytes[0],
                bytes[rounds / 2]);
        if (loaded) {
            System.out.printf("  (subtracted: reading the counters, median %.0f ns per window of %d commits)%n",
                    overheadCpu[rounds / 2], InMemoryStoresBenchmark.LOADED_BATCH);
        }
    }
}
