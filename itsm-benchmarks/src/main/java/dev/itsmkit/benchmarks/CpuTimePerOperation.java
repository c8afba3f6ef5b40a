package dev.itsmkit.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs the operations of {@link InMemoryStoresBenchmark} and reports, besides wall time, the CPU time the
 * calling thread spent per operation. On a shared machine whose load exceeds its cores, JMH's wall-clock
 * figures include the time the thread waited for a core and the garbage collector's pauses; the thread's CPU
 * time is the work of the code path itself (the collector's work shows in the allocation per operation that
 * {@code -prof gc} reports). Run with
 * {@code java -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.CpuTimePerOperation [tickets] [rounds]}.
 */
public final class CpuTimePerOperation {
    private static final int OPS_PER_ROUND = 100_000;
    private static volatile int sink;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU and wall time spent in the current round on work that is not the operation's (preparing its input). */
    private static long excludedCpu;
    private static long excludedWall;

    private CpuTimePerOperation() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of tickets (default 1,000,000), of measured rounds (default 10), and the
     *     start of the names of the operations to run (default all)
     */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        InMemoryStoresBenchmark b = new InMemoryStoresBenchmark();
        b.tickets = tickets;
        b.fill();
        Blackhole hole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Map<String, IntSupplier> operations = new LinkedHashMap<>();
        // a lookup's result is used by reading the snapshot's version (Ticket.hashCode would read more objects)
        operations.put("load", () -> (int) b.load().orElseThrow().version());
        operations.put("hashMapLookup (floor of load)", () -> (int) b.hashMapLookup().version());
        operations.put("loadByEqualId", () -> (int) b.loadByEqualId().orElseThrow().version());
        operations.put("hashMapLookupByEqualId (floor)", () -> (int) b.hashMapLookupByEqualId().version());
        operations.put("saveUnitOfWork", () -> b.saveUnitOfWork().hashCode());
        InMemoryStoresBenchmark.PreparedUnits units = new InMemoryStoresBenchmark.PreparedUnits();
        int[] prepared = {InMemoryStoresBenchmark.BATCH};
        operations.put("commitUnitOfWork (store's part of save)", () -> {
            if (prepared[0] == InMemoryStoresBenchmark.BATCH) {
                // build the next batch's values off the clock: the thread's CPU time and wall time spent here are
                // subtracted from the round below
                long cpu = THREADS.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                units.prepare(b);
                excludedCpu += THREADS.getCurrentThreadCpuTime() - cpu;
                excludedWall += System.nanoTime() - wall;
                prepared[0] = 0;
            }
            int k = prepared[0]++;
            return b.commitOne(units, k);
        });
        operations.put("buildUnitOfWorkValues (caller's part of save)", () -> {
            b.buildUnitOfWorkValues(hole);
            return 0;
        });
        operations.put("hashOfOneEvent (floor of save)", () -> b.hashOfOneEvent().hashCode());
        String only = args.length > 2 ? args[2] : "";
        operations.keySet().removeIf(name -> !name.startsWith(only));
        ThreadMXBean threads = THREADS;
        System.out.printf("%,d tickets, %d rounds of %,d operations after 3 warm-up rounds; ns per operation%n", tickets, rounds,
                OPS_PER_ROUND);
        System.out.printf("%-48s %10s %10s %10s %10s %8s%n", "operation", "cpu min", "cpu median", "wall min", "wall median", "gc ms");
        for (Map.Entry<String, IntSupplier> op : operations.entrySet()) {
            List<long[]> results = new ArrayList<>();
            for (int round = 0; round < rounds + 3; round++) {
                excludedCpu = 0;
                excludedWall = 0;
                long gcBefore = gcMillis();
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                int acc = 0;
                for (int i = 0; i < OPS_PER_ROUND; i++) {
                    acc += op.getValue().getAsInt();
                }
                sink += acc;
                long[] r = {(threads.getCurrentThreadCpuTime() - cpu - excludedCpu) / OPS_PER_ROUND,
                        (System.nanoTime() - wall - excludedWall) / OPS_PER_ROUND,
                        gcMillis() - gcBefore};
                if (round >= 3) {
                    results.add(r);
                }
            }
            long[] cpus = results.stream().mapToLong(r -> r[0]).sorted().toArray();
            long[] walls = results.stream().mapToLong(r -> r[1]).sorted().toArray();
            long gc = results.stream().mapToLong(r -> r[2]).sum();
            System.out.printf("%-48s %10d %10d %10d %10d %8d%n", op.getKey(), cpus[0], cpus[cpus.length / 2], walls[0],
                    walls[walls.length / 2], gc);
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
