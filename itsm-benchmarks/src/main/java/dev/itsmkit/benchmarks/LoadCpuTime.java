package dev.itsmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs the loads of {@link InMemoryStoresBenchmark} and their floors and reports the CPU time the calling thread
 * spent per load (which includes the cycles it stalled on cache misses, and excludes the time it waited for a core
 * on a loaded machine), besides wall time. The results go to a {@link Blackhole} without being read, as in the JMH
 * benchmarks. The ids of {@link InMemoryStoresBenchmark.RequestIds} are built off the clock: the thread's CPU and
 * wall time spent building them is subtracted. After the loads come the reads of {@link MemoryFloorBenchmark} (named
 * {@code floor <footprint> <read>}), the floor of a load, in the same measure; the prefix {@code floor} runs only
 * them, without filling the store. Run with
 * {@code java -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.LoadCpuTime [tickets] [rounds]}.
 */
public final class LoadCpuTime {
    private static final int BATCHES_PER_ROUND = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LoadCpuTime() {}

    /** One measured batch of {@link InMemoryStoresBenchmark#BATCH} operations. */
    private interface Batch {
        void run(InMemoryStoresBenchmark.RequestIds ids, Blackhole hole);
    }

    /**
     * Adds the reads of {@link MemoryFloorBenchmark} for each of its footprints, named {@code floor <footprint>
     * <benchmark>}: the cost of one random read, in the same CPU-time measure as the loads.
     */
    private static void addFloors(Map<String, Batch> operations) {
        int n = InMemoryStoresBenchmark.BATCH;
        for (String footprint : new String[] {"4MiB", "32MiB", "table"}) {
            MemoryFloorBenchmark f = new MemoryFloorBenchmark();
            f.footprint = footprint;
            String name = "floor " + footprint + " ";
            boolean[] filled = {false};
            Runnable fill = () -> {
                if (!filled[0]) { // only the floors that run take memory
                    f.fill();
                    filled[0] = true;
                }
            };
            operations.put(name + "keysRead", (ids, h) -> {
                fill.run();
                for (int k = 0; k < n; k++) {
                    h.consume(f.keysRead());
                }
            });
            operations.put(name + "probeRead", (ids, h) -> {
                fill.run();
                for (int k = 0; k < n; k++) {
                    h.consume(f.probeRead());
                }
            });
            operations.put(name + "keysChain", (ids, h) -> {
                fill.run();
                for (int k = 0; k < n; k++) {
                    h.consume(f.keysChain());
                }
            });
            operations.put(name + "probeChain", (ids, h) -> {
                fill.run();
                for (int k = 0; k < n; k++) {
                    h.consume(f.probeChain());
                }
            });
        }
    }

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of tickets (default 1,000,000), of measured rounds (default 10), the
     *     start of the names of the operations to run (default all, or "" for all) and {@code updated} to update
     *     every ticket once before measuring
     */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String only = args.length > 2 ? args[2] : "";
        InMemoryStoresBenchmark b = new InMemoryStoresBenchmark();
        b.tickets = tickets;
        if (!only.startsWith("floor")) {
            b.fill();
        }
        boolean updated = args.length > 3 && args[3].equals("updated");
        if (updated) {
            // every ticket updated once, as in a running system: its snapshot is then a newer object, away from its id
            for (int k = 0; k < tickets; k++) {
                b.saveUnitOfWork();
            }
        }
        Blackhole hole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        int n = InMemoryStoresBenchmark.BATCH;
        Map<String, Batch> operations = new LinkedHashMap<>();
        operations.put("load", (ids, h) -> {
            for (int k = 0; k < n; k++) {
                h.consume(b.load());
            }
        });
        operations.put("hashMapLookup", (ids, h) -> {
            for (int k = 0; k < n; k++) {
                h.consume(b.hashMapLookup());
            }
        });
        operations.put("callerOfLoad", (ids, h) -> {
            for (int k = 0; k < n; k++) {
                h.consume(b.callerOfLoad());
            }
        });
        operations.put("loadByEqualId", (ids, h) -> {
            for (int k = 0; k < n; k++) {
                h.consume(b.loadByEqualId());
            }
        });
        operations.put("hashMapLookupByEqualId", (ids, h) -> {
            for (int k = 0; k < n; k++) {
                h.consume(b.hashMapLookupByEqualId());
            }
        });
        operations.put("callerOfLoadByEqualId", (ids, h) -> {
            for (int k = 0; k < n; k++) {
                h.consume(b.callerOfLoadByEqualId());
            }
        });
        operations.put("loadRequestId", b::loadRequestId);
        operations.put("hashMapLookupRequestId", b::hashMapLookupRequestId);
        operations.put("callerOfRequestId", b::callerOfRequestId);
        operations.put("parseRequestId", b::parseRequestId);
        operations.put("parseAndLoadRequestId", b::parseAndLoadRequestId);
        operations.put("loadInTurn", (ids, h) -> h.consume(b.loadInTurn()));
        operations.put("hashMapLookupInTurn", (ids, h) -> h.consume(b.hashMapLookupInTurn()));
        operations.put("callerOfLoadInTurn", (ids, h) -> h.consume(b.callerOfLoadInTurn()));
        operations.put("loadByEqualIdInTurn", (ids, h) -> h.consume(b.loadByEqualIdInTurn()));
        operations.put("hashMapLookupByEqualIdInTurn", (ids, h) -> h.consume(b.hashMapLookupByEqualIdInTurn()));
        operations.put("callerOfLoadByEqualIdInTurn", (ids, h) -> h.consume(b.callerOfLoadByEqualIdInTurn()));
        operations.put("loadRequestIdInTurn", (ids, h) -> h.consume(b.loadRequestIdInTurn(ids)));
        operations.put("hashMapLookupRequestIdInTurn", (ids, h) -> h.consume(b.hashMapLookupRequestIdInTurn(ids)));
        addFloors(operations);
        operations.keySet().removeIf(name -> !name.startsWith(only));
        InMemoryStoresBenchmark.RequestIds ids = new InMemoryStoresBenchmark.RequestIds();
        System.out.printf("%,d tickets%s, %d rounds of %,d operations after 3 warm-up rounds; ns per operation%n", tickets,
                updated ? " (each updated once)" : "", rounds,
                BATCHES_PER_ROUND * n);
        System.out.printf("%-30s %10s %10s %10s %10s%n", "operation", "cpu min", "cpu median", "wall min", "wall median");
        for (Map.Entry<String, Batch> op : operations.entrySet()) {
            List<long[]> results = new ArrayList<>();
            for (int round = 0; round < rounds + 3; round++) {
                long cpu = 0;
                long wall = 0;
                for (int batch = 0; batch < BATCHES_PER_ROUND; batch++) {
                    ids.parse(b); // off the clock
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    op.getValue().run(ids, hole);
                    wall += System.nanoTime() - wallStart;
                    cpu += THREADS.getCurrentThreadCpuTime() - cpuStart;
                }
                if (round >= 3) {
                    results.add(new long[] {cpu / (BATCHES_PER_ROUND * n), wall / (BATCHES_PER_ROUND * n)});
                }
            }
            long[] cpus = results.stream().mapToLong(r -> r[0]).sorted().toArray();
            long[] walls = results.stream().mapToLong(r -> r[1]).sorted().toArray();
            System.out.printf("%-30s %10d %10d %10d %10d%n", op.getKey(), cpus[0], cpus[cpus.length / 2], walls[0],
                    walls[walls.length / 2]);
        }
    }
}
