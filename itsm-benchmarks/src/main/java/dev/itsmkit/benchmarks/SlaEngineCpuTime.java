package dev.itsmkit.benchmarks;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaUpdate;
import dev.itsmkit.workflow.ServiceDesk;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;

/**
 * The SLA engine alone, as a command that changes no SLA condition (a comment) finds it: {@link SlaEngine#onChange}
 * on an incident whose resolution clock ({@link ServiceDeskBenchmark#resolutionPolicy()}) runs, each call a
 * microsecond after the last and with the clocks the last returned, in rounds; prints the CPU time of the thread and
 * the bytes it allocated per call. On one thread, with no store and no lock, it moves by about 1 % between runs on a
 * loaded machine, so a change of the SLA path shows here when the whole command's figures drown it. Run with
 * {@code java -cp itsm-benchmarks/target/benchmarks.jar dev.itsmkit.benchmarks.SlaEngineCpuTime [rounds] [calls]}
 * and read the last rounds.
 */
public final class SlaEngineCpuTime {
    private static volatile int sink;

    private SlaEngineCpuTime() {}

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of rounds (default 8) and of calls per round (default 500,000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        SlaEngine engine = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(ServiceDeskBenchmark.resolutionPolicy()));
        Ticket incident = ServiceDesk.builder().build().execute(OpenTicket.builder(TenantId.of("acme"),
                Party.person("agent-1"), TicketKind.INCIDENT, "Mail is down").build()).ticket();
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        List<SlaClockSnapshot> started = engine.onChange(null, incident, start, List.of()).clocks();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            List<SlaClockSnapshot> clocks = started;
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            int timers = 0;
            for (int i = 0; i < calls; i++) {
                SlaUpdate update = engine.onChange(incident, incident, start.plusNanos(1000L * (i + 1)), clocks);
                clocks = update.clocks();
                timers += update.schedule().size();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
            sink += timers;
            System.out.printf("round %d: %.1f ns and %d bytes per onChange%n", round, (double) cpu / calls, bytes / calls);
        }
    }
}
