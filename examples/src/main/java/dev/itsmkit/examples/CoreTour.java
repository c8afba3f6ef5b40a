package dev.itsmkit.examples;

import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.LifecycleDiagrams;
import dev.itsmkit.workflow.Lifecycles;
import dev.itsmkit.workflow.TransitionAuthorizer;
import dev.itsmkit.workflow.TransitionDecision;
import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaReport;
import dev.itsmkit.sla.SlaReporter;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.sla.SlaUpdate;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tour of the domain core and the SLA engine: tickets of two kinds, fields read and changed by
 * name, a link, what happens to invalid input, and an incident's SLA clock in business time. Run it with {@code ./mvnw -q -pl examples -am package -DskipTests exec:java}.
 */
public final class CoreTour {
    private CoreTour() {}

    /**
     * Runs the tour, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the tour.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        tickets(out);
        lifecycle(out);
        slaClocks(out);
    }

    private static void tickets(PrintStream out) {
        TenantId acme = TenantId.of("acme");
        Instant monday = Instant.parse("2026-11-23T08:15:00Z");

        out.println("== An incident");
        Ticket incident = Ticket.builder(acme, TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1042))
                .title("Mail is down for the whole sales floor")
                .description("Outlook shows 'disconnected' since 08:00.")
                .state(TicketState.of("NEW", StateCategory.NEW))
                .priority(Impact.of(1), Urgency.of(2), Priority.of(2))
                .requester(Party.person("alice"))
                .assignmentGroup(Optional.of(Party.group("messaging")))
                .createdAt(monday)
                .build();
        out.println(incident);
        out.println("  group:       " + incident.assignmentGroup().orElseThrow());

        out.println("\n== Fields by name: the language of events, SLA conditions and guards");
        Ticket resolved = incident.toBuilder()
                .state(TicketState.of("RESOLVED", StateCategory.RESOLVED))
                .field("resolutionCode", Optional.of(FieldValue.of("WORKAROUND")))
                .field("costCentre", Optional.of(FieldValue.of("CC-4711")))
                .updatedAt(monday.plusSeconds(5400))
                .resolvedAt(Optional.of(monday.plusSeconds(5400)))
                .version(2)
                .build();
        out.println("  resolutionCode = " + resolved.field("resolutionCode").orElseThrow());
        out.println("  costCentre     = " + resolved.field("costCentre").orElseThrow() + " (a custom field)");
        out.println("  changes from v1: " + incident.changesTo(Map.of("resolutionCode", Optional.of(FieldValue.of("WORKAROUND")))));

        out.println("\n== A change that resolves it");
        Ticket change = Ticket.builder(acme, TicketId.of("t-2"), TicketNumber.parse("CHG0000007"))
                .title("Replace the failed mail gateway")
                .state(TicketState.of("NEW", StateCategory.NEW))
                .requester(Party.group("messaging"))
                .field("changeType", Optional.of(FieldValue.of(ChangeType.NORMAL.name())))
                .field("risk", Optional.of(FieldValue.of(ChangeRisk.HIGH.name())))
                .field("plannedStart", Optional.of(FieldValue.of(Instant.parse("2026-11-24T18:00:00Z"))))
                .field("plannedEnd", Optional.of(FieldValue.of(Instant.parse("2026-11-24T20:00:00Z"))))
                .links(java.util.List.of(new Link(LinkType.CHANGE_RESOLVES, incident.ref())))
                .createdAt(monday.plusSeconds(3600))
                .build();
        out.println(change);
        out.println("  planned window: " + change.change().plannedWindow().orElseThrow());
        out.println("  links:          " + change.links());

        out.println("\n== Invalid input is refused whole, with every violation");
        try {
            Ticket.builder(acme, TicketId.of("t-3"), TicketNumber.parse("INC0001043"))
                    .title("   ")
                    .state(TicketState.of("NEW", StateCategory.NEW))
                    .requester(Party.person("bob"))
                    .assignee(Optional.of(Party.group("messaging")))
                    .links(java.util.List.of(new Link(LinkType.RELATED_TO,
                            Ticket.builder(TenantId.of("globex"), TicketId.of("x"), TicketNumber.parse("INC0000001"))
                                    .title("theirs").state(TicketState.of("NEW", StateCategory.NEW))
                                    .requester(Party.person("eve")).createdAt(monday).build().ref())))
                    .createdAt(monday)
                    .build();
        } catch (ValidationException e) {
            out.println(e.getMessage());
        }
    }

    /*
     * The built-in ITIL incident lifecycle: one gate decides every transition, and a refusal says
     * which guard refused and what the state offers.
     */
    private static void lifecycle(PrintStream out) {
        out.println("\n== The ITIL incident lifecycle");
        Lifecycle incidents = Lifecycles.itilIncident();
        out.print(LifecycleDiagrams.mermaid(incidents));
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Ticket working = Ticket.builder(TenantId.of("acme"), TicketId.of("t-7"), TicketNumber.parse("INC0001044"))
                .title("Laptop will not boot").state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                .requester(Party.person("dave")).createdAt(now.minusSeconds(3600)).build();
        TransitionDecision refused = incidents.evaluate(working, "resolve", Party.person("erin"), now,
                TransitionAuthorizer.permitAll());
        out.println("resolve without a resolution code: " + refused);
        Ticket withResolution = working.toBuilder()
                .field("resolutionCode", Optional.of(FieldValue.of("HARDWARE_REPLACED")))
                .field("resolutionNotes", Optional.of(FieldValue.of("Swapped the SSD.")))
                .build();
        out.println("resolve with one: " + incidents.evaluate(withResolution, "resolve", Party.person("erin"), now,
                TransitionAuthorizer.permitAll()));
    }

    /*
     * The SLA engine on the same incident: an office calendar, a policy with a resolution target,
     * and the incident's changes on a Monday in Berlin. Each change gives the clocks to save, the
     * next threshold to schedule, and the thresholds crossed.
     */
    private static void slaClocks(PrintStream out) {
        out.println("\n== SLA clocks in business time");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar.Builder hours = BusinessCalendar.builder().zone(berlin).yearlyHoliday(MonthDay.of(12, 25));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.hours(day, "09:00-12:00", "13:00-17:00");
        }
        BusinessCalendar office = hours.build();
        SlaPolicy gold = SlaPolicy.of("gold", 1, List.of(SlaTarget.builder("resolution")
                .calendar("office")
                .goals(Goals.of(Map.of(Priority.of(1), Duration.ofHours(4), Priority.of(2), Duration.ofHours(8)))
                        .otherwise(Duration.ofHours(24)))
                .start(Condition.category(StateCategory.NEW, StateCategory.OPEN))
                .pause(Condition.category(StateCategory.PENDING))
                .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
                .warnAt(50, 75)
                .build()));
        SlaEngine engine = SlaEngine.of(BusinessCalendars.of(Map.of("office", office)), List.of(gold));
        out.println("calendar: weekdays 09:00-12:00 and 13:00-17:00 in Europe/Berlin; goal P1 4h, P2 8h, else 24h");

        TenantId acme = TenantId.of("acme");
        Instant opened = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(berlin).toInstant();
        Ticket incident = Ticket.builder(acme, TicketId.of("t-9"), TicketNumber.parse("INC0001050"))
                .title("VPN drops every ten minutes").state(TicketState.of("NEW", StateCategory.NEW))
                .priority(Impact.of(2), Urgency.of(2), Priority.of(2)).requester(Party.person("carol"))
                .createdAt(opened).build();
        List<SlaClockSnapshot> clocks = List.of();
        Ticket before = null;
        Object[][] steps = {
            {opened, incident},
            {opened.plus(Duration.ofHours(1)), incident.toBuilder().state(TicketState.of("ON_HOLD", StateCategory.PENDING))
                    .field("holdReason", Optional.of(FieldValue.of("AWAITING_CALLER"))).version(2).build()},
            {opened.plus(Duration.ofHours(5)), incident.toBuilder().state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                    .version(3).build()},
            {opened.plus(Duration.ofHours(6)), incident.toBuilder().state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                    .priority(Impact.of(1), Urgency.of(1), Priority.of(1)).version(4).build()},
        };
        DateTimeFormatter local = DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.ROOT).withZone(berlin);
        for (Object[] step : steps) {
            Instant at = (Instant) step[0];
            Ticket after = ((Ticket) step[1]).toBuilder().updatedAt(at).build();
            SlaUpdate update = engine.onChange(before, after, at, clocks);
            clocks = update.clocks();
            SlaClockSnapshot clock = clocks.get(0);
            out.printf("%s  %-24s -> %-8s elapsed %-6s due %s%s%n", local.format(at), after.state() + " " + after.priority(),
                    clock.status(), clock.elapsed(), clock.deadline().map(local::format).orElse("-"),
                    update.crossed().isEmpty() ? "" : "  crossed " + update.crossed());
            before = after;
        }
        Instant evening = opened.plus(Duration.ofHours(9));
        SlaUpdate fired = engine.onTime(before, evening, clocks);
        out.printf("%s  (no change; time passes)    -> %-8s elapsed %-6s breached at %s%n", local.format(evening),
                fired.clocks().get(0).status(), fired.clocks().get(0).elapsed(),
                fired.clocks().get(0).breachedAt().map(local::format).orElse("-"));
        fired.crossed().forEach(c -> out.println("  threshold crossed: " + c.target() + " " + c.percent() + "% at "
                + local.format(c.thresholdAt())));

        out.println("\n== The SLA report of the day");
        SlaReport report = SlaReporter.builder(BusinessCalendars.of(Map.of("office", office)))
                .period(opened.minus(Duration.ofHours(1)), evening.plus(Duration.ofHours(1)))
                .at(evening)
                .groupBy(SlaReport.Dimension.TARGET, SlaReport.Dimension.PRIORITY)
                .resolutionTarget("resolution")
                .build()
                .add(before, fired.clocks())
                .report();
        out.println(report.render());
    }
}
