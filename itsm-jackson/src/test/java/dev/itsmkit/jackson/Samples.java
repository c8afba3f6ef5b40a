package dev.itsmkit.jackson;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.ChangeDetails;
import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.PriorityDecision;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixed sample values whose JSON form is pinned by the golden files. */
final class Samples {
    private Samples() {}

    static final TenantId ACME = TenantId.of("acme");
    static final Instant OPENED = Instant.parse("2024-03-01T09:15:00Z");

    /** Writes as the golden files are written: two-space indent, LF line ends. */
    static ObjectWriter prettyWriter() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        return ItsmJson.mapper().writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
    }

    /** A major incident, in progress, with every kind of content. */
    static Ticket incident() {
        return Ticket.builder(ACME, TicketId.of("7f9c2b1e-5d4a-4e8b-9c3f-1a2b3c4d5e6f"),
                        new TicketNumber(TicketKind.INCIDENT, 1042))
                .title("E-mail is down for the whole \"Sales\" floor")
                .description("Since 09:00 nobody on floor 3 can send mail.\nOutlook shows: \"Server unavailable\".")
                .state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                .priority(Impact.of(2), Urgency.of(1), PriorityDecision.derived(Priority.of(2))
                        .overriddenTo(Priority.of(1), "board meeting at 11:00"))
                .category(Optional.of("email"))
                .requester(Party.person("alice"))
                .assignee(Optional.of(Party.person("bob")))
                .assignmentGroup(Optional.of(Party.group("service-desk")))
                .service(Optional.of(ServiceId.of("email")))
                .configurationItems(List.of(ConfigurationItemId.of("mx-01"), ConfigurationItemId.of("exchange-db")))
                .customFields(CustomFields.of(Map.of(
                        "costCentre", FieldValue.of("CC-3100"),
                        "affectedUsers", FieldValue.of(42),
                        "estimatedLoss", FieldValue.of(new BigDecimal("12500.50")),
                        "vipAffected", FieldValue.of(true),
                        "firstReport", FieldValue.of(Instant.parse("2024-03-01T09:02:31.250Z")),
                        "slaDay", FieldValue.of(LocalDate.of(2024, 3, 1)),
                        "channels", new FieldValue.Multi(List.of(FieldValue.of("phone"), FieldValue.of("chat"))))))
                .details(IncidentDetails.EMPTY.withMajor(true).withHoldReason(Optional.of(HoldReason.AWAITING_VENDOR)))
                .links(List.of(
                        new Link(LinkType.INCIDENT_OF_PROBLEM, new TicketRef(ACME, TicketId.of("prb-17"),
                                new TicketNumber(TicketKind.PROBLEM, 17))),
                        new Link(LinkType.PARENT_OF, new TicketRef(ACME, TicketId.of("inc-1043"),
                                new TicketNumber(TicketKind.INCIDENT, 1043)))))
                .journal(List.of(
                        new JournalEntry(JournalEntryKind.PUBLIC_COMMENT, Party.person("bob"),
                                Instant.parse("2024-03-01T09:20:00Z"), "We are on it.", List.of()),
                        new JournalEntry(JournalEntryKind.WORK_NOTE, Party.person("bob"),
                                Instant.parse("2024-03-01T09:41:07.5Z"), "Queue on mx-01 is full; vendor called.",
                                List.of(new Attachment("queue.png", "image/png", 48213,
                                        URI.create("https://files.example/acme/queue.png"))))))
                .approvals(List.of(Approval.pending(1, Party.group("cab"), Instant.parse("2024-03-01T09:30:00Z"))
                        .decide(new ApprovalDecision(Verdict.APPROVED, Party.person("carol"),
                                Instant.parse("2024-03-01T09:35:00Z"), "Go ahead."))))
                .createdAt(OPENED)
                .updatedAt(Instant.parse("2024-03-01T09:41:07.5Z"))
                .version(7)
                .build();
    }

    /** A planned, normal change, not yet started. */
    static Ticket change() {
        return Ticket.builder(ACME, TicketId.of("chg-88"), new TicketNumber(TicketKind.CHANGE, 88))
                .title("Add disk space to mx-01")
                .state(TicketState.of("SCHEDULED", StateCategory.NEW))
                .priority(Impact.of(3), Urgency.of(3), Priority.of(5))
                .requester(Party.person("bob"))
                .details(ChangeDetails.EMPTY.withType(ChangeType.NORMAL).withRisk(ChangeRisk.MODERATE)
                        .withPlannedWindow(Optional.of(new TimeWindow(Instant.parse("2024-03-02T22:00:00Z"),
                                Instant.parse("2024-03-02T23:30:00Z"))))
                        .withImplementationPlan(Optional.of("1. Snapshot\n2. Extend volume\n3. Check queue"))
                        .withBackoutPlan(Optional.of("Restore the snapshot."))
                        .withAcceptanceCriteria(List.of("Queue drains within 10 minutes")))
                .createdAt(OPENED)
                .build();
    }
}
