package dev.itsmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares the store's commit in two builds of this module's jar <em>in one JVM, at the same time</em>: each jar is
 * loaded by a class loader of its own, fills a store of its own with the same tickets, and the two then commit
 * alternately, {@value InMemoryStoresBenchmark#LOADED_BATCH} loaded units of work at a time, as
 * {@code CommitCost ... loaded} commits them. On the development machine the same jar measured in two JVMs a few
 * minutes apart differs by up to 20 % or more (the host drifts, and each JVM's collections fall on different rounds),
 * which hides any change smaller than that. Here both builds share the heap, the collector's phases and the machine's
 * state, interleaved every few tens of microseconds, so the drift cancels. What remains is how each store's objects lie
 * in the heap: the same jar against itself came out at +28 and -70 ns per commit (about 1,900), single rounds up to
 * 900 ns apart. So read a difference of less than about 5 % as none, and run both orders (a.jar b.jar, then b.jar
 * a.jar).
 *
 * <p>Run with
 * {@code java -Xms8g -Xmx8g -XX:+AlwaysPreTouch -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.CommitAB a.jar b.jar [tickets] [rounds] [windows]}:
 * both stores of a million tickets, pre-touched (see {@link CommitCost}). Each round runs {@code windows} windows of
 * each build (default 6,250: 100,000 commits each), then prints the thread CPU time per commit of each and their
 * difference; the end prints the medians over the rounds. Both jars must hold this class's {@link Driver} (build the
 * other code with this benchmark module). The builds are named A and B in the order given; with the same jar twice it
 * measures itself, which shows how far apart two identical builds come out.
 */
public final class CommitAB {
    private CommitAB() {}

    /**
     * Runs the comparison.
     *
     * @param args the two jars, then optionally the number of tickets (default 1,000,000), of measured rounds (default
     *     10) and of windows per round and build (default 6,250)
     * @throws Exception if a jar cannot be loaded or its driver fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CommitAB a.jar b.jar [tickets] [rounds] [windows]");
        }
        int tickets = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int windows = args.length > 4 ? Integer.parseInt(args[4]) : 6_250;
        Build a = new Build("A", Path.of(args[0]), tickets);
        Build b = new Build("B", Path.of(args[1]), tickets);
        double[] aCost = new double[rounds];
        double[] bCost = new double[rounds];
        double[] difference = new double[rounds];
        // two warm-up rounds, then the measured ones
        for (int round = -2; round < rounds; round++) {
            long aNanos = 0;
            long bNanos = 0;
            for (int w = 0; w < windows; w++) {
                // the order alternates too, so that neither build always follows the other's window
                if ((w & 1) == 0) {
                    aNanos += a.window();
                    bNanos += b.window();
                } else {
                    bNanos += b.window();
                    aNanos += a.window();
                }
            }
            double commits = (double) windows * a.commitsPerWindow;
            if (round >= 0) {
                aCost[round] = aNanos / commits;
                bCost[round] = bNanos / commits;
                difference[round] = aCost[round] - bCost[round];
                System.out.printf("round %d: A %.0f, B %.0f CPU ns per commit; A - B %+.0f (%+.1f %%)%n", round, aCost[round],
                        bCost[round], difference[round], 100 * difference[round] / bCost[round]);
            }
        }
        System.out.printf("%s (A) against %s (B), %,d tickets each, %d rounds of %,d commits each: median CPU ns per commit"
                + " A %.0f, B %.0f; median of the rounds' A - B %+.0f ns (%+.1f %% of B's median)%n", args[0], args[1], tickets,
                rounds, windows * a.commitsPerWindow, median(aCost), median(bCost), median(difference),
                100 * median(difference) / median(bCost));
        System.out.println("(each window's time includes reading the thread's CPU clock twice, the same for both builds)");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One jar's driver, reached through its own class loader. */
    private static final class Build {
        private final Object driver;
        private final Method window;
        final int commitsPerWindow;

        Build(String name, Path jar, int tickets) throws ReflectiveOperationException, MalformedURLException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("build " + name + ": no jar at " + jar.toAbsolutePath());
            }
            // the platform loader as parent: nothing of this process's class path (this jar) is shared with the build
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type;
            try {
                type = loader.loadClass(Driver.class.getName());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("build " + name + " (" + jar + ") has no " + Driver.class.getName()
                        + ": build it with this benchmark module", e);
            }
            Constructor<?> make = type.getConstructor(int.class);
            long started = System.nanoTime();
            driver = make.newInstance(tickets);
            window = type.getMethod("window");
            commitsPerWindow = (int) type.getMethod("commitsPerWindow").invoke(driver);
            System.out.printf("build %s: %s, %,d tickets filled in %.1f s%n", name, jar, tickets,
                    (System.nanoTime() - started) / 1e9);
        }

        long window() throws IllegalAccessException, InvocationTargetException {
            return (long) window.invoke(driver);
        }
    }

    /**
     * A store of its own and its loaded units of work, for {@link CommitAB}, which loads this class once per jar. Public
     * for that reflective use only.
     */
    public static final class Driver {
        private final InMemoryStoresBenchmark benchmark = new InMemoryStoresBenchmark();
        private final InMemoryStoresBenchmark.LoadedUnits units = new InMemoryStoresBenchmark.LoadedUnits();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        /**
         * Fills a store.
         *
         * @param tickets how many tickets
         */
        public Driver(int tickets) {
            benchmark.tickets = tickets;
            benchmark.fill();
        }

        /**
         * Loads the next units of work (not timed), then commits them.
         *
         * @return the calling thread's CPU time over the commits, in nanoseconds
         */
        public long window() {
            units.load(benchmark);
            long start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < InMemoryStoresBenchmark.LOADED_BATCH; k++) {
                benchmark.commitOne(units, k);
            }
            return threads.getCurrentThreadCpuTime() - start;
        }

        /**
         * How many units of work a window commits.
         *
         * @return {@value InMemoryStoresBenchmark#LOADED_BATCH}
         */
        public int commitsPerWindow() {
            return InMemoryStoresBenchmark.LOADED_BATCH;
        }
    }
}
