package dev.itsmkit.examples;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.UpdateFields;
import dev.itsmkit.core.event.ApprovalDecided;
import dev.itsmkit.core.event.ApprovalRequested;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.Commented;
import dev.itsmkit.core.event.FieldsChanged;
import dev.itsmkit.core.event.Linked;
import dev.itsmkit.core.event.PriorityChanged;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.spi.Notifier;
import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Escalation;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaReport;
import dev.itsmkit.sla.SlaReporter;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.testkit.VirtualClock;
import dev.itsmkit.workflow.CommandPermissions;
import dev.itsmkit.workflow.CommandRefusedException;
import dev.itsmkit.workflow.CommandResult;
import dev.itsmkit.workflow.FiringReport;
import dev.itsmkit.workflow.Lifecycles;
import dev.itsmkit.workflow.ServiceDesk;
import dev.itsmkit.workflow.TransitionAuthorizer;
import dev.itsmkit.workflow.TransitionRefusedException;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A day in a small IT department, run on the embedded {@link ServiceDesk}: in-memory stores and a
 * {@link VirtualClock}, so a whole working day passes in well under a second and comes out the same
 * every time.
 *
 * <p>What happens: the mail service goes down and is restored as a major incident; a VPN complaint
 * is put on hold awaiting the caller, resolved, reopened and resolved again; a printer incident
 * nobody picks up breaches its response target and escalates; a problem records the mail outage's
 * known error; a caller who tries to raise his own ticket's urgency is refused, as callers only open
 * tickets and comment; a normal change is authorized by the change advisory board, gets its go from
 * the change manager against its acceptance criteria, and is implemented inside its planned window. Every event is printed as it happens, SLA warnings and breaches included;
 * the day ends with each ticket's SLA clocks and the SLA report.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am package -DskipTests exec:java} (the README's main job).
 */
public final class ServiceDeskDemo {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(BERLIN);
    private static final TenantId TENANT = TenantId.of("northwind");

    private static final Party CALLER_ANNA = Party.person("anna.berg");
    private static final Party CALLER_OMAR = Party.person("omar.haddad");
    private static final Party AGENT_LEA = Party.person("lea.fischer");
    private static final Party AGENT_JONAS = Party.person("jonas.weber");
    private static final Party CHANGE_MANAGER = Party.person("mia.schulz");
    private static final Party CAB_NETWORK = Party.person("cab.network");
    private static final Party CAB_SECURITY = Party.person("cab.security");
    private static final Party SERVICE_DESK = Party.group("service-desk");
    private static final Party MESSAGING = Party.group("messaging");
    private static final Party DESK_LEADS = Party.group("service-desk-leads");

    private static final FieldValue ACCEPTANCE = new FieldValue.Multi(List.of(
            FieldValue.of("Mail flows during and after a test rotation."),
            FieldValue.of("No certificate warning in the mail clients.")));

    private final PrintStream out;
    private final List<OutboxEntry> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final VirtualClock clock;
    private final ServiceDesk desk;
    private final BusinessCalendars calendars;
    private final SlaEngine sla;
    private final Map<dev.itsmkit.core.TicketId, String> numbers = new HashMap<>();

    ServiceDeskDemo(PrintStream out) {
        this(out, InMemoryStores.create());
    }

    /**
     * Tells the day on given stores, empty ones: {@link ServiceDeskOnPostgres} runs it on PostgreSQL.
     *
     * @param out where the day is printed
     * @param stores empty stores the desk writes to
     */
    ServiceDeskDemo(PrintStream out, Stores stores) {
        this.out = out;
        this.clock = VirtualClock.at(at("07:55"), BERLIN);
        BusinessCalendar office = BusinessCalendar.builder()
                .zone(BERLIN)
                .hours(DayOfWeek.MONDAY, "08:00-18:00")
                .hours(DayOfWeek.TUESDAY, "08:00-18:00")
                .hours(DayOfWeek.WEDNESDAY, "08:00-18:00")
                .hours(DayOfWeek.THURSDAY, "08:00-18:00")
                .hours(DayOfWeek.FRIDAY, "08:00-18:00")
                .build();
        this.calendars = BusinessCalendars.of(Map.of("office", office));
        this.sla = SlaEngine.of(calendars, List.of(incidentPolicy()));
        this.desk = ServiceDesk.builder()
                .stores(stores)
                .clock(clock)
                .sla(sla)
                .authorizer(roles())
                .notifier(new PrintingNotifier())
                .build();
    }

    /**
     * Who may do what: callers open tickets and comment; agents run every command but the priority
     * override; the board members decide their approvals; the change manager does everything,
     * authorizes emergency changes and takes the go/no-go decision.
     */
    static TransitionAuthorizer roles() {
        Set<String> caller = Set.of(CommandPermissions.OPEN, CommandPermissions.JOURNAL);
        Set<String> agent = CommandPermissions.ALL.stream().filter(p -> !p.equals(CommandPermissions.OVERRIDE_PRIORITY))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> board = Set.of(CommandPermissions.DECIDE_APPROVAL, CommandPermissions.JOURNAL);
        Set<String> manager = new java.util.HashSet<>(CommandPermissions.ALL);
        manager.addAll(Set.of(Lifecycles.EMERGENCY_CHANGE_AUTHORITY, Lifecycles.CHANGE_GO_NO_GO));
        return TransitionAuthorizer.granting(Map.of(CALLER_ANNA, caller, CALLER_OMAR, caller, AGENT_LEA, agent, AGENT_JONAS, agent,
                CAB_NETWORK, board, CAB_SECURITY, board, CHANGE_MANAGER, manager));
    }

    /**
     * Runs the day and prints it.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        new ServiceDeskDemo(System.out).run();
    }

    /** Response and resolution in office hours, with warnings, and escalations when they breach. */
    static SlaPolicy incidentPolicy() {
        Condition active = Condition.category(StateCategory.NEW, StateCategory.OPEN, StateCategory.PENDING);
        SlaTarget response = SlaTarget.builder("response")
                .calendar("office")
                .goals(Goals.of(Map.of(Priority.of(1), Duration.ofMinutes(15), Priority.of(2), Duration.ofMinutes(30)))
                        .otherwise(Duration.ofHours(1)))
                .start(active)
                .stop(Condition.not(Condition.category(StateCategory.NEW)))
                .cancel(Condition.category(StateCategory.CANCELLED))
                .warnAt(75)
                .escalateAt(100, Escalation.notify("chat", DESK_LEADS), Escalation.raisePriority(1))
                .build();
        SlaTarget resolution = SlaTarget.builder("resolution")
                .calendar("office")
                .goals(Goals.of(Map.of(Priority.of(1), Duration.ofHours(4), Priority.of(2), Duration.ofHours(8)))
                        .otherwise(Duration.ofHours(16)))
                .start(active)
                .pause(Condition.category(StateCategory.PENDING))
                .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
                .cancel(Condition.category(StateCategory.CANCELLED))
                .restart(Condition.category(StateCategory.OPEN))
                .warnAt(50, 75)
                .escalateAt(75, Escalation.notify("chat", DESK_LEADS))
                .build();
        return SlaPolicy.of("standard-incident", 1, List.of(response, resolution))
                .forKinds(Set.of(TicketKind.INCIDENT));
    }

    /** Runs the day, printing it to the stream given at construction. */
    void run() {
        out.println("== A day at Northwind IT, " + DAY + " (office hours 08:00-18:00 Europe/Berlin)\n");

        // 08:05 the mail service is down for everyone
        move("08:05");
        Ticket mail = open(OpenTicket.builder(TENANT, CALLER_ANNA, TicketKind.INCIDENT, "Nobody can send or receive mail")
                .impact(Impact.of(1)).urgency(Urgency.of(1))
                .category("email")
                .field("major", FieldValue.of(true))
                .build());
        move("08:09");
        assign(mail, AGENT_LEA, MESSAGING);
        transition(mail, AGENT_LEA, "start", Map.of());
        move("08:15");
        Ticket outlook = open(OpenTicket.builder(TENANT, CALLER_OMAR, TicketKind.INCIDENT, "Outlook says it is disconnected")
                .impact(Impact.of(3)).urgency(Urgency.of(1))
                .category("email")
                .build());
        link(mail, AGENT_LEA, outlook, LinkType.PARENT_OF);
        transition(outlook, AGENT_LEA, "start", Map.of());
        move("08:20");
        note(mail, AGENT_LEA, "Mail queue stuck after the night's certificate rotation; restarting the transport service.");

        // 08:40 a VPN complaint that needs the caller
        move("08:40");
        Ticket vpn = open(OpenTicket.builder(TENANT, CALLER_OMAR, TicketKind.INCIDENT, "VPN drops every few minutes")
                .impact(Impact.of(3)).urgency(Urgency.of(2))
                .category("network")
                .build());
        move("08:55");
        assign(vpn, AGENT_JONAS, SERVICE_DESK);
        transition(vpn, AGENT_JONAS, "start", Map.of());
        move("09:10");
        transition(vpn, AGENT_JONAS, "hold", Map.of("holdReason", FieldValue.of("AWAITING_CALLER")));

        // 09:30 a printer complaint that nobody picks up
        move("09:30");
        Ticket printer = open(OpenTicket.builder(TENANT, CALLER_ANNA, TicketKind.INCIDENT, "Printer on floor 2 jams")
                .impact(Impact.of(3)).urgency(Urgency.of(3))
                .category("hardware")
                .build());

        // the mail service is back
        move("10:25");
        tryTransition(mail, AGENT_LEA, "resolve", Map.of());
        CommandResult resolved = desk.transitionWithChildren(new TransitionTicket(TENANT, AGENT_LEA, mail.id(),
                OptionalLong.empty(), "resolve", Map.of(
                        "resolutionCode", FieldValue.of("WORKAROUND"),
                        "resolutionNotes", FieldValue.of("Transport service restarted; certificate chain re-imported.")),
                Optional.empty()));
        print(resolved.events());
        resolved.alsoChanged().forEach(child -> out.printf("%s  %-10s %-14s resolved with its parent %s: %s%n",
                HH_MM.format(clock.instant()), number(child), AGENT_LEA.id(), number(mail), child.state().name()));

        // the root cause goes to problem management
        move("11:00");
        Ticket problem = open(OpenTicket.builder(TENANT, AGENT_LEA, TicketKind.PROBLEM, "Certificate rotation stops the mail transport")
                .impact(Impact.of(1)).urgency(Urgency.of(2))
                .build());
        link(problem, AGENT_LEA, mail, LinkType.PROBLEM_OF_INCIDENT);
        transition(problem, AGENT_LEA, "assess", Map.of());
        transition(problem, AGENT_LEA, "recordKnownError", Map.of(
                "workaround", FieldValue.of("Restart the transport service after each rotation.")));

        // the printer's response clock breaches at 10:30 (one office hour after 09:30); the timer fires
        fireTimersUntil("12:00");

        // the caller answers, the VPN is fixed
        move("13:00");
        comment(vpn, CALLER_OMAR, "It happens only on the hotel Wi-Fi.");
        tryExecute(vpn, new ChangeImpactUrgency(TENANT, CALLER_OMAR, vpn.id(), OptionalLong.empty(), Impact.of(1), Urgency.of(1)));
        transition(vpn, AGENT_JONAS, "resume", Map.of());
        move("14:00");
        transition(vpn, AGENT_JONAS, "resolve", Map.of(
                "resolutionCode", FieldValue.of("CONFIGURATION"),
                "resolutionNotes", FieldValue.of("MTU lowered in the VPN profile.")));

        // a normal change goes to the change advisory board
        move("14:30");
        Ticket change = open(OpenTicket.builder(TENANT, AGENT_LEA, TicketKind.CHANGE, "Automate the mail certificate rotation")
                .impact(Impact.of(2)).urgency(Urgency.of(3))
                .field("changeType", FieldValue.of("NORMAL"))
                .build());
        link(change, AGENT_LEA, problem, LinkType.RELATED_TO);
        transition(change, CHANGE_MANAGER, "assess", Map.of());
        // the board sees the plans, the window and the acceptance criteria, which are locked from now on
        transition(change, CHANGE_MANAGER, "requestAuthorization", Map.of(
                "implementationPlan", FieldValue.of("Deploy the rotation hook; restart the transport once."),
                "backoutPlan", FieldValue.of("Remove the hook; rotate by hand as before."),
                "plannedStart", FieldValue.of(at("17:00")), "plannedEnd", FieldValue.of(at("17:45")),
                "acceptanceCriteria", ACCEPTANCE));
        execute(new RequestApprovals(TENANT, CHANGE_MANAGER, change.id(), OptionalLong.empty(), 1,
                List.of(CAB_NETWORK, CAB_SECURITY)));

        // the VPN caller is not happy yet
        move("15:10");
        comment(vpn, CALLER_OMAR, "Still dropping on the train.");
        transition(vpn, AGENT_JONAS, "reopen", Map.of());

        // one approval is not enough: the board's policy wants them all
        move("15:30");
        execute(new DecideApproval(TENANT, CAB_NETWORK, change.id(), OptionalLong.empty(), CAB_NETWORK, Verdict.APPROVED,
                "Fine outside business hours."));
        tryTransition(change, CHANGE_MANAGER, "authorize", Map.of());
        move("16:00");
        transition(vpn, AGENT_JONAS, "resolve", Map.of(
                "resolutionCode", FieldValue.of("CONFIGURATION"),
                "resolutionNotes", FieldValue.of("Keep-alive enabled as well.")));
        move("16:10");
        execute(new DecideApproval(TENANT, CAB_SECURITY, change.id(), OptionalLong.empty(), CAB_SECURITY, Verdict.APPROVED,
                "Keys stay in the vault."));
        transition(change, CHANGE_MANAGER, "authorize", Map.of());

        // the go/no-go is the change manager's decision, not a field the implementer writes
        move("16:30");
        tryTransition(change, AGENT_LEA, "implement", Map.of("goNoGo", FieldValue.of("GO")));
        tryTransition(change, AGENT_LEA, "go", Map.of());
        move("16:45");
        transition(change, CHANGE_MANAGER, "go", Map.of());
        // implementation only inside the planned window
        move("16:50");
        tryTransition(change, AGENT_LEA, "implement", Map.of());
        move("17:05");
        transition(change, AGENT_LEA, "implement", Map.of());
        move("17:40");
        transition(change, AGENT_LEA, "complete", Map.of());

        // end of the day: whatever is still open keeps running into tomorrow's office hours
        move("18:00");
        transition(mail, AGENT_LEA, "close", Map.of());

        printClocks(List.of(mail, outlook, vpn, printer));
        printReport();
    }

    private Ticket open(OpenTicket command) {
        CommandResult result = desk.open(command);
        Ticket ticket = result.ticket();
        numbers.put(ticket.id(), ticket.number().toString());
        print(result.events());
        return ticket;
    }

    private void execute(TicketCommand command) {
        print(desk.execute(command).events());
    }

    private void assign(Ticket ticket, Party assignee, Party group) {
        execute(new Assign(TENANT, assignee, ticket.id(), OptionalLong.empty(), Optional.of(assignee), Optional.of(group)));
    }

    private void transition(Ticket ticket, Party actor, String transition, Map<String, FieldValue> fields) {
        CommandResult result = desk.execute(
                new TransitionTicket(TENANT, actor, ticket.id(), OptionalLong.empty(), transition, fields, Optional.empty()));
        print(result.events());
        result.alsoChanged().forEach(other -> numbers.putIfAbsent(other.id(), other.number().toString()));
    }

    /**
     * A transition that the lifecycle or the desk's rules may refuse: the refusal is printed, and
     * nothing was written.
     */
    private void tryTransition(Ticket ticket, Party actor, String transition, Map<String, FieldValue> fields) {
        try {
            transition(ticket, actor, transition, fields);
        } catch (TransitionRefusedException | CommandRefusedException refused) {
            out.printf("%s  %-10s refused %-20s %s%n", HH_MM.format(clock.instant()), number(ticket), transition,
                    refused.getMessage());
        }
    }

    /** A command the desk may refuse (a permission the actor lacks, say): the refusal is printed, nothing was written. */
    private void tryExecute(Ticket ticket, TicketCommand command) {
        try {
            execute(command);
        } catch (CommandRefusedException refused) {
            out.printf("%s  %-10s refused %-20s %s%n", HH_MM.format(clock.instant()), number(ticket),
                    command.getClass().getSimpleName(), refused.getMessage());
        }
    }

    private void note(Ticket ticket, Party actor, String text) {
        execute(new AddJournalEntry(TENANT, actor, ticket.id(), OptionalLong.empty(), JournalEntryKind.WORK_NOTE, text, List.of()));
    }

    private void comment(Ticket ticket, Party actor, String text) {
        execute(new AddJournalEntry(TENANT, actor, ticket.id(), OptionalLong.empty(), JournalEntryKind.PUBLIC_COMMENT, text,
                List.of()));
    }

    private void link(Ticket from, Party actor, Ticket to, LinkType type) {
        execute(new AddLink(TENANT, actor, from.id(), OptionalLong.empty(), new Link(type, to.ref())));
    }

    /** Lets time pass: every SLA timer that comes due on the way fires at its own instant. */
    private void fireTimersUntil(String time) {
        Instant until = at(time);
        for (Optional<Instant> next = desk.nextTimerDue(); next.isPresent() && !next.get().isAfter(until);
                next = desk.nextTimerDue()) {
            clock.moveTo(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
            FiringReport fired = desk.fireDue();
            print(fired.events());
            desk.deliverOutbox();
        }
        clock.moveTo(until);
    }

    private void move(String time) {
        fireTimersUntil(time);
    }

    /** Prints events as they happened, then what the outbox delivered for them. */
    private void print(List<TicketEvent> events) {
        for (TicketEvent event : events) {
            out.printf("%s  %-10s %-14s %s%n", HH_MM.format(event.at()), numbers.getOrDefault(event.ticket(), "?"),
                    event.actor().id(), describe(event));
        }
        desk.deliverOutbox();
        for (OutboxEntry entry : delivered) {
            out.printf("%s  %-10s %-14s notified: %s%n", HH_MM.format(entry.createdAt()),
                    numbers.getOrDefault(entry.ticket(), "?"), "(outbox)", describe(entry.event()));
        }
        delivered.clear();
    }

    private static String describe(TicketEvent event) {
        if (event instanceof TicketCreated created) {
            Ticket t = created.snapshot();
            return "opened " + t.kind().name().toLowerCase(Locale.ROOT) + " \"" + t.title() + "\" " + t.priority()
                    + " in " + t.state().name();
        } else if (event instanceof StateChanged changed) {
            return changed.transition() + ": " + changed.from().name() + " -> " + changed.to().name();
        } else if (event instanceof FieldsChanged changed) {
            return changed.changes().stream()
                    .map(c -> c.field().equals(Lifecycles.GO_NO_GO) && c.after().isPresent()
                            ? "go/no-go decided: " + c.after().get() // the decision is worth its verdict
                            : (c.after().isPresent() ? "set " : "cleared ") + c.field())
                    .collect(Collectors.joining(", "));
        } else if (event instanceof Assigned assigned) {
            return "assigned to " + assigned.assignee().map(Party::id).orElse("-") + " / "
                    + assigned.group().map(Party::id).orElse("-");
        } else if (event instanceof PriorityChanged changed) {
            return "priority " + changed.from() + " -> " + changed.to() + changed.overrideReason().map(r -> " (" + r + ")").orElse("");
        } else if (event instanceof Linked linked) {
            return "linked: " + linked.link().type() + " " + linked.link().target();
        } else if (event instanceof Commented commented) {
            return commented.entry().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + commented.entry().text();
        } else if (event instanceof ApprovalRequested requested) {
            return "approval asked of " + requested.approval().approver().id();
        } else if (event instanceof ApprovalDecided decided) {
            return "approval " + decided.decision().verdict() + " by " + decided.actor().id();
        } else if (event instanceof SlaWarned warned) {
            return "SLA WARNING  " + warned.target() + " at " + warned.percent() + "% of its goal";
        } else if (event instanceof SlaBreached breached) {
            return "SLA BREACH   " + breached.target() + " (due " + HH_MM.format(breached.breachedAt()) + ")";
        }
        return event.getClass().getSimpleName();
    }

    private void printClocks(List<Ticket> tickets) {
        out.println("\n== SLA clocks at the end of the day (" + HH_MM.format(clock.instant()) + ")");
        for (Ticket ticket : tickets) {
            // the stored clocks are as of their last change; the engine brings them up to now
            List<SlaClockSnapshot> now = sla.onTime(desk.get(TENANT, ticket.id()), clock.instant(),
                    desk.clocks(TENANT, ticket.id())).clocks();
            for (SlaClockSnapshot c : now) {
                out.printf("%-10s %-11s cycle %d  %-9s goal %-6s elapsed %-8s %s%n", number(ticket), c.target(), c.cycle(),
                        c.status(), c.goal(), c.elapsed(),
                        c.breachedAt().map(b -> "breached " + HH_MM.format(b))
                                .or(() -> c.deadline().map(d -> "due " + d.atZone(BERLIN).toLocalDateTime()))
                                .orElse(""));
            }
        }
    }

    private void printReport() {
        SlaReporter reporter = SlaReporter.builder(calendars)
                .period(at("00:00"), at("23:59"))
                .at(clock.instant())
                .groupBy(SlaReport.Dimension.TARGET, SlaReport.Dimension.PRIORITY)
                .responseTarget("response")
                .resolutionTarget("resolution")
                .build();
        desk.query(TENANT, TicketQuery.builder().kinds(TicketKind.INCIDENT).build(), 100).items()
                .forEach(t -> reporter.add(t, sla.onTime(t, clock.instant(), desk.clocks(TENANT, t.id())).clocks()));
        out.println("\n== The SLA report of the day");
        out.println(reporter.report().render());
    }

    private String number(Ticket ticket) {
        return numbers.getOrDefault(ticket.id(), ticket.number().toString());
    }

    private static Instant at(String localTime) {
        return ZonedDateTime.of(DAY, LocalTime.parse(localTime), BERLIN).toInstant();
    }

    /**
     * Receives what the outbox delivers — the notifications that lifecycle actions and SLA escalations
     * ask for — so that {@link #print} shows them after the events that caused them.
     */
    private final class PrintingNotifier implements Notifier {
        @Override
        public String name() {
            return "console";
        }

        @Override
        public void deliver(OutboxEntry entry) {
            delivered.add(entry);
        }
    }
}
