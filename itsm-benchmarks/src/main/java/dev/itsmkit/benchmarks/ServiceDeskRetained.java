package dev.itsmkit.benchmarks;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What {@link ServiceDeskBenchmark#mix} leaves on the heap: runs a number of {@code mix} commands on one thread
 * (whole cycles of eight), collects, and prints the heap's class histogram with each class's instances and bytes
 * per command (the benchmark's and the JVM's own classes included, so that the whole is per command too). The
 * store keeps the trail, the current snapshots and the clocks, so this is what a command costs the collector for
 * good: what the young collector copies and the concurrent marker traces ever after. Run with
 * {@code java -Xmx3g -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.ServiceDeskRetained
 * true|false [commands] [rows]}.
 */
public final class ServiceDeskRetained {
    private ServiceDeskRetained() {}

    /**
     * Runs the measurement.
     *
     * @param args whether SLA clocks run, optionally the number of commands (default 800,000, rounded to whole
     *     cycles) and of histogram rows to print (default 40)
     * @throws JMException if the JVM's diagnostic command cannot be called
     */
    public static void main(String[] args) throws JMException {
        ServiceDeskBenchmark benchmark = new ServiceDeskBenchmark();
        benchmark.sla = Boolean.parseBoolean(args[0]);
        long commands = (args.length > 1 ? Long.parseLong(args[1]) : 800_000) / 8 * 8;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        benchmark.setUp();
        ServiceDeskBenchmark.Agent agent = new ServiceDeskBenchmark.Agent();
        agent.name();
        String empty = histogram();
        int results = 0;
        for (long i = 0; i < commands; i++) {
            results += benchmark.mix(agent) != null ? 1 : 0;
        }
        String full = histogram();
        System.out.printf("mix, sla=%s, %,d commands (%d results); heap before the commands:%n%s%n", benchmark.sla, commands,
                results, total(empty));
        System.out.printf("%-70s %12s %10s %12s %10s%n", "class", "instances", "per cmd", "bytes", "B per cmd");
        String[] lines = full.split("\n");
        int printed = 0;
        for (String line : lines) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 4 && cells[0].endsWith(":")) {
                long instances = Long.parseLong(cells[1]);
                long bytes = Long.parseLong(cells[2]);
                if (printed++ < rows) {
                    System.out.printf("%-70s %12d %10.3f %12d %10.1f%n", cells[3], instances, instances / (double) commands, bytes,
                            bytes / (double) commands);
                }
            } else if (cells.length == 3 && cells[0].equals("Total")) {
                long instances = Long.parseLong(cells[1]);
                long bytes = Long.parseLong(cells[2]);
                System.out.printf("%-70s %12d %10.3f %12d %10.1f%n", "TOTAL", instances, instances / (double) commands, bytes,
                        bytes / (double) commands);
            }
        }
    }

    private static String total(String histogram) {
        String[] lines = histogram.split("\n");
        return lines[lines.length - 1].trim();
    }

    /* The class histogram of the live heap (the diagnostic command collects first). */
    private static String histogram() throws JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }
}
