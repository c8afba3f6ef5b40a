package dev.itsmkit.examples.servicenow;

import static java.util.Comparator.comparing;

import dev.itsmkit.core.FieldDefinition;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.ItsmException;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.Unassign;
import dev.itsmkit.core.command.UpdateFields;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaReport;
import dev.itsmkit.sla.SlaReporter;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.testkit.VirtualClock;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.LifecycleCatalog;
import dev.itsmkit.workflow.ServiceDesk;
import dev.itsmkit.definitions.DefinitionFormat;
import dev.itsmkit.definitions.LifecycleDefinitions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a real ServiceNow incident log through a {@link ServiceDesk}: every incident is opened at its
 * {@code opened_at}, and every row of the log becomes the commands that take the ticket to what the
 * row says — a change of impact and urgency, an assignment or unassignment, a transition to the row's state — at the
 * row's instant on a {@link VirtualClock}, with the SLA timers firing in between as time passes.
 *
 * <p>What it sets up is what a vendor would for this customer: a lifecycle of the desk's own states,
 * loaded at runtime from a YAML document and registered for the tenant ({@link #lifecycle()}), the desk's priority matrix ({@link #matrix()}, three impacts and urgencies
 * onto four priorities), custom fields for what ServiceNow records beside ({@link #fieldSchema()}),
 * and a resolution SLA around the clock ({@link #policy()}).
 *
 * <p>What it checks is in the {@link Result}: that every row could be applied, that the priority the
 * matrix derives equals the priority ServiceNow recorded on every row, that the reopenings counted
 * from our audit trail equal ServiceNow's reopen count, that every audit chain verifies and replays to
 * the stored ticket. Rows our model cannot express are counted, not hidden.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=dev.itsmkit.examples.servicenow.ServiceNowReplay -Dexec.args=PATH}, PATH a
 * {@code .csv} or {@code .zip} of the log (default: the sample in {@code ../shared/data}).
 */
public final class ServiceNowReplay {
    /** The tenant the replayed incidents belong to. */
    public static final TenantId TENANT = TenantId.of("servicenow-2016");
    private static final String RESOLVED = "RESOLVED";
    private static final String ACTIVE = "ACTIVE";

    private final ServiceDesk desk;
    private final Lifecycle lifecycle = lifecycle();
    private final VirtualClock clock;
    private final Map<String, TicketId> tickets = new LinkedHashMap<>();
    private final Map<String, ServiceNowEvent> lastRow = new LinkedHashMap<>();
    private final Map<String, Integer> commands = new TreeMap<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<String> priorityMismatches = new ArrayList<>();
    private final List<String> unknownStates = new ArrayList<>();
    private int rowsWithoutChange;
    private int firedEvents;

    private ServiceNowReplay(Instant start) {
        this.clock = VirtualClock.at(start);
        this.desk = ServiceDesk.builder()
                .clock(clock)
                .lifecycles(LifecycleCatalog.itil().register(TENANT, lifecycle))
                .priorityMatrix(TENANT, matrix())
                .fieldSchema(TENANT, TicketKind.INCIDENT, fieldSchema())
                .sla(TENANT, SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(policy())))
                .build();
    }

    /**
     * The desk's own incident lifecycle, read from the YAML document beside this class
     * ({@code servicenow-incident.yaml}): ServiceNow's states, a transition named after each state into
     * it from every state that is not final.
     *
     * @return the lifecycle
     * @throws dev.itsmkit.definitions.LifecycleDefinitionException if the document is not a valid lifecycle
     */
    public static Lifecycle lifecycle() {
        String resource = "servicenow-incident.yaml";
        try (InputStream in = ServiceNowReplay.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the lifecycle document " + resource + " is missing beside "
                        + ServiceNowReplay.class.getName() + " on the class path");
            }
            return LifecycleDefinitions.read(new InputStreamReader(in, StandardCharsets.UTF_8), DefinitionFormat.YAML, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lifecycle document " + resource, e);
        }
    }

    /**
     * The desk's matrix as its log shows it: high/medium/low impact and urgency onto critical, high,
     * moderate and low.
     *
     * @return the matrix
     */
    public static ImpactUrgencyMatrix matrix() {
        return ImpactUrgencyMatrix.builder(3, 3)
                .row(1, 1, 2, 3)
                .row(2, 2, 3, 4)
                .row(3, 3, 4, 4)
                .build();
    }

    /**
     * The custom fields: ServiceNow's number, its close code and its own SLA verdict.
     *
     * @return the schema
     */
    public static FieldSchema fieldSchema() {
        return FieldSchema.of(
                FieldDefinition.builder("sourceNumber", FieldType.TEXT).build(),
                FieldDefinition.builder("closeCode", FieldType.TEXT).build(),
                FieldDefinition.builder("madeSla", FieldType.BOOLEAN).build());
    }

    /**
     * A resolution target around the clock (the log's instants carry no zone, so no office hours can
     * be told from them): paused while awaiting someone, met when resolved, a new cycle on reopening.
     *
     * @return the policy
     */
    public static SlaPolicy policy() {
        return SlaPolicy.of("servicenow-resolution", 1, List.of(SlaTarget.builder("resolution")
                        .goals(Goals.of(Map.of(
                                dev.itsmkit.core.Priority.of(1), Duration.ofHours(8),
                                dev.itsmkit.core.Priority.of(2), Duration.ofDays(1),
                                dev.itsmkit.core.Priority.of(3), Duration.ofDays(5)))
                                .otherwise(Duration.ofDays(10)))
                        .start(Condition.category(StateCategory.NEW, StateCategory.OPEN, StateCategory.PENDING))
                        .pause(Condition.category(StateCategory.PENDING))
                        .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
                        .restart(Condition.category(StateCategory.OPEN))
                        .warnAt(75)
                        .build()))
                .forKinds(Set.of(TicketKind.INCIDENT));
    }

    /**
     * Replays a log.
     *
     * @param rows the log's rows, in file order
     * @return what the replay did and found
     * @throws IllegalArgumentException if there are no rows
     */
    public static Result replay(List<ServiceNowEvent> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the log has no rows; nothing to replay");
        }
        List<Step> steps = new ArrayList<>();
        Map<String, Boolean> opened = new LinkedHashMap<>();
        for (ServiceNowEvent row : rows) {
            if (opened.putIfAbsent(row.number(), true) == null) {
                steps.add(new Step(row.openedAt(), 0, row.line(), row, true));
            }
            steps.add(new Step(row.updatedAt(), 1, row.line(), row, false));
        }
        // the log's rows of one minute keep their file order; an incident opens before its rows of that minute
        steps.sort(comparing(Step::at).thenComparingInt(Step::order).thenComparingInt(Step::line));
        ServiceNowReplay replay = new ServiceNowReplay(steps.get(0).at());
        for (Step step : steps) {
            replay.advanceTo(step.at());
            if (step.open()) {
                replay.open(step.row());
            } else {
                replay.apply(step.row());
            }
        }
        return replay.result();
    }

    private record Step(Instant at, int order, int line, ServiceNowEvent row, boolean open) {}

    private void advanceTo(Instant at) {
        if (at.isAfter(clock.instant())) {
            clock.moveTo(at);
        }
        firedEvents += desk.fireDue().events().size();
    }

    private void open(ServiceNowEvent row) {
        OpenTicket command = OpenTicket.builder(TENANT, party(row.openedBy()), TicketKind.INCIDENT,
                        "ServiceNow " + row.number() + row.category().map(c -> " (" + c + ")").orElse(""))
                .impact(Impact.of(row.impact()))
                .urgency(Urgency.of(row.urgency()))
                .requester(party(row.caller()))
                .customField("sourceNumber", FieldValue.of(row.number()))
                .build();
        run(row, command).ifPresent(ticket -> tickets.put(row.number(), ticket.id()));
    }

    private void apply(ServiceNowEvent row) {
        TicketId id = tickets.get(row.number());
        if (id == null) {
            return; // its opening was refused and counted
        }
        lastRow.put(row.number(), row);
        Party actor = party(row.updatedBy());
        Ticket ticket = desk.get(TENANT, id);
        boolean changed = false;
        if (ticket.impact().level() != row.impact() || ticket.urgency().level() != row.urgency()) {
            changed |= run(row, new ChangeImpactUrgency(TENANT, actor, id, OptionalLong.empty(), Impact.of(row.impact()),
                    Urgency.of(row.urgency()))).isPresent();
        }
        Optional<Party> group = row.assignmentGroup().map(g -> Party.group(slug(g)));
        Optional<Party> assignee = row.assignedTo().map(a -> Party.person(slug(a)));
        boolean clearAssignee = ticket.assignee().isPresent() && assignee.isEmpty();
        boolean clearGroup = ticket.assignmentGroup().isPresent() && group.isEmpty();
        if (clearAssignee || clearGroup) {
            changed |= run(row, new Unassign(TENANT, actor, id, OptionalLong.empty(), clearAssignee, clearGroup)).isPresent();
        }
        Optional<Party> newAssignee = assignee.filter(a -> !ticket.assignee().equals(Optional.of(a)));
        Optional<Party> newGroup = group.filter(g -> !ticket.assignmentGroup().equals(Optional.of(g)));
        if (newAssignee.isPresent() || newGroup.isPresent()) {
            changed |= run(row, new Assign(TENANT, actor, id, OptionalLong.empty(), newAssignee, newGroup)).isPresent();
        }
        boolean verdictRecorded = ticket.customFields().get("madeSla").map(v -> v.equals(FieldValue.of(row.madeSla())))
                .orElse(false);
        if (!verdictRecorded) {
            changed |= run(row, new UpdateFields(TENANT, actor, id, OptionalLong.empty(),
                    Map.of("madeSla", Optional.of(FieldValue.of(row.madeSla()))))).isPresent();
        }
        Optional<String> state = stateOf(row);
        if (state.isPresent() && !state.get().equals(desk.get(TENANT, id).state().name())) {
            Map<String, FieldValue> fields = state.get().equals(RESOLVED) && row.closedCode().isPresent()
                    ? Map.of("closeCode", FieldValue.of(row.closedCode().get())) : Map.of();
            changed |= run(row, new TransitionTicket(TENANT, actor, id, OptionalLong.empty(),
                    state.get().toLowerCase(Locale.ROOT), fields, Optional.empty())).isPresent();
        }
        if (!changed) {
            rowsWithoutChange++;
        }
        Ticket after = desk.get(TENANT, id);
        if (after.priority().level() != row.priority()) {
            priorityMismatches.add("line " + row.line() + " " + row.number() + ": the log says priority " + row.priority()
                    + ", the matrix derived " + after.priority() + " from impact " + row.impact() + " and urgency "
                    + row.urgency());
        }
    }

    private Optional<String> stateOf(ServiceNowEvent row) {
        String state = row.state().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (lifecycle.state(state).isEmpty()) {
            unknownStates.add("line " + row.line() + " " + row.number() + ": state '" + row.state() + "'");
            return Optional.empty();
        }
        return Optional.of(state);
    }

    private Optional<Ticket> run(ServiceNowEvent row, TicketCommand command) {
        String name = command.getClass().getSimpleName();
        try {
            Ticket ticket = command instanceof OpenTicket open ? desk.open(open).ticket() : desk.execute(command).ticket();
            commands.merge(name, 1, Integer::sum);
            return Optional.of(ticket);
        } catch (ItsmException refused) {
            refusals.add("line " + row.line() + " " + row.number() + " " + name + ": " + refused.getMessage());
            return Optional.empty();
        }
    }

    private Result result() {
        int chainsBroken = 0;
        int replayMismatches = 0;
        int reopenMismatches = 0;
        int agree = 0;
        int compared = 0;
        SlaReporter reporter = SlaReporter.builder(BusinessCalendars.onlyAlways())
                .period(Instant.parse("2000-01-01T00:00:00Z"), clock.instant().plusSeconds(1))
                .at(clock.instant())
                .groupBy(SlaReport.Dimension.PRIORITY)
                .resolutionTarget("resolution")
                .build();
        for (Map.Entry<String, TicketId> entry : tickets.entrySet()) {
            TicketId id = entry.getValue();
            Ticket ticket = desk.get(TENANT, id);
            if (!desk.verifyAuditTrail(TENANT, id).intact()) {
                chainsBroken++;
            }
            List<TicketEvent> history = desk.history(TENANT, id);
            if (!TicketEvents.replay(history).equals(ticket)) {
                replayMismatches++;
            }
            long reopened = history.stream()
                    .filter(e -> e instanceof StateChanged s && s.from().name().equals(RESOLVED) && s.to().name().equals(ACTIVE))
                    .count();
            ServiceNowEvent last = lastRow.get(entry.getKey());
            if (last != null && reopened != last.reopenCount()) {
                reopenMismatches++;
            }
            List<SlaClockSnapshot> clocks = desk.clocks(TENANT, id);
            reporter.add(ticket, clocks);
            Optional<ClockStatus> verdict = clocks.stream().max(comparing(SlaClockSnapshot::cycle)).map(SlaClockSnapshot::status)
                    .filter(s -> s == ClockStatus.MET || s == ClockStatus.BREACHED);
            if (last != null && verdict.isPresent()) {
                compared++;
                if ((verdict.get() == ClockStatus.MET) == last.madeSla()) {
                    agree++;
                }
            }
        }
        return new Result(tickets.size(), lastRow.size(), Map.copyOf(commands),
                List.copyOf(refusals), List.copyOf(priorityMismatches), List.copyOf(unknownStates),
                rowsWithoutChange, firedEvents, chainsBroken, replayMismatches, reopenMismatches, compared, agree,
                reporter.report());
    }

    /**
     * What a replay did and found.
     *
     * @param incidents how many incidents were opened
     * @param incidentsWithRows how many of them had rows after opening
     * @param commands how many commands of each kind ran, by the command's simple class name
     * @param refusals every command the desk refused, with the log's line
     * @param priorityMismatches every row where the derived priority differs from the log's
     * @param unknownStates every row in a state the lifecycle does not know (the full log has a few)
     * @param rowsWithoutChange rows after which nothing we model had changed (ServiceNow counts every save)
     * @param slaEvents SLA warnings and breaches the timers fired while time passed
     * @param chainsBroken audit chains that do not verify
     * @param replayMismatches tickets whose audit trail does not replay to the stored snapshot
     * @param reopenMismatches incidents whose reopenings in our trail differ from the log's reopen count
     * @param slaCompared incidents whose final resolution verdict could be compared with the log's {@code made_sla}
     * @param slaAgreements how many of those agree
     * @param report the SLA report by priority
     */
    public record Result(int incidents, int incidentsWithRows, Map<String, Integer> commands, List<String> refusals,
            List<String> priorityMismatches, List<String> unknownStates, int rowsWithoutChange,
            int slaEvents, int chainsBroken, int replayMismatches, int reopenMismatches, int slaCompared,
            int slaAgreements, SlaReport report) {
        /**
         * Creates the result.
         *
         * @param incidents how many incidents were opened
         * @param incidentsWithRows how many had rows after opening
         * @param commands commands run by kind
         * @param refusals refused commands
         * @param priorityMismatches priority mismatches
         * @param unknownStates rows in unknown states
         * @param rowsWithoutChange rows that changed nothing we model
         * @param slaEvents SLA events fired by timers
         * @param chainsBroken audit chains that do not verify
         * @param replayMismatches trails that do not replay to the snapshot
         * @param reopenMismatches reopen counts that differ
         * @param slaCompared verdicts compared with the log
         * @param slaAgreements verdicts that agree
         * @param report the SLA report
         */
        public Result {
            commands = Map.copyOf(commands);
            refusals = List.copyOf(refusals);
            priorityMismatches = List.copyOf(priorityMismatches);
            unknownStates = List.copyOf(unknownStates);
        }
    }

    /**
     * Replays a log and prints what it found.
     *
     * @param args the log's path, or none for the sample in {@code ../shared/data}
     */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/servicenow-incident-event-log-sample.csv");
        List<ServiceNowEvent> rows = ServiceNowLog.read(file);
        Result result = replay(rows);
        System.out.printf("Replayed %s: %d rows, %d incidents%n", file, rows.size(), result.incidents());
        System.out.println("commands run:          " + new TreeMap<>(result.commands()));
        System.out.println("refused:               " + result.refusals().size());
        result.refusals().stream().limit(10).forEach(r -> System.out.println("  " + r));
        System.out.println("priority mismatches:   " + result.priorityMismatches().size());
        System.out.println("unknown states:        " + result.unknownStates().size());
        System.out.println("rows changing nothing we model: " + result.rowsWithoutChange());
        System.out.println("SLA events fired by timers: " + result.slaEvents());
        System.out.println("audit chains broken:   " + result.chainsBroken());
        System.out.println("trails not replaying to the snapshot: " + result.replayMismatches());
        System.out.println("reopen counts differing from the log: " + result.reopenMismatches());
        System.out.printf("our resolution verdict agrees with ServiceNow's made_sla for %d of %d incidents%n",
                result.slaAgreements(), result.slaCompared());
        System.out.println(result.report().render());
    }

    private static Party party(String name) {
        return Party.person(slug(name));
    }

    /** Names such as "Updated by 21" become identifiers such as "updated-by-21". */
    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._:@-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }
}
