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
 * {@code java -Xmx3g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.CommitCost [tickets] [rounds] [batches]}.
 */
public final class CommitCost {
    private CommitCost() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of tickets (default 1,000,000), of measured rounds (default 15) and of
     *     batches per round (default 100)
     */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        InMemoryStoresBenchmark b = new InMemoryStoresBenchmark();
        b.tickets = tickets;
        b.fill();
        InMemoryStoresBenchmark.PreparedUnits units = new InMemoryStoresBenchmark.PreparedUnits();
        long thread = Thread.currentThread().getId();
        double[] cpu = new double[rounds];
        double[] bytes = new double[rounds];
        long committed = 0;
        for (int round = -3; round < rounds; round++) {
            long cpuNanos = 0;
            long allocated = 0;
            for (int k = 0; k < batches; k++) {
                units.prepare(b);
                long cpu0 = threads.getCurrentThreadCpuTime();
                long bytes0 = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < InMemoryStoresBenchmark.BATCH; i++) {
                    committed += b.commitOne(units, i);
                }
                allocated += threads.getThreadAllocatedBytes(thread) - bytes0;
                cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
            }
            if (round >= 0) {
                long ops = (long) batches * InMemoryStoresBenchmark.BATCH;
                cpu[round] = (double) cpuNanos / ops;
                bytes[round] = (double) allocated / ops;
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
        System.out.printf("commitUnitOfWork, %,d tickets, %,d commits: CPU ns/op min %.0f median %.0f; bytes/op min %.1f median %.1f%n",
                tickets, committed, cpu[0], cpu[rounds / 2], bytes[0], bytes[rounds / 2]);
    }
}
