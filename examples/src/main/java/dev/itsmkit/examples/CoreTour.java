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
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A tour of the domain core: tickets of two kinds, fields read and changed by name, a link, and
 * what happens to invalid input. Run it with {@code ./mvnw -q -pl examples -am compile exec:java}.
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
}
