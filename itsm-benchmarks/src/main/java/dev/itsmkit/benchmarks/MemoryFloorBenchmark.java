package dev.itsmkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one random memory access costs on this machine, for arrays of the sizes the in-memory store's ticket table
 * has: the floor under any lookup that must read one random line of such a table.
 *
 * <p>The arrays have the table's shape: {@code slots} slots of {@value #WORDS} {@code long}s (the key words, 40
 * bytes a slot) and of three references (12 bytes a slot with compressed references). {@code footprint} chooses
 * the slot count: {@code 4MiB} and {@code 32MiB} of the two arrays together, or {@code table}, the 2,097,152 slots
 * of the table holding a million tickets (80 MiB of key words and 24 MiB of references).
 *
 * <p>Two kinds of access, as in the load benchmarks:
 * <ul>
 *   <li>independent ({@code …Read}): the slot comes from a random number generator (a few register operations),
 *       so JMH's next call does not wait for this one's read and the processor overlaps the misses of consecutive
 *       calls: a throughput, the measure of the overlapped loads ({@code load}, {@code loadRequestId});</li>
 *   <li>dependent ({@code …Chain}): the slot comes from the value read at the previous slot, a random cycle
 *       through every slot (Sattolo's algorithm), so each read waits for the one before: the latency of one
 *       miss, the measure of the loads in turn ({@code …InTurn}).</li>
 * </ul>
 * {@code keys…} reads one random slot's first key word, {@code refs…} one random slot's first reference (not
 * dereferenced), {@code probe…} both at the same slot, as one probe of the table does.
 *
 * <p>{@link HugePages} runs the same benchmarks in a JVM with {@code -XX:+UseTransparentHugePages} (2 MiB pages,
 * when the kernel allows them on {@code madvise}), so that one run measures both page sizes: the difference is the
 * cost of the address translation, a nested page walk on a virtual machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:-UseTransparentHugePages"})
public class MemoryFloorBenchmark {
    /** The key words per slot, as in the ticket table. */
    static final int WORDS = 5;
    /** The references per slot, as in the ticket table. */
    static final int REFS = 3;
    private static final int SLOT_BYTES = WORDS * Long.BYTES + REFS * 4;

    /** The size of the two arrays together: {@code 4MiB}, {@code 32MiB} or {@code table} (2,097,152 slots). */
    @Param({"4MiB", "32MiB", "table"})
    public String footprint = "table";

    private long[] keys = new long[0];
    private Object[] refs = new Object[0];
    private int slots;
    private long random;
    private int slot;

    /** Creates the benchmark; {@link #fill()} builds the arrays. */
    public MemoryFloorBenchmark() {}

    /**
     * The slot count a footprint names.
     *
     * @param footprint {@code table} or a size in MiB such as {@code 4MiB}
     * @return the number of slots
     * @throws IllegalArgumentException if the footprint is neither
     */
    static int slotsOf(String footprint) {
        if (footprint.equals("table")) {
            return 1 << 21;
        }
        if (!footprint.endsWith("MiB")) {
            throw new IllegalArgumentException("a footprint is 'table' or a size such as '4MiB', got " + footprint);
        }
        long bytes = Long.parseLong(footprint.substring(0, footprint.length() - 3)) << 20;
        return (int) (bytes / SLOT_BYTES);
    }

    /** Builds the arrays: each slot's first key word holds the next slot of one random cycle through all slots. */
    @Setup
    public void fill() {
        slots = slotsOf(footprint);
        keys = new long[WORDS * slots];
        refs = new Object[REFS * slots];
        int[] next = new int[slots];
        for (int i = 0; i < slots; i++) {
            next[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = slots - 1; i > 0; i--) {
            int j = rnd.nextInt(i); // Sattolo: j < i, so the permutation is one cycle
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
        Object[] values = {new Object(), new Object(), new Object()};
        for (int i = 0; i < slots; i++) {
            keys[WORDS * i] = next[i];
            for (int w = 1; w < WORDS; w++) {
                keys[WORDS * i + w] = rnd.nextLong();
            }
            for (int r = 0; r < REFS; r++) {
                refs[REFS * i + r] = values[r];
            }
        }
        random = rnd.nextLong() | 1;
        slot = 0;
    }

    /** A random slot: xorshift, then a multiply-shift into the slot range; no memory access. */
    private int randomSlot() {
        long x = random;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        random = x;
        return (int) (((x >>> 32) * slots) >>> 32);
    }

    /**
     * One random slot's first key word, independent of the previous call's.
     *
     * @return the word
     */
    @Benchmark
    public long keysRead() {
        return keys[WORDS * randomSlot()];
    }

    /**
     * One random slot's first reference, independent of the previous call's; not dereferenced.
     *
     * @return the reference
     */
    @Benchmark
    public Object refsRead() {
        return refs[REFS * randomSlot()];
    }

    /**
     * One random slot's first key word and first reference, as one probe of the table reads them, independent of
     * the previous call's.
     *
     * @return the word, changed if the reference is absent (it never is) so that both reads are used
     */
    @Benchmark
    public long probeRead() {
        int i = randomSlot();
        long word = keys[WORDS * i];
        return refs[REFS * i] == null ? ~word : word;
    }

    /**
     * The next slot of the random cycle through the key words: each call's read waits for the previous one's.
     *
     * @return the slot
     */
    @Benchmark
    public int keysChain() {
        slot = (int) keys[WORDS * slot];
        return slot;
    }

    /**
     * The next slot of the random cycle through the key words, reading the slot's first reference beside it, as a
     * probe does: the next address waits for the key word, while the reference's read (tested by a branch, which
     * the processor predicts) runs beside it. Against {@link #keysChain}, it tells whether a second line fetched
     * at once costs more than the first.
     *
     * @return the slot
     */
    @Benchmark
    public int probeChain() {
        int i = slot;
        int next = (int) keys[WORDS * i];
        slot = refs[REFS * i] == null ? i : next;
        return slot;
    }

    /**
     * The benchmarks of {@link MemoryFloorBenchmark} in a JVM that backs the heap with transparent huge pages.
     */
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseTransparentHugePages"})
    public static class HugePages extends MemoryFloorBenchmark {
        /** Creates the benchmark. */
        public HugePages() {}
    }
}
