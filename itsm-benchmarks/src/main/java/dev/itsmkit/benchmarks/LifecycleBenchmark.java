package dev.itsmkit.benchmarks;

import com.github.oxo42.stateless4j.StateMachineConfig;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.Lifecycles;
import dev.itsmkit.workflow.TransitionAuthorizer;
import dev.itsmkit.workflow.TransitionDecision;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * One guarded lifecycle step on the built-in ITIL incident lifecycle, side by side: ours
 * ({@link Lifecycle#evaluate}), stateless4j, Spring Statemachine, and a plain enum table lookup as
 * the floor (no guard at all). Every implementation holds the same states and transitions and the
 * same guards, which do the same work on the same {@link Ticket}: {@code resolve} requires the
 * resolution code and notes (set, not blank), {@code cancel} asks a {@link TransitionAuthorizer}
 * whether the actor holds {@code incident.cancel}. Both steps are allowed.
 *
 * <p>How each takes "a step from a state for a ticket": ours evaluates the ticket as it stands and
 * returns the decision; stateless4j fires the trigger on a machine whose state is read from and
 * written to a field (its external-state constructor), set back to {@code IN_PROGRESS} first;
 * Spring Statemachine keeps its state inside the machine, so {@code resolve} is measured as the
 * pair {@code resolve} + {@code reopen} (counted as two operations) and {@code cancel}, which ends in
 * a final state, as stop, reset to {@code IN_PROGRESS}, start and send (the only way to step from a
 * given state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LifecycleBenchmark {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Party AGENT = Party.person("agent");

    /** Creates the benchmark; the states hold the machines. */
    public LifecycleBenchmark() {}

    /** The incident's states, for the alternatives that want an enum. */
    public enum IncidentState {
        /** New. */
        NEW,
        /** In progress. */
        IN_PROGRESS,
        /** On hold. */
        ON_HOLD,
        /** Resolved. */
        RESOLVED,
        /** Closed. */
        CLOSED,
        /** Cancelled. */
        CANCELLED
    }

    /** The incident's transitions, for the alternatives that want an enum. */
    public enum IncidentTrigger {
        /** Start work. */
        START,
        /** Put on hold. */
        HOLD,
        /** Resume. */
        RESUME,
        /** Resolve. */
        RESOLVE,
        /** Reopen. */
        REOPEN,
        /** Close. */
        CLOSE,
        /** Cancel. */
        CANCEL
    }

    /** The ticket, the actor and the authorizer every implementation's guards read. */
    @State(Scope.Thread)
    public static class Request {
        /** Creates the state. */
        public Request() {}

        Ticket ticket = ticket();
        Party actor = AGENT;
        TransitionAuthorizer authorizer = TransitionAuthorizer.granting(Map.of(AGENT, Set.of(Lifecycles.CANCEL_INCIDENT)));

        static Ticket ticket() {
            return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                    .title("Mail is down").state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                    .requester(Party.person("alice")).createdAt(NOW)
                    .field("resolutionCode", Optional.of(new FieldValue.Text("fixed")))
                    .field("resolutionNotes", Optional.of(new FieldValue.Text("Restarted the mail relay.")))
                    .build();
        }

        boolean resolutionSet() {
            return text(ticket.incident().resolutionCode()) && text(ticket.incident().resolutionNotes());
        }

        boolean mayCancel() {
            return authorizer.permits(actor, Lifecycles.CANCEL_INCIDENT, ticket);
        }

        private static boolean text(Optional<String> value) {
            return value.isPresent() && !value.get().isBlank();
        }
    }

    /** Ours: the built-in lifecycle. */
    @State(Scope.Thread)
    public static class Ours {
        /** Creates the state. */
        public Ours() {}

        final Lifecycle lifecycle = Lifecycles.itilIncident();
        String resolve = "resolve";
        String cancel = "cancel";
        Instant now = NOW;
    }

    /** The floor: a table indexed by state and trigger, no guard. */
    @State(Scope.Thread)
    public static class EnumTable {
        /** Creates the state. */
        public EnumTable() {}

        final IncidentState[][] table = new IncidentState[IncidentState.values().length][IncidentTrigger.values().length];
        IncidentState from = IncidentState.IN_PROGRESS;
        IncidentTrigger resolve = IncidentTrigger.RESOLVE;
        IncidentTrigger cancel = IncidentTrigger.CANCEL;

        /** Fills the table. */
        @Setup
        public void fill() {
            put(IncidentState.NEW, IncidentTrigger.START, IncidentState.IN_PROGRESS);
            put(IncidentState.IN_PROGRESS, IncidentTrigger.HOLD, IncidentState.ON_HOLD);
            put(IncidentState.ON_HOLD, IncidentTrigger.RESUME, IncidentState.IN_PROGRESS);
            for (IncidentState s : EnumSet.of(IncidentState.NEW, IncidentState.IN_PROGRESS, IncidentState.ON_HOLD)) {
                put(s, IncidentTrigger.RESOLVE, IncidentState.RESOLVED);
                put(s, IncidentTrigger.CANCEL, IncidentState.CANCELLED);
            }
            put(IncidentState.RESOLVED, IncidentTrigger.REOPEN, IncidentState.IN_PROGRESS);
            put(IncidentState.RESOLVED, IncidentTrigger.CLOSE, IncidentState.CLOSED);
        }

        private void put(IncidentState from, IncidentTrigger trigger, IncidentState to) {
            table[from.ordinal()][trigger.ordinal()] = to;
        }
    }

    /** stateless4j: one configuration, a machine whose state lives in a field. */
    @State(Scope.Thread)
    public static class Stateless4j {
        /** Creates the state. */
        public Stateless4j() {}

        IncidentState current = IncidentState.IN_PROGRESS;
        com.github.oxo42.stateless4j.StateMachine<IncidentState, IncidentTrigger> machine;

        /**
         * Configures the machine with the incident lifecycle; its guards read the request.
         *
         * @param request the ticket and actor the guards read
         */
        @Setup
        public void configure(Request request) {
            StateMachineConfig<IncidentState, IncidentTrigger> config = new StateMachineConfig<>();
            config.configure(IncidentState.NEW)
                    .permit(IncidentTrigger.START, IncidentState.IN_PROGRESS);
            config.configure(IncidentState.IN_PROGRESS)
                    .permitIf(IncidentTrigger.HOLD, IncidentState.ON_HOLD,
                            () -> request.ticket.incident().holdReason().isPresent());
            config.configure(IncidentState.ON_HOLD)
                    .permit(IncidentTrigger.RESUME, IncidentState.IN_PROGRESS);
            for (IncidentState s : EnumSet.of(IncidentState.NEW, IncidentState.IN_PROGRESS, IncidentState.ON_HOLD)) {
                config.configure(s)
                        .permitIf(IncidentTrigger.RESOLVE, IncidentState.RESOLVED, request::resolutionSet)
                        .permitIf(IncidentTrigger.CANCEL, IncidentState.CANCELLED, request::mayCancel);
            }
            config.configure(IncidentState.RESOLVED)
                    .permit(IncidentTrigger.REOPEN, IncidentState.IN_PROGRESS)
                    .permit(IncidentTrigger.CLOSE, IncidentState.CLOSED);
            machine = new com.github.oxo42.stateless4j.StateMachine<>(IncidentState.IN_PROGRESS, () -> current,
                    s -> current = s, config);
        }
    }

    /** Spring Statemachine: one machine built with its builder, started. */
    @State(Scope.Thread)
    public static class Spring {
        /** Creates the state. */
        public Spring() {}

        StateMachine<IncidentState, IncidentTrigger> machine;
        Mono<Message<IncidentTrigger>> resolve;
        Mono<Message<IncidentTrigger>> reopen;
        Mono<Message<IncidentTrigger>> cancel;

        /**
         * Builds and starts the machine with the incident lifecycle; its guards read the request.
         *
         * @param request the ticket and actor the guards read
         * @throws Exception if Spring Statemachine's configuration fails
         */
        @Setup
        public void build(Request request) throws Exception {
            StateMachineBuilder.Builder<IncidentState, IncidentTrigger> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            builder.configureStates().withStates().initial(IncidentState.NEW).states(EnumSet.allOf(IncidentState.class))
                    .end(IncidentState.CLOSED).end(IncidentState.CANCELLED);
            var transitions = builder.configureTransitions();
            transitions.withExternal().source(IncidentState.NEW).target(IncidentState.IN_PROGRESS).event(IncidentTrigger.START)
                    .and().withExternal().source(IncidentState.IN_PROGRESS).target(IncidentState.ON_HOLD)
                    .event(IncidentTrigger.HOLD)
                    .guard((StateContext<IncidentState, IncidentTrigger> c) -> request.ticket.incident().holdReason().isPresent())
                    .and().withExternal().source(IncidentState.ON_HOLD).target(IncidentState.IN_PROGRESS)
                    .event(IncidentTrigger.RESUME)
                    .and().withExternal().source(IncidentState.RESOLVED).target(IncidentState.IN_PROGRESS)
                    .event(IncidentTrigger.REOPEN)
                    .and().withExternal().source(IncidentState.RESOLVED).target(IncidentState.CLOSED)
                    .event(IncidentTrigger.CLOSE);
            for (IncidentState s : EnumSet.of(IncidentState.NEW, IncidentState.IN_PROGRESS, IncidentState.ON_HOLD)) {
                transitions.withExternal().source(s).target(IncidentState.RESOLVED).event(IncidentTrigger.RESOLVE)
                        .guard(c -> request.resolutionSet())
                        .and().withExternal().source(s).target(IncidentState.CANCELLED).event(IncidentTrigger.CANCEL)
                        .guard(c -> request.mayCancel());
            }
            machine = builder.build();
            resolve = Mono.just(MessageBuilder.withPayload(IncidentTrigger.RESOLVE).build());
            reopen = Mono.just(MessageBuilder.withPayload(IncidentTrigger.REOPEN).build());
            cancel = Mono.just(MessageBuilder.withPayload(IncidentTrigger.CANCEL).build());
            resetTo(IncidentState.IN_PROGRESS);
        }

        void resetTo(IncidentState state) {
            machine.stopReactively().block();
            machine.getStateMachineAccessor().doWithAllRegions(access -> access
                    .resetStateMachineReactively(new DefaultStateMachineContext<>(state, null, null, null)).block());
            machine.startReactively().block();
        }

        StateMachineEventResult<IncidentState, IncidentTrigger> send(Mono<Message<IncidentTrigger>> event) {
            StateMachineEventResult<IncidentState, IncidentTrigger> result = machine.sendEvent(event).blockLast();
            if (result == null || result.getResultType() != StateMachineEventResult.ResultType.ACCEPTED) {
                throw new IllegalStateException("Spring Statemachine did not accept " + event.block() + " in "
                        + machine.getState().getId() + ": " + result);
            }
            return result;
        }

        /** Stops the machine. */
        @TearDown
        public void stop() {
            machine.stopReactively().block();
        }
    }

    /**
     * The floor: the target of {@code resolve} from {@code IN_PROGRESS}, looked up in a table.
     *
     * @param table the table
     * @return the target state
     */
    @Benchmark
    public IncidentState enumTableResolve(EnumTable table) {
        return table.table[table.from.ordinal()][table.resolve.ordinal()];
    }

    /**
     * The floor for {@code cancel}.
     *
     * @param table the table
     * @return the target state
     */
    @Benchmark
    public IncidentState enumTableCancel(EnumTable table) {
        return table.table[table.from.ordinal()][table.cancel.ordinal()];
    }

    /**
     * Ours: {@code resolve} with its required-fields guard.
     *
     * @param ours the lifecycle
     * @param request the ticket
     * @return the decision
     */
    @Benchmark
    public TransitionDecision oursResolve(Ours ours, Request request) {
        return ours.lifecycle.evaluate(request.ticket, ours.resolve, request.actor, ours.now, request.authorizer);
    }

    /**
     * Ours: {@code cancel} with its permission guard.
     *
     * @param ours the lifecycle
     * @param request the ticket
     * @return the decision
     */
    @Benchmark
    public TransitionDecision oursCancel(Ours ours, Request request) {
        return ours.lifecycle.evaluate(request.ticket, ours.cancel, request.actor, ours.now, request.authorizer);
    }

    /**
     * stateless4j: {@code resolve} from {@code IN_PROGRESS} with its guard.
     *
     * @param s the machine
     * @return the state reached
     */
    @Benchmark
    public IncidentState stateless4jResolve(Stateless4j s) {
        s.current = IncidentState.IN_PROGRESS;
        s.machine.fire(IncidentTrigger.RESOLVE);
        return s.current;
    }

    /**
     * stateless4j: {@code cancel} from {@code IN_PROGRESS} with its guard.
     *
     * @param s the machine
     * @return the state reached
     */
    @Benchmark
    public IncidentState stateless4jCancel(Stateless4j s) {
        s.current = IncidentState.IN_PROGRESS;
        s.machine.fire(IncidentTrigger.CANCEL);
        return s.current;
    }

    /**
     * Spring Statemachine: {@code resolve} with its guard, then {@code reopen}; two steps.
     *
     * @param s the machine
     * @return the last result
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public Object springStatemachineResolve(Spring s) {
        s.send(s.resolve);
        return s.send(s.reopen);
    }

    /**
     * Spring Statemachine: reset to {@code IN_PROGRESS}, then {@code cancel} with its guard.
     *
     * @param s the machine
     * @return the result
     */
    @Benchmark
    public Object springStatemachineCancel(Spring s) {
        s.resetTo(IncidentState.IN_PROGRESS);
        return s.send(s.cancel);
    }

    /**
     * A JMH profiler for a shared machine: the process's CPU time per operation, that is each iteration's
     * time per operation times the share of the iteration's wall time the benchmark's JVM spent on a CPU.
     * Under a load above the number of cores the wall-clock score includes the time the thread waited for
     * a core; this figure does not (it includes the JVM's own threads, which after warm-up add little: on
     * an idle machine the two agree). Run with
     * {@code -prof 'dev.itsmkit.benchmarks.LifecycleBenchmark$ProcessCpuPerOperation'}; the figure is the
     * secondary result {@code cpu.per.op}.
     */
    public static final class ProcessCpuPerOperation implements InternalProfiler {
        private long cpuAtStart;
        private long wallAtStart;

        /** Creates the profiler; JMH does, by name. */
        public ProcessCpuPerOperation() {}

        private static long processCpuTime() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        @Override
        public String getDescription() {
            return "process CPU time per operation (the score times the iteration's CPU share)";
        }

        @Override
        public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
            cpuAtStart = processCpuTime();
            wallAtStart = System.nanoTime();
        }

        @Override
        @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result
        public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                IterationResult result) {
            double cpuShare = (double) (processCpuTime() - cpuAtStart) / (System.nanoTime() - wallAtStart);
            return List.of(new ScalarResult("cpu.per.op", result.getPrimaryResult().getScore() * cpuShare,
                    result.getPrimaryResult().getScoreUnit(), AggregationPolicy.AVG));
        }
    }
}
