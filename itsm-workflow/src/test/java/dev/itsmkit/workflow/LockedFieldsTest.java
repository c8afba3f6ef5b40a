package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.BOB;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.picture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.UpdateFields;
import dev.itsmkit.core.event.FieldsChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The change rules that the fields of a command cannot get around: each bypass the audit found is
 * refused with the rule {@code locked-field} and nothing written, and the legitimate path still works.
 */
class LockedFieldsTest {
    private static final OptionalLong ANY = OptionalLong.empty();
    private static final Party IMPLEMENTER = Party.person("implementer");
    private static final Instant WINDOW = T0.plus(Duration.ofHours(2));

    private final MutableClock clock = new MutableClock(T0);
    /** Alice and Bob run every command; only Bob takes the go/no-go decision. */
    private final ServiceDesk desk = ServiceDesk.builder().clock(clock)
            .authorizer(DeskFixtures.commandsPermitted(Map.of(BOB, Set.of(Lifecycles.CHANGE_GO_NO_GO)))).build();

    private CommandResult run(Party actor, Ticket ticket, String transition, Map<String, FieldValue> fields) {
        return desk.execute(new TransitionTicket(ACME, actor, ticket.id(), ANY, transition, fields, Optional.empty()));
    }

    private CommandResult update(Ticket ticket, String field, FieldValue value) {
        return desk.execute(new UpdateFields(ACME, ALICE, ticket.id(), ANY, Map.of(field, Optional.of(value))));
    }

    private static Map<String, FieldValue> plan() {
        return Map.of("implementationPlan", new FieldValue.Text("Swap the switch"), "backoutPlan", new FieldValue.Text("Swap back"),
                "plannedStart", new FieldValue.Timestamp(WINDOW), "plannedEnd", new FieldValue.Timestamp(WINDOW.plus(Duration.ofHours(1))),
                "acceptanceCriteria", new FieldValue.Multi(List.of(new FieldValue.Text("Ping works"))));
    }

    private Ticket change(String type) {
        return desk.open(OpenTicket.builder(ACME, ALICE, TicketKind.CHANGE, "Swap the core switch")
                .field("changeType", new FieldValue.Text(type)).build()).ticket();
    }

    private Ticket assessed(String type) {
        return run(ALICE, change(type), "assess", Map.of()).ticket();
    }

    /** A normal change authorized by its approver, in SCHEDULED. */
    private Ticket scheduled() {
        Ticket t = run(ALICE, assessed("NORMAL"), "requestAuthorization", plan()).ticket();
        desk.execute(new RequestApprovals(ACME, ALICE, t.id(), ANY, 1, List.of(BOB)));
        desk.execute(new DecideApproval(ACME, BOB, t.id(), ANY, BOB, Verdict.APPROVED, "Fine"));
        return run(ALICE, t, "authorize", Map.of()).ticket();
    }

    private void assertLocked(TicketCommand command, String field, String state, String instead) {
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(command)).isInstanceOfSatisfying(CommandRefusedException.class, e -> {
            assertThat(e.rule()).isEqualTo(CommandRefusedException.LOCKED_FIELD);
            assertThat(e.getMessage()).contains("the field " + field + " is locked while the ticket is in " + state)
                    .contains(instead);
        });
        assertThat(picture(desk, ACME)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aResolvedIncidentKeepsTheResolutionItWasResolvedWithUntilItIsReopened() {
        Ticket incident = desk.open(DeskFixtures.open(TicketKind.INCIDENT, "Mail is down")).ticket();
        Ticket resolved = run(ALICE, incident, "resolve", DeskFixtures.resolution()).ticket();
        for (String field : List.of("resolutionCode", "resolutionNotes")) {
            assertLocked(new UpdateFields(ACME, ALICE, resolved.id(), ANY, Map.of(field, Optional.empty())), field, "RESOLVED",
                    "IN_PROGRESS");
        }
        Ticket reopened = run(ALICE, resolved, "reopen", Map.of()).ticket();
        assertThat(update(reopened, "resolutionNotes", new FieldValue.Text("It came back")).ticket().field("resolutionNotes"))
                .contains(new FieldValue.Text("It came back"));
    }

    @Test
    void aNormalChangeCannotBecomeStandardInTheCallThatSchedulesIt() {
        Ticket normal = assessed("NORMAL");
        Map<String, FieldValue> asStandard = new java.util.HashMap<>(plan());
        asStandard.put("changeType", new FieldValue.Text("STANDARD"));
        assertLocked(new TransitionTicket(ACME, ALICE, normal.id(), ANY, "scheduleStandard", asStandard, Optional.empty()),
                "changeType", "ASSESS", "it can be changed by hand only in [NEW]");
        assertLocked(new UpdateFields(ACME, ALICE, normal.id(), ANY, Map.of("changeType",
                Optional.of(new FieldValue.Text("STANDARD")))), "changeType", "ASSESS", "[NEW]");
    }

    @Test
    void theChangeTypeIsChosenInNewAndAStandardChangeStillSkipsTheBoard() {
        Ticket fresh = change("NORMAL");
        assertThat(update(fresh, "changeType", new FieldValue.Text("STANDARD")).ticket().field("changeType"))
                .contains(new FieldValue.Text("STANDARD"));
        Ticket standard = run(ALICE, desk.get(ACME, fresh.id()), "assess", Map.of()).ticket();
        Ticket scheduled = run(ALICE, standard, "scheduleStandard", plan()).ticket();
        assertThat(scheduled.state().name()).isEqualTo("SCHEDULED");
        assertThat(update(scheduled, "changeType", new FieldValue.Text("STANDARD")).events())
                .as("the value it has is no change").isEmpty();
    }

    @Test
    void theWindowAndTheCriteriaTheBoardApprovedCannotMoveAfterwards() {
        Ticket t = run(ALICE, assessed("NORMAL"), "requestAuthorization", plan()).ticket();
        FieldValue later = new FieldValue.Timestamp(WINDOW.plus(Duration.ofDays(1)));
        assertLocked(new UpdateFields(ACME, ALICE, t.id(), ANY, Map.of("plannedStart", Optional.of(later))), "plannedStart",
                "AUTHORIZE", "it can be changed by hand only in [NEW, ASSESS]");
        Ticket scheduled = scheduled();
        for (String field : List.of("plannedStart", "plannedEnd", "acceptanceCriteria", "implementationPlan", "backoutPlan")) {
            assertLocked(new UpdateFields(ACME, ALICE, scheduled.id(), ANY, Map.of(field, Optional.empty())), field, "SCHEDULED",
                    "[NEW, ASSESS]");
        }
        assertLocked(new TransitionTicket(ACME, ALICE, scheduled.id(), ANY, "cancel", Map.of("plannedEnd", later),
                Optional.empty()), "plannedEnd", "SCHEDULED", "[NEW, ASSESS]");
    }

    @Test
    void theImplementerCannotWriteTheGoDecisionInTheImplementCall() {
        Ticket scheduled = scheduled();
        clock.set(WINDOW.plusSeconds(60));
        assertLocked(new TransitionTicket(ACME, IMPLEMENTER, scheduled.id(), ANY, "implement",
                Map.of(Lifecycles.GO_NO_GO, new FieldValue.Text("GO")), Optional.empty()), Lifecycles.GO_NO_GO, "SCHEDULED",
                "no state of the lifecycle lets it be changed by hand; the transitions [go, noGo] set it");
        assertLocked(new UpdateFields(ACME, ALICE, scheduled.id(), ANY, Map.of(Lifecycles.GO_NO_GO,
                Optional.of(new FieldValue.Text("GO")))), Lifecycles.GO_NO_GO, "SCHEDULED", "[go, noGo]");
        assertThatThrownBy(() -> run(IMPLEMENTER, scheduled, "implement", Map.of()))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.rule()).contains("goNoGo"));
    }

    @Test
    void theGoDecisionIsTakenByTheGoNoGoAuthorityAndRecordedWithActorInstantAndVerdict() {
        Ticket scheduled = scheduled();
        clock.set(WINDOW.minus(Duration.ofMinutes(10)));
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> run(ALICE, scheduled, "go", Map.of()))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.rule())
                        .contains(Lifecycles.CHANGE_GO_NO_GO));
        assertThat(picture(desk, ACME)).isEqualTo(before);

        CommandResult noGo = run(BOB, scheduled, "noGo", Map.of());
        assertThat(noGo.ticket().field(Lifecycles.GO_NO_GO)).contains(new FieldValue.Text("NO_GO"));
        CommandResult go = run(BOB, noGo.ticket(), "go", Map.of());
        assertThat(go.events()).singleElement().isInstanceOfSatisfying(FieldsChanged.class, e -> {
            assertThat(e.actor()).isEqualTo(BOB);
            assertThat(e.at()).isEqualTo(WINDOW.minus(Duration.ofMinutes(10)));
            assertThat(e.changes()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo(Lifecycles.GO_NO_GO);
                assertThat(c.before()).contains(new FieldValue.Text("NO_GO"));
                assertThat(c.after()).contains(new FieldValue.Text("GO"));
            });
        });
        assertThat(go.ticket().state().name()).isEqualTo("SCHEDULED");

        clock.set(WINDOW.plusSeconds(60));
        Ticket implementing = run(IMPLEMENTER, go.ticket(), "implement", Map.of()).ticket();
        assertThat(implementing.state().name()).isEqualTo("IMPLEMENT");
    }

    @Test
    void aProblemIsAKnownErrorOnlyThroughTheTransitionThatRequiresTheWorkaround() {
        Ticket problem = desk.open(OpenTicket.builder(ACME, ALICE, TicketKind.PROBLEM, "Spooler leaks").build()).ticket();
        Ticket assessing = run(ALICE, problem, "assess", Map.of()).ticket();
        assertLocked(new UpdateFields(ACME, ALICE, assessing.id(), ANY, Map.of("knownError",
                Optional.of(new FieldValue.Bool(true)))), "knownError", "ASSESSMENT",
                "no state of the lifecycle lets it be changed by hand; the transitions [recordKnownError] set it");
        assertLocked(OpenTicket.builder(ACME, ALICE, TicketKind.PROBLEM, "Another leak").field("knownError",
                new FieldValue.Bool(true)).build(), "knownError", "NEW", "[recordKnownError]");
        assertLocked(new TransitionTicket(ACME, ALICE, assessing.id(), ANY, "analyse", Map.of("knownError",
                new FieldValue.Bool(true)), Optional.empty()), "knownError", "ASSESSMENT", "[recordKnownError]");

        Ticket known = run(ALICE, assessing, "recordKnownError", Map.of("workaround", new FieldValue.Text("Restart it"))).ticket();
        assertThat(known.field("knownError")).contains(new FieldValue.Bool(true));
        assertLocked(new UpdateFields(ACME, ALICE, known.id(), ANY, Map.of("knownError", Optional.empty())), "knownError",
                "KNOWN_ERROR", "[recordKnownError]");
    }

    @Test
    void anyLifecycleCanLockItsOwnFieldsByState() {
        Lifecycle reviewed = Lifecycle.builder("reviewed", TicketKind.INCIDENT)
                .customFields("verdict")
                .initialState("DRAFT", StateCategory.NEW)
                .state("REVIEW", StateCategory.PENDING)
                .state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("submit").from("DRAFT").to("REVIEW"))
                .transition(Transition.builder("accept").from("REVIEW").to("DONE")
                        .action(Action.setField("verdict", new FieldValue.Text("accepted"))))
                .lockFields("REVIEW", "title", "verdict")
                .build();
        assertThat(reviewed.state("REVIEW").orElseThrow().lockedFields()).containsExactly("title", "verdict");
        assertThat(reviewed.toBuilder().build()).isEqualTo(reviewed);
        ServiceDesk custom = ServiceDesk.builder().clock(clock).lifecycles(LifecycleCatalog.itil().registerDefault(reviewed)).build();
        Ticket draft = custom.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "First title").build()).ticket();
        custom.execute(new UpdateFields(ACME, ALICE, draft.id(), ANY, Map.of("title", Optional.of(new FieldValue.Text("Better")))));
        Ticket review = custom.execute(new TransitionTicket(ACME, ALICE, draft.id(), ANY, "submit", Map.of(), Optional.empty()))
                .ticket();
        assertThatThrownBy(() -> custom.execute(new UpdateFields(ACME, ALICE, review.id(), ANY,
                Map.of("title", Optional.of(new FieldValue.Text("Sneaky")))))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.LOCKED_FIELD));
        Ticket done = custom.execute(new TransitionTicket(ACME, ALICE, review.id(), ANY, "accept", Map.of(), Optional.empty()))
                .ticket();
        assertThat(done.customFields().get("verdict")).as("actions set locked fields").contains(new FieldValue.Text("accepted"));
    }

    @Test
    void lockingAFieldTheKindLacksOrInAStateTheLifecycleLacksIsRefusedWhenBuilt() {
        Lifecycle.Builder builder = Lifecycle.builder("bad", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW)
                .state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("NEW").to("DONE"))
                .lockFields("NEW", "changeType", "nonsense")
                .lockFields("LIMBO", "title");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(v -> v.path() + " " + v.invalidValue())
                .containsExactlyInAnyOrder("states[0].lockedFields[0] changeType", "states[0].lockedFields[1] nonsense",
                        "lockedFields.LIMBO LIMBO"));
    }
}
