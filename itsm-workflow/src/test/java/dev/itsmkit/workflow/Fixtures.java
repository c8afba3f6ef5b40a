package dev.itsmkit.workflow;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tickets and a tiny applier of allowed decisions, standing in for the engine in lifecycle tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Party AGENT = Party.person("agent");
    static final Party MANAGER = Party.person("manager");

    private Fixtures() {}

    static Ticket newTicket(Lifecycle lifecycle) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(lifecycle.kind(), 1))
                .title("Something to do").state(lifecycle.initialState()).requester(Party.person("alice")).createdAt(T0)
                .build();
    }

    static Ticket with(Ticket ticket, String field, FieldValue value) {
        return ticket.toBuilder().field(field, Optional.of(value)).build();
    }

    static Ticket without(Ticket ticket, String field) {
        return ticket.toBuilder().field(field, Optional.empty()).build();
    }

    static Ticket withText(Ticket ticket, String field, String value) {
        return with(ticket, field, new FieldValue.Text(value));
    }

    static Ticket withWindow(Ticket ticket, Instant start, Duration length) {
        return ticket.toBuilder().field("plannedStart", Optional.of(new FieldValue.Timestamp(start)))
                .field("plannedEnd", Optional.of(new FieldValue.Timestamp(start.plus(length)))).build();
    }

    static Ticket withApprovals(Ticket ticket, Verdict... verdicts) {
        List<Approval> approvals = new java.util.ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            Approval asked = Approval.pending(1, Party.person("approver" + i), T0);
            approvals.add(verdicts[i] == null ? asked
                    : asked.decide(new ApprovalDecision(verdicts[i], Party.person("approver" + i), T0.plusSeconds(60L * (i + 1)), "")));
        }
        return ticket.toBuilder().approvals(approvals).build();
    }

    /** Applies an allowed decision as the engine would: the new state and the field actions. */
    static Ticket apply(Ticket ticket, TransitionDecision.Allowed allowed) {
        Ticket.Builder b = ticket.toBuilder().state(allowed.to()).version(ticket.version() + 1);
        for (Action action : allowed.actions()) {
            if (action instanceof Action.SetField set) {
                b.field(set.field(), set.value());
            }
        }
        return b.build();
    }

    static TransitionDecision evaluate(Lifecycle lifecycle, Ticket ticket, String transition) {
        return lifecycle.evaluate(ticket, transition, AGENT, T0, TransitionAuthorizer.permitAll());
    }

    /** Takes a transition that must be allowed, and applies it. */
    static Ticket take(Lifecycle lifecycle, Ticket ticket, String transition) {
        return apply(ticket, evaluate(lifecycle, ticket, transition).orElseThrow(ticket));
    }
}
