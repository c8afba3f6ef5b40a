package dev.itsmkit.benchmarks;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.workflow.CommandResult;
import dev.itsmkit.workflow.ServiceDesk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commands per second through the whole {@link ServiceDesk} on the in-memory stores, two threads:
 * Bean Validation, load, lifecycle gate, events, SLA clocks and timers, one unit of work per
 * command. {@link #mix} cycles each thread through eight commands on its own incidents — open,
 * start, three comments, resolve (with its fields, guard and notify action), reopen, comment — so
 * opens, transitions and comments come in the proportion 1 : 3 : 4. {@link #comment} measures the
 * cheapest command alone. With {@code sla=true} every incident runs a resolution clock with a
 * warning, so commands also save clocks and schedule and cancel due timers.
 *
 * <p><b>The desk's scale.</b> Each iteration runs on a desk that already holds {@link #tickets} open incidents
 * (the product's scale is a million open tickets with their running SLA clocks), opened through the engine when the
 * iteration is set up, with a full collection before and after, so that every iteration starts from the same state:
 * the backlog in the old generation, nothing of an earlier iteration left. An iteration of a few seconds then adds
 * some ten per cent to the store. A store in the heap grows with every command (the audit trail keeps every event),
 * so a desk kept for the whole run ({@code -p deskPer=trial}, how this benchmark ran until the eleventh session) measures
 * a store that grows by some 100 MB a second, and late iterations measure the collector's marking of a heap that
 * the run itself has filled; that setting is kept to reproduce the earlier figures.
 *
 * <p>The fork's heap is fixed at 6 GB ({@code -Xms6g -Xmx6g}, as a service holding such a store would run): with
 * a smaller initial heap the setup's full collection shrinks the committed heap, and each iteration would pay for
 * growing it again.
 *
 * <pre>
 * java -jar itsm-benchmarks/target/benchmarks.jar ServiceDeskBenchmark.mix -p sla=true -f 1 -wi 5 -i 10 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ServiceDeskBenchmark {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Map<String, FieldValue> RESOLUTION = Map.of("resolutionCode", new FieldValue.Text("fixed"),
            "resolutionNotes", new FieldValue.Text("Restarted the mail service"));

    /** Whether an SLA policy with a resolution clock applies to every incident. */
    @Param({"false", "true"})
    public boolean sla;

    /** How many open incidents the desk holds when an iteration starts, with their clocks if {@link #sla} (none outside JMH). */
    @Param({"1000000"})
    public int tickets;

    /**
     * {@code iteration}: a new desk, with its {@link #tickets} incidents, for every iteration; {@code trial}: one desk
     * for the whole run, growing from iteration to iteration (the benchmark's design until the eleventh session).
     * Outside JMH (the harnesses that call {@link #setUp()} themselves) a desk with no backlog is built once, as before.
     */
    @Param({"iteration"})
    public String deskPer = "trial";

    ServiceDesk desk;

    /** Creates the benchmark; {@link #setUp()} builds the desk. */
    public ServiceDeskBenchmark() {}

    /**
     * Builds the iteration's desk ({@code deskPer=iteration}, or the trial's at its first iteration) and opens its
     * {@link #tickets} incidents. The earlier desk is dropped and the heap collected first, and collected again after
     * the incidents are opened, so that each iteration starts from the same heap: the backlog kept, the garbage of
     * opening it and of earlier iterations gone.
     */
    @Setup(Level.Iteration)
    public void setUp() {
        boolean perIteration = switch (deskPer) {
            case "iteration" -> true;
            case "trial" -> false;
            default -> throw new IllegalArgumentException("deskPer is iteration or trial, not " + deskPer);
        };
        if (tickets < 0) {
            throw new IllegalArgumentException("tickets must be 0 or more, not " + tickets);
        }
        if (desk != null && !perIteration) {
            return;
        }
        desk = null;
        System.gc();
        desk = newDesk(sla);
        openBacklog(desk, tickets);
        System.gc();
    }

    /**
     * A desk on fresh in-memory stores. Its clock starts at 2026-01-05T09:00Z and runs with the system clock, so
     * each command happens at its own instant, as in production: a command brings the incident's SLA clock up to its
     * instant, and the clock is saved again (a fixed clock would leave it equal to the saved one, and hide that
     * write). No timer comes due within a run: the first threshold is six hours away.
     */
    static ServiceDesk newDesk(boolean sla) {
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        Clock running = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), start));
        // the resolve's notification is written to the outbox, as in every earlier run of this benchmark, though no
        // notifier is registered (a desk without one would skip it): the same work per command, and a fair comparison
        ServiceDesk.Builder builder = ServiceDesk.builder().clock(running).outboxReadElsewhere();
        if (sla) {
            builder.sla(BusinessCalendars.onlyAlways(), List.of(resolutionPolicy()));
        }
        return builder.build();
    }

    /** Opens {@code count} incidents through the desk, from two threads, each reported by one of 1,000 callers. */
    static void openBacklog(ServiceDesk desk, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> halves = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                int first = half;
                halves.add(pool.submit(() -> {
                    for (int n = first; n < count; n += 2) {
                        desk.execute(OpenTicket.builder(TENANT, Party.person("caller-" + n % 1000), TicketKind.INCIDENT,
                                "Printer on floor " + n % 40 + " is jammed").build());
                    }
                }));
            }
            for (Future<?> half : halves) {
                half.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the backlog", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("opening the backlog failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** An eight-hour resolution clock with a warning at 75 %, on every incident. */
    static SlaPolicy resolutionPolicy() {
        return SlaPolicy.of("gold", 1, List.of(SlaTarget.builder("resolution")
                .goals(Goals.always(Duration.ofHours(8))).stop(Condition.category(dev.itsmkit.core.StateCategory.RESOLVED))
                .warnAt(75).build())).forKinds(Set.of(TicketKind.INCIDENT));
    }

    /** One thread's agent and the incident it works on. */
    @State(Scope.Thread)
    public static class Agent {
        private static final java.util.concurrent.atomic.AtomicInteger AGENTS = new java.util.concurrent.atomic.AtomicInteger();

        Party actor;
        TicketId ticket;
        int step;

        /** Creates the state; {@link #name()} names the agent. */
        public Agent() {}

        /** Starts the thread's cycle again with a new incident: the iteration's desk may be new. */
        @Setup(Level.Iteration)
        public void restart() {
            ticket = null;
            step = 0;
        }

        /** Gives each thread its own agent. */
        @Setup(Level.Trial)
        public void name() {
            actor = Party.person("agent-" + AGENTS.incrementAndGet());
        }
    }

    /**
     * Runs the next command of the thread's cycle of eight.
     *
     * @param agent the thread's agent
     * @return the result, so that nothing is optimised away
     */
    @Benchmark
    public CommandResult mix(Agent agent) {
        int step = agent.step;
        agent.step = (step + 1) & 7;
        switch (step) {
            case 0: {
                CommandResult opened = desk.execute(OpenTicket.builder(TENANT, agent.actor, TicketKind.INCIDENT, "Mail is down").build());
                agent.ticket = opened.ticket().id();
                return opened;
            }
            case 1:
                return desk.execute(transition(agent, "start", Map.of()));
            case 5:
                return desk.execute(transition(agent, "resolve", RESOLUTION));
            case 6:
                return desk.execute(transition(agent, "reopen", Map.of()));
            default:
                return desk.execute(note(agent));
        }
    }

    /**
     * Adds a comment to the thread's incident (each thread opens one first).
     *
     * @param agent the thread's agent
     * @return the result
     */
    @Benchmark
    public CommandResult comment(Agent agent) {
        if (agent.ticket == null) {
            agent.ticket = desk.execute(OpenTicket.builder(TENANT, agent.actor, TicketKind.INCIDENT, "Mail is down").build())
                    .ticket().id();
        }
        return desk.execute(note(agent));
    }

    private static TransitionTicket transition(Agent agent, String name, Map<String, FieldValue> fields) {
        return new TransitionTicket(TENANT, agent.actor, agent.ticket, OptionalLong.empty(), name, fields, Optional.empty());
    }

    private static AddJournalEntry note(Agent agent) {
        return new AddJournalEntry(TENANT, agent.actor, agent.ticket, OptionalLong.empty(), JournalEntryKind.WORK_NOTE,
                "Looked into it", List.of());
    }
}
