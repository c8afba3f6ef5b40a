package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.BOB;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.picture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.ItsmException;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.ValidationException;
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
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.sla.BusinessCalendars;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences through the whole engine: whatever the order, no ticket reaches a
 * state its lifecycle does not define, no transition passes a guard that fails, every refusal
 * leaves the stores as they were, and replaying each ticket's trail rebuilds its stored snapshot.
 */
class ServiceDeskPropertiesTest {
    private static final TicketKind[] KINDS = {TicketKind.INCIDENT, TicketKind.PROBLEM, TicketKind.SERVICE_REQUEST, TicketKind.CHANGE};
    /** A requester: may open tickets and comment, nothing else. */
    private static final Party CAROL = Party.person("carol");
    private static final Party[] ACTORS = {ALICE, BOB, CAROL};
    /** Alice and Bob run every command; Bob holds the guards' permissions besides; Carol only opens and comments. */
    private static final TransitionAuthorizer AUTHORIZER = (actor, permission, ticket) -> actor.equals(CAROL)
            ? permission.equals(CommandPermissions.OPEN) || permission.equals(CommandPermissions.JOURNAL)
            : CommandPermissions.ALL.contains(permission) || actor.equals(BOB) && Set.of(Lifecycles.CANCEL_INCIDENT,
                    Lifecycles.EMERGENCY_CHANGE_AUTHORITY, Lifecycles.CHANGE_GO_NO_GO).contains(permission);
    private static final String[] FIELDS = {"resolutionCode", "resolutionNotes", "holdReason", "workaround", "rootCause",
        "major", "changeType", "implementationPlan", "backoutPlan", "category"};
    private static final FieldValue[] VALUES = {new FieldValue.Text("AWAITING_CALLER"), new FieldValue.Text("NORMAL"),
        new FieldValue.Text("STANDARD"), new FieldValue.Text("a note"), new FieldValue.Bool(true)};

    private static final java.time.Instant WINDOW_START = T0.plus(Duration.ofHours(1));
    private static final Map<TicketKind, List<Map.Entry<String, FieldValue>>> FITTING = Map.of(
            TicketKind.INCIDENT, List.of(Map.entry("resolutionCode", new FieldValue.Text("fixed")),
                    Map.entry("resolutionNotes", new FieldValue.Text("done")),
                    Map.entry("holdReason", new FieldValue.Text("AWAITING_VENDOR")), Map.entry("major", new FieldValue.Bool(true))),
            TicketKind.PROBLEM, List.of(Map.entry("workaround", new FieldValue.Text("restart")),
                    Map.entry("rootCause", new FieldValue.Text("a leak"))),
            TicketKind.SERVICE_REQUEST, List.of(Map.entry("category", new FieldValue.Text("hardware"))),
            TicketKind.CHANGE, List.of(Map.entry("changeType", new FieldValue.Text("NORMAL")),
                    Map.entry("changeType", new FieldValue.Text("EMERGENCY")), Map.entry("changeType", new FieldValue.Text("STANDARD")),
                    Map.entry("implementationPlan", new FieldValue.Text("plan")), Map.entry("backoutPlan", new FieldValue.Text("undo")),
                    Map.entry("plannedStart", new FieldValue.Timestamp(WINDOW_START)),
                    Map.entry("plannedEnd", new FieldValue.Timestamp(WINDOW_START.plus(Duration.ofDays(30)))),
                    Map.entry("acceptanceCriteria", new FieldValue.Text("works")),
                    Map.entry(Lifecycles.GO_NO_GO, new FieldValue.Text("GO")), Map.entry(Lifecycles.REVIEW_OUTCOME, new FieldValue.Text("ok"))));

    @Test
    void randomCommandSequencesKeepEveryInvariant() {
        qt().withExamples(60).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 40))
                .checkAssert(this::run);
    }

    private void run(List<Integer> ops) {
        MutableClock clock = new MutableClock(T0);
        ServiceDesk desk = ServiceDesk.builder().clock(clock)
                .authorizer(AUTHORIZER)
                .sla(BusinessCalendars.onlyAlways(), List.of(SlaTimerTest.GOLD))
                .build();
        List<Ticket> tickets = new ArrayList<>();
        for (TicketKind kind : KINDS) {
            tickets.add(desk.open(OpenTicket.builder(ACME, ALICE, kind, "Ticket " + kind).build()).ticket());
        }
        for (int op : ops) {
            clock.advance(Duration.ofMinutes(op % 97));
            Ticket ticket = desk.get(ACME, tickets.get((op >>> 4) % tickets.size()).id());
            Party actor = ACTORS[(op >>> 8) % ACTORS.length];
            TicketCommand command = command(op, ticket, actor, tickets, desk);
            List<Object> before = picture(desk, ACME);
            boolean permitted = AUTHORIZER.permits(command.actor(), CommandPermissions.of(command), ticket);
            Optional<Boolean> expectedAllowed = command instanceof TransitionTicket t ? expectedDecision(desk, ticket, t, clock)
                    : Optional.empty();
            try {
                CommandResult result = desk.execute(command);
                assertThat(permitted).as("%s may run %s", command.actor(), command).isTrue();
                expectedAllowed.ifPresent(allowed -> assertThat(allowed).as("the lifecycle allows %s", command).isTrue());
                if (command instanceof OpenTicket) {
                    tickets.add(result.ticket());
                }
                tickets.addAll(result.alsoChanged().stream().filter(t -> tickets.stream().noneMatch(k -> k.id().equals(t.id())))
                        .toList());
            } catch (ItsmException refused) {
                if (!permitted && !(refused instanceof ValidationException)) {
                    // a malformed command is refused first (validate, then authorize); anything else is the permission
                    assertThat(refused).as("%s lacks the permission of %s", command.actor(), command)
                            .isInstanceOfSatisfying(CommandRefusedException.class,
                                    e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION));
                }
                expectedAllowed.ifPresent(allowed -> assertThat(allowed).as("the lifecycle refuses %s", command).isFalse());
                assertThat(picture(desk, ACME)).as("nothing written after %s", refused.getMessage()).isEqualTo(before);
            }
            if ((op & 0x3000) == 0) {
                desk.fireDue();
            }
        }
        for (Ticket stored : desk.query(ACME, TicketQuery.all(), 10_000).items()) {
            assertThat(desk.lifecycle(ACME, stored.kind()).defines(stored.state())).as("%s is in a defined state", stored.number())
                    .isTrue();
            assertThat(TicketEvents.replay(desk.history(ACME, stored.id()))).isEqualTo(stored);
            assertThat(desk.verifyAuditTrail(ACME, stored.id()).intact()).isTrue();
        }
    }

    /**
     * What the desk must say of the transition: refused without the command's permission or when a
     * field the state locks would change; else what the lifecycle says on the ticket with the
     * command's fields set.
     */
    private static Optional<Boolean> expectedDecision(ServiceDesk desk, Ticket ticket, TransitionTicket command, MutableClock clock) {
        if (!AUTHORIZER.permits(command.actor(), CommandPermissions.TRANSITION, ticket)) {
            return Optional.of(false);
        }
        Set<String> locked = desk.lifecycle(ACME, ticket.kind()).lockedFields(ticket.state());
        for (Map.Entry<String, FieldValue> field : command.fields().entrySet()) {
            if (locked.contains(field.getKey()) && !ticket.field(field.getKey()).equals(Optional.of(field.getValue()))) {
                return Optional.of(false);
            }
        }
        Ticket.Builder withFields = ticket.toBuilder();
        try {
            command.fields().forEach((name, value) -> withFields.field(name, Optional.of(value)));
            Ticket probe = withFields.build();
            return Optional.of(desk.lifecycle(ACME, ticket.kind()).evaluate(probe, command.transition(), command.actor(),
                    clock.instant(), AUTHORIZER).isAllowed());
        } catch (ValidationException e) {
            return Optional.of(false);
        }
    }

    private static TicketCommand command(int op, Ticket ticket, Party actor, List<Ticket> tickets, ServiceDesk desk) {
        int pick = op >>> 12;
        OptionalLong none = OptionalLong.empty();
        switch (op % 9) {
            case 0, 1, 2 -> {
                Lifecycle lifecycle = desk.lifecycle(ACME, ticket.kind());
                List<Transition> offered = lifecycle.defines(ticket.state()) ? lifecycle.allowedFrom(ticket.state()) : List.of();
                List<Transition> all = pick % 4 == 0 || offered.isEmpty() ? lifecycle.transitions() : offered;
                String name = all.get((pick >>> 2) % all.size()).name();
                Map<String, FieldValue> fields = new LinkedHashMap<>();
                List<Map.Entry<String, FieldValue>> fitting = FITTING.get(ticket.kind());
                for (int i = 0; i < (pick >>> 4) % 4; i++) {
                    Map.Entry<String, FieldValue> field = fitting.get((pick >>> (6 + 3 * i)) % fitting.size());
                    fields.put(field.getKey(), field.getValue());
                }
                if (pick % 11 == 0) {
                    fields.put(FIELDS[(pick >>> 3) % FIELDS.length], VALUES[(pick >>> 5) % VALUES.length]);
                }
                return new TransitionTicket(ACME, actor, ticket.id(), none, name, fields, Optional.empty());
            }
            case 3 -> {
                return new AddJournalEntry(ACME, actor, ticket.id(), none, JournalEntryKind.WORK_NOTE, "note " + pick, List.of());
            }
            case 4 -> {
                return new Assign(ACME, actor, ticket.id(), none, Optional.of(ACTORS[pick % 2]), Optional.empty());
            }
            case 5 -> {
                return new UpdateFields(ACME, actor, ticket.id(), none, Map.of(FIELDS[pick % FIELDS.length],
                        pick % 7 == 0 ? Optional.empty() : Optional.of(VALUES[(pick >>> 3) % VALUES.length])));
            }
            case 6 -> {
                return new ChangeImpactUrgency(ACME, actor, ticket.id(), none, Impact.of(1 + pick % 3), Urgency.of(1 + (pick >>> 2) % 3));
            }
            case 7 -> {
                Ticket other = tickets.get(pick % tickets.size());
                LinkType[] types = LinkType.values();
                return new AddLink(ACME, actor, ticket.id(), none, new Link(types[(pick >>> 5) % types.length], other.ref()));
            }
            default -> {
                if (pick % 3 == 0) {
                    return OpenTicket.builder(ACME, actor, KINDS[pick % KINDS.length], "Opened " + pick).build();
                }
                if (pick % 3 == 1) {
                    return new RequestApprovals(ACME, actor, ticket.id(), none, 1, List.of(ACTORS[(pick >>> 2) % 2]));
                }
                return new DecideApproval(ACME, actor, ticket.id(), none, actor, (pick & 8) == 0 ? Verdict.APPROVED : Verdict.REJECTED, "");
            }
        }
    }
}
