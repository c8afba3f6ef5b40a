package dev.itsmkit.benchmarks;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvents;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The store's part of a command's unit of work ({@link InMemoryStoresBenchmark#commitUnitOfWork}) measured
 * in the two figures that survive a loaded machine: the calling thread's CPU time and the bytes it
 * allocates per commit, both taken around the commits only, never around the building of their values
 * (JMH's {@code -prof gc} counts the {@code @Setup(Level.Invocation)} values, about 940 bytes, in the
 * commit's bytes per operation). Each round commits {@code batches} batches of
 * {@value InMemoryStoresBenchmark#BATCH} prepared units of work; prints the minimum and median over the
 * rounds, after three warm-up rounds, and the CPU figure of each round in order. Run with
 * {@code java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.CommitCost [tickets] [rounds] [batches] [cold|loaded|plain|plain-log]}:
 * a fixed, pre-touched heap, because on a heap that grows G1 takes regions the process never touched, and the first
 * touch of each page is a page fault, zeroed by the kernel and charged to the committing thread (100 to 230 ms of
 * system time in some rounds of a million tickets; see {@code docs/benchmarks.md}, twelfth session).
 *
 * <p>Beside those, the collectors' stop-the-world pause time per commit (from their {@code GarbageCollectorMXBean}s, a
 * mean over the rounds, since a pause falls in one round and some rounds have none): the CPU figure leaves it out, and
 * at a million tickets it is of the same order, because what a commit writes outlives the young generation and its
 * pauses copy it (the benchmark's values too, which the store keeps). And the CPU time of the process's other threads
 * per commit, a mean over the rounds: the collector's threads, in its pauses and between them (G1's refinement and
 * marking; all of a concurrent collector's work, whose pauses are short), and the compiler's.
 *
 * <p>{@code cold} (the default) commits units built from the benchmark's own copy of each ticket
 * ({@link InMemoryStoresBenchmark.PreparedUnits}): the commit pays the misses of a ticket nobody read lately.
 * {@code loaded} commits units whose tickets were loaded through the store just before, as the engine does
 * ({@link InMemoryStoresBenchmark.LoadedUnits}), {@value InMemoryStoresBenchmark#LOADED_BATCH} at a time, the same
 * number of commits per round. {@code plain} commits the same loaded units into the floor of
 * {@link PlainStoreBenchmark}, plain collections under one lock that keep the same objects and guarantee nothing else:
 * its pauses are what keeping those objects costs when each ticket references its own, as the store's do.
 * {@code plain-log} commits them into the same floor laid out as a log ({@link PlainStoreBenchmark.LoggedStore}): the
 * tickets hold positions in an append-only log of references instead of the references, so a commit dirties no card at
 * a random place of the heap. Their windows are short, so the cost of reading the thread's CPU time and allocation at
 * their ends (measured around empty windows in the same round, and printed) is subtracted.
 * {@code -DcommitCost.verbose=true} prints each round as it ends, with the JVM's uptime, to match it with
 * {@code -Xlog:gc*:file=...:uptime} lines, and the thread's system (kernel) time over the round: on a heap that grows,
 * the first touch of each new page is a page fault, zeroed by the kernel and charged to the thread that touched it.
 *
 * <p>{@code CommitCost hash} splits the audit hash of one event (an {@code SlaWarned} of 194 bytes, as the commits
 * append) between its canonical form and SHA-256: the form written into a digest that only counts bytes, SHA-256 of
 * 64 bytes and the same form's bytes given whole, and both as the store hashes an event.
 */
public final class CommitCost {
    private CommitCost() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of tickets (default 1,000,000), of measured rounds (default 15), of
     *     batches of {@value InMemoryStoresBenchmark#BATCH} commits per round (default 100) and the mode, {@code cold}
     *     (the default), {@code loaded}, {@code plain} or {@code plain-log}
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("hash")) {
            hashSplit();
            return;
        }
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String mode = args.length > 3 ? args[3] : "cold";
        if (!List.of("cold", "loaded", "plain", "plain-log").contains(mode)) {
            throw new IllegalArgumentException("expected cold, loaded, plain or plain-log, not " + mode);
        }
        boolean loaded = !mode.equals("cold");
        boolean plainStore = mode.startsWith("plain");
        boolean verbose = Boolean.getBoolean("commitCost.verbose");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        InMemoryStoresBenchmark b = new InMemoryStoresBenchmark();
        b.tickets = tickets;
        PlainStoreBenchmark plain = new PlainStoreBenchmark();
        plain.tickets = tickets;
        plain.layout = mode.equals("plain-log") ? "log" : "objects";
        // one store on the heap, the measured one
        if (plainStore) {
            plain.fill();
        } else {
            b.fill();
        }
        InMemoryStoresBenchmark.PreparedUnits units = new InMemoryStoresBenchmark.PreparedUnits();
        InMemoryStoresBenchmark.LoadedUnits loadedUnits = new InMemoryStoresBenchmark.LoadedUnits();
        PlainStoreBenchmark.LoadedUnits plainUnits = new PlainStoreBenchmark.LoadedUnits();
        long thread = Thread.currentThread().getId();
        double[] cpu = new double[rounds];
        double[] bytes = new double[rounds];
        double[] overheadCpu = new double[rounds];
        double[] pauses = new double[rounds];
        double[] otherCpu = new double[rounds];
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // the collectors whose time is stop-the-world pauses: a concurrent cycle's bean (G1's "Concurrent GC", ZGC's and
        // Shenandoah's "Cycles") counts time no thread stopped for
        List<GarbageCollectorMXBean> pausing = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles")).toList();
        long committed = 0;
        for (int round = -3; round < rounds; round++) {
            long cpuNanos = 0;
            long roundCpu0 = threads.getCurrentThreadCpuTime();
            long roundUser0 = threads.getCurrentThreadUserTime();
            long allocated = 0;
            long emptyCpu = 0;
            long emptyBytes = 0;
            int windows = 0;
            long roundCommits = 0;
            long paused0 = pauseMillis(pausing);
            long processCpu0 = process.getProcessCpuTime();
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
                    if (plainStore) {
                        plainUnits.load(plain);
                    } else {
                        loadedUnits.load(b);
                    }
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long bytes0 = threads.getThreadAllocatedBytes(thread);
                    if (plainStore) {
                        for (int i = 0; i < perBatch; i++) {
                            roundCommits += plain.commitOne(plainUnits, i);
                        }
                    } else {
                        for (int i = 0; i < perBatch; i++) {
                            roundCommits += b.commitOne(loadedUnits, i);
                        }
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
                pauses[round] = (pauseMillis(pausing) - paused0) * 1e6 / ops;
                // the process's CPU time but this thread's (its building of the units too): the collector's threads,
                // in pauses and concurrently, and the compiler's
                long thisThread = threads.getCurrentThreadCpuTime() - roundCpu0;
                otherCpu[round] = (double) (process.getProcessCpuTime() - processCpu0 - thisThread) / ops;
            }
            if (verbose) {
                // the JVM's uptime, as -Xlog:gc's uptime decoration prints it, to match rounds with collections
                // the thread's time in the kernel over the whole round (its setup too): page faults, for one
                long system = threads.getCurrentThreadCpuTime() - roundCpu0 - (threads.getCurrentThreadUserTime() - roundUser0);
                System.out.printf("round %d ended at %.3f s: %.0f CPU ns/op; the round's system time %d ms%n", round,
                        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                        (double) (cpuNanos - emptyCpu) / Math.max(1, roundCommits), system / 1_000_000);
            }
        }
        if (plainStore) {
            plain.checkKept(committed);
        }
        // in measuring order too: the update order's stale keys pile up and are compacted as the rounds go on
        StringBuilder inOrder = new StringBuilder("CPU ns/op by round:");
        for (double c : cpu) {
            inOrder.append(' ').append(Math.round(c));
        }
        System.out.println(inOrder);
        StringBuilder pausesInOrder = new StringBuilder("collector pause ns/op by round:");
        for (double p : pauses) {
            pausesInOrder.append(' ').append(Math.round(p));
        }
        System.out.println(pausesInOrder);
        Arrays.sort(cpu);
        Arrays.sort(bytes);
        Arrays.sort(overheadCpu);
        System.out.printf("%s, %,d tickets, %,d commits: CPU ns/op min %.0f median %.0f; bytes/op min %.1f median %.1f%n",
                plainStore ? "plain store's (" + plain.layout + ") commitLoadedUnitOfWork" : loaded ? "commitLoadedUnitOfWork" : "commitUnitOfWork",
                tickets, committed, cpu[0], cpu[rounds / 2], bytes[0],
                bytes[rounds / 2]);
        // a mean, not a median: a pause falls in one round, and some rounds have none
        System.out.printf("  collector pauses (every thread stopped), per commit over the rounds: mean %.0f ns; not in the CPU"
                + " figure; they copy what the store keeps, the benchmark's values included%n",
                Arrays.stream(pauses).average().orElse(0));
        System.out.printf("  the other threads' CPU time (the collector's, pausing or concurrent, and the compiler's), per commit"
                + " over the rounds: mean %.0f ns%n", Arrays.stream(otherCpu).average().orElse(0));
        if (loaded) {
            System.out.printf("  (subtracted: reading the counters, median %.0f ns per window of %d commits)%n",
                    overheadCpu[rounds / 2], InMemoryStoresBenchmark.LOADED_BATCH);
        }
    }

    /** The pause time, in milliseconds, that the given collectors have reported since the JVM started. */
    private static long pauseMillis(List<GarbageCollectorMXBean> collectors) {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** A digest that takes the bytes and does nothing with them but count: the canonical form's cost alone. */
    private static final class CountingDigest extends MessageDigest {
        long count;

        CountingDigest() {
            super("count");
        }

        @Override
        protected void engineUpdate(byte input) {
            count++;
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            count += length + input[offset];
        }

        @Override
        protected byte[] engineDigest() {
            return new byte[32];
        }

        @Override
        protected void engineReset() {
            // nothing kept
        }
    }

    /** Prints the thread CPU time per event of the canonical form, SHA-256 and both, over 1,000 events of 1,000 tickets. */
    private static void hashSplit() {
        TenantId tenant = TenantId.of("acme");
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        int n = 1000;
        SlaWarned[] events = new SlaWarned[n];
        for (int i = 0; i < n; i++) {
            Instant at = t0.plusMillis(1_000_000L + 7L * i);
            events[i] = new SlaWarned(tenant, TicketId.of("inc-" + (i * 7919 % 1_000_000)), Party.ITSM_KIT, at, i + 1, i + 1,
                    "resolution", 1, 50, at);
        }
        byte[] form = TicketEvents.canonicalForm(events[5]).getBytes(StandardCharsets.US_ASCII);
        byte[] previous = new byte[64];
        byte[] result = new byte[32];
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CountingDigest counting = new CountingDigest();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"canonical form (into a counting digest)", "SHA-256 of 64 + the form's bytes", "both, as the store"};
        double[][] figures = new double[3][6];
        long sink = 0;
        for (int round = -6; round < 6; round++) {
            for (int mode = 0; mode < 3; mode++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                for (int rep = 0; rep < 300; rep++) {
                    for (SlaWarned event : events) {
                        MessageDigest digest = mode == 0 ? counting : sha;
                        digest.reset();
                        digest.update(previous, 0, 64);
                        if (mode == 1) {
                            digest.update(form, 0, form.length);
                        } else {
                            TicketEvents.updateDigest(digest, event);
                        }
                        if (mode > 0) {
                            try {
                                digest.digest(result, 0, 32);
                            } catch (java.security.DigestException e) {
                                throw new IllegalStateException(e);
                            }
                            sink += result[3];
                        }
                    }
                }
                if (round >= 0) {
                    figures[mode][round] = (double) (threads.getCurrentThreadCpuTime() - cpu0) / (300.0 * n);
                }
            }
        }
        for (int mode = 0; mode < 3; mode++) {
            Arrays.sort(figures[mode]);
            System.out.printf("%-42s CPU ns/event min %.0f median %.0f%n", names[mode], figures[mode][0], figures[mode][3]);
        }
        System.out.println("(form of " + form.length + " bytes; " + (sink + counting.count) % 2 + ")");
    }
}
