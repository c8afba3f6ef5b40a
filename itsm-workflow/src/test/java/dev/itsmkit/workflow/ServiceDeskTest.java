package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.BOB;
import static dev.itsmkit.workflow.DeskFixtures.SERVICE_DESK;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.picture;
import static dev.itsmkit.workflow.DeskFixtures.resolution;
import static dev.itsmkit.workflow.DeskFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldDefinition;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldType;
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
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.ClearPriorityOverride;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.OverridePriority;
import dev.itsmkit.core.command.RemoveLink;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.Unassign;
import dev.itsmkit.core.command.UpdateFields;
import dev.itsmkit.core.event.ApprovalDecided;
import dev.itsmkit.core.event.ApprovalRequested;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.Commented;
import dev.itsmkit.core.event.FieldsChanged;
import dev.itsmkit.core.event.Linked;
import dev.itsmkit.core.event.PriorityChanged;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.core.event.Unlinked;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.notification.RecordingNotifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceDeskTest {
    private final MutableClock clock = new MutableClock(T0);
    /** An in-memory desk whose outbox these tests read themselves. */
    private final ServiceDesk desk = ServiceDesk.builder().clock(clock).outboxReadElsewhere().build();

    private Ticket incident() {
        return desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
    }

    private Ticket move(Ticket ticket, String transition) {
        return desk.execute(transition(ticket.id(), transition)).ticket();
    }

    @Test
    void openingAnIncidentPutsItInTheFirstStateWithAPriorityFromTheMatrix() {
        CommandResult result = desk.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "Mail is down")
                .impact(Impact.of(1)).urgency(Urgency.of(1)).customField("site", new FieldValue.Text("Berlin")).build());
        Ticket ticket = result.ticket();
        assertThat(ticket.state().name()).isEqualTo("NEW");
        assertThat(ticket.priority()).isEqualTo(Priority.of(1));
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.number().toString()).isEqualTo("INC0000001");
        assertThat(ticket.createdAt()).isEqualTo(T0);
        assertThat(ticket.customFields().get("site")).contains(new FieldValue.Text("Berlin"));
        assertThat(result.events()).singleElement().isInstanceOf(TicketCreated.class);
        assertThat(desk.get(ACME, ticket.id())).isEqualTo(ticket);
        assertThat(desk.findByNumber(ACME, ticket.number())).contains(ticket);
    }

    @Test
    void aTransitionSetsItsFieldsBeforeTheGuardsAndNotifiesThroughTheOutbox() {
        Ticket ticket = move(incident(), "start");
        clock.advance(java.time.Duration.ofMinutes(5));
        CommandResult result = desk.execute(new TransitionTicket(ACME, BOB, ticket.id(), OptionalLong.of(2), "resolve", resolution(),
                Optional.of("Back up")));
        assertThat(result.ticket().state().name()).isEqualTo("RESOLVED");
        assertThat(result.ticket().version()).isEqualTo(3);
        assertThat(result.ticket().resolvedAt()).contains(clock.instant());
        assertThat(result.events()).hasExactlyElementsOfTypes(FieldsChanged.class, StateChanged.class, Commented.class);
        assertThat(result.events()).allSatisfy(e -> assertThat(e.actor()).isEqualTo(BOB));
        assertThat(desk.stores().forTenant(ACME).outbox().forTicket(ticket.id()))
                .singleElement().satisfies(entry -> assertThat(entry.event()).isInstanceOf(StateChanged.class));
    }

    @Test
    void resolvingAnIncidentWithoutAResolutionCodeIsRefusedAndNothingIsWritten() {
        Ticket ticket = move(incident(), "start");
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> move(ticket, "resolve"))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.GUARD_FAILED);
                    assertThat(e.rule()).contains("resolutionCode");
                    assertThat(e.ticket()).isEqualTo(ticket.number().toString());
                });
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void aTransitionTheStateDoesNotOfferIsRefusedWithTheAllowedOnes() {
        Ticket ticket = incident();
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> move(ticket, "close")).isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(RefusalReason.NO_SUCH_TRANSITION);
            assertThat(e.allowed()).contains("start", "resolve");
        });
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void aPermissionGuardAsksTheAuthorizer() {
        ServiceDesk strict = ServiceDesk.builder().clock(clock).authorizer(DeskFixtures.commandsPermitted(
                Map.of(BOB, Set.of(Lifecycles.CANCEL_INCIDENT)))).build();
        Ticket ticket = strict.open(open(TicketKind.INCIDENT, "Duplicate")).ticket();
        assertThatThrownBy(() -> strict.execute(transition(ticket.id(), "cancel")))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.rule()).contains(Lifecycles.CANCEL_INCIDENT));
        CommandResult cancelled = strict.execute(new TransitionTicket(ACME, BOB, ticket.id(), OptionalLong.empty(), "cancel", Map.of(),
                Optional.empty()));
        assertThat(cancelled.ticket().state().category()).isEqualTo(StateCategory.CANCELLED);
    }

    @Test
    void anInvalidCommandIsRefusedBeforeAnythingIsRead() {
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.open(open(TicketKind.INCIDENT, "  "))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.path()).contains("title"));
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void updatingFieldsRecordsOnlyWhatChanges() {
        Ticket ticket = incident();
        CommandResult result = desk.execute(new UpdateFields(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                Map.of("category", Optional.of(new FieldValue.Text("mail")), "description", Optional.of(new FieldValue.Text("")))));
        assertThat(result.events()).singleElement().isInstanceOfSatisfying(FieldsChanged.class,
                e -> assertThat(e.changes()).extracting(c -> c.field()).containsExactly("category"));
        assertThat(result.ticket().category()).contains("mail");
        CommandResult again = desk.execute(new UpdateFields(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                Map.of("category", Optional.of(new FieldValue.Text("mail")))));
        assertThat(again.changed()).isFalse();
        assertThat(again.ticket().version()).isEqualTo(2);
    }

    @Test
    void aFieldOfTheWrongTypeIsAValidationErrorAndNothingIsWritten() {
        Ticket ticket = incident();
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(new UpdateFields(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                Map.of("major", Optional.of(new FieldValue.Text("yes")))))).isInstanceOf(ValidationException.class);
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void assigningKeepsWhatTheCommandDoesNotName() {
        Ticket ticket = incident();
        desk.execute(new Assign(ACME, ALICE, ticket.id(), OptionalLong.empty(), Optional.empty(), Optional.of(SERVICE_DESK)));
        CommandResult result = desk.execute(new Assign(ACME, ALICE, ticket.id(), OptionalLong.empty(), Optional.of(BOB),
                Optional.empty()));
        assertThat(result.events()).singleElement().isInstanceOf(Assigned.class);
        assertThat(result.ticket().assignee()).contains(BOB);
        assertThat(result.ticket().assignmentGroup()).contains(SERVICE_DESK);
        assertThat(desk.execute(new Assign(ACME, ALICE, ticket.id(), OptionalLong.empty(), Optional.of(BOB), Optional.empty()))
                .changed()).isFalse();
    }

    @Test
    void unassigningClearsOnlyWhatTheCommandNamesAndAnUnassignedTicketIsLeftAsItIs() {
        Ticket ticket = incident();
        desk.execute(new Assign(ACME, ALICE, ticket.id(), OptionalLong.empty(), Optional.of(BOB), Optional.of(SERVICE_DESK)));
        CommandResult result = desk.execute(new Unassign(ACME, ALICE, ticket.id(), OptionalLong.empty(), true, false));
        assertThat(result.events()).singleElement().isInstanceOfSatisfying(Assigned.class, a -> {
            assertThat(a.assignee()).isEmpty();
            assertThat(a.previousAssignee()).contains(BOB);
        });
        assertThat(result.ticket().assignee()).isEmpty();
        assertThat(result.ticket().assignmentGroup()).contains(SERVICE_DESK);
        assertThat(desk.execute(new Unassign(ACME, ALICE, ticket.id(), OptionalLong.empty(), true, true)).ticket()
                .assignmentGroup()).isEmpty();
        assertThat(desk.execute(new Unassign(ACME, ALICE, ticket.id(), OptionalLong.empty(), true, true)).changed()).isFalse();
        assertThatThrownBy(() -> new Unassign(ACME, ALICE, ticket.id(), OptionalLong.empty(), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clears neither");
    }

    @Test
    void changingImpactAndUrgencyDerivesThePriorityAndAnOverrideNeedsPermission() {
        Ticket ticket = incident();
        CommandResult changed = desk.execute(new ChangeImpactUrgency(ACME, ALICE, ticket.id(), OptionalLong.empty(), Impact.of(1),
                Urgency.of(1)));
        assertThat(changed.events()).singleElement().isInstanceOf(PriorityChanged.class);
        assertThat(changed.ticket().priority()).isEqualTo(Priority.of(1));

        CommandResult overridden = desk.execute(new OverridePriority(ACME, ALICE, ticket.id(), OptionalLong.empty(), Priority.of(3),
                "the caller exaggerates"));
        assertThat(overridden.ticket().priority()).isEqualTo(Priority.of(3));
        assertThat(overridden.ticket().priorityOverrideReason()).contains("the caller exaggerates");
        CommandResult cleared = desk.execute(new ClearPriorityOverride(ACME, ALICE, ticket.id(), OptionalLong.empty()));
        assertThat(cleared.ticket().priority()).isEqualTo(Priority.of(1));
        assertThat(cleared.ticket().priorityOverrideReason()).isEmpty();

        ServiceDesk strict = ServiceDesk.builder().clock(clock)
                .authorizer(DeskFixtures.commandsPermitted(Map.of(), CommandPermissions.OVERRIDE_PRIORITY)).build();
        Ticket other = strict.open(open(TicketKind.INCIDENT, "Printer")).ticket();
        List<Object> before = picture(strict, ACME);
        assertThatThrownBy(() -> strict.execute(new OverridePriority(ACME, ALICE, other.id(), OptionalLong.empty(), Priority.of(1),
                "VIP"))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION))
                .hasMessageContaining(ServiceDesk.OVERRIDE_PRIORITY_PERMISSION);
        assertThatThrownBy(() -> strict.execute(new ClearPriorityOverride(ACME, ALICE, other.id(), OptionalLong.empty())))
                .isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION));
        assertThat(picture(strict, ACME)).isEqualTo(before);
    }

    @Test
    void aLevelOutsideTheTenantsMatrixIsAValidationError() {
        assertThatThrownBy(() -> desk.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "Odd").impact(Impact.of(5)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("impact level 5");
        assertThat(picture(desk, ACME)).isEmpty();
    }

    @Test
    void commentsAreRecordedWithTheirKind() {
        Ticket ticket = incident();
        CommandResult result = desk.execute(new AddJournalEntry(ACME, BOB, ticket.id(), OptionalLong.empty(), JournalEntryKind.WORK_NOTE,
                "Checked the logs", List.of()));
        assertThat(result.events()).singleElement().isInstanceOf(Commented.class);
        assertThat(result.ticket().journal()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(JournalEntryKind.WORK_NOTE);
            assertThat(entry.author()).isEqualTo(BOB);
        });
    }

    @Test
    void aLinkIsMirroredOnItsTargetAndRemovedFromBoth() {
        Ticket problem = desk.open(open(TicketKind.PROBLEM, "Mail server crashes")).ticket();
        Ticket ticket = incident();
        Link link = new Link(LinkType.INCIDENT_OF_PROBLEM, problem.ref());
        CommandResult linked = desk.execute(new AddLink(ACME, ALICE, ticket.id(), OptionalLong.empty(), link));
        assertThat(linked.events()).singleElement().isInstanceOf(Linked.class);
        assertThat(linked.alsoChanged()).singleElement().satisfies(p -> assertThat(p.links())
                .containsExactly(new Link(LinkType.PROBLEM_OF_INCIDENT, ticket.ref())));
        CommandResult unlinked = desk.execute(new RemoveLink(ACME, ALICE, ticket.id(), OptionalLong.empty(), link));
        assertThat(unlinked.events()).singleElement().isInstanceOf(Unlinked.class);
        assertThat(desk.get(ACME, problem.id()).links()).isEmpty();
    }

    @Test
    void aLinkToAMissingTicketIsRefusedAndNothingIsWritten() {
        Ticket ticket = incident();
        Ticket elsewhere = ServiceDesk.inMemory(clock).open(open(TicketKind.PROBLEM, "Elsewhere")).ticket();
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(new AddLink(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                new Link(LinkType.RELATED_TO, elsewhere.ref())))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.LINK_TARGET));
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void aCommandOnAMissingTicketIsRefused() {
        assertThatThrownBy(() -> desk.execute(transition(dev.itsmkit.core.TicketId.of("nope"), "start")))
                .isInstanceOf(TicketNotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void approvalsAreRequestedDecidedAndGateTheTransition() {
        Ticket request = desk.open(open(TicketKind.SERVICE_REQUEST, "New laptop")).ticket();
        move(request, "submitForApproval");
        Party carol = Party.person("carol");
        CommandResult asked = desk.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(BOB, carol)));
        assertThat(asked.events()).hasExactlyElementsOfTypes(ApprovalRequested.class, ApprovalRequested.class);
        assertThatThrownBy(() -> move(request, "approve")).isInstanceOf(TransitionRefusedException.class);
        clock.advance(java.time.Duration.ofMinutes(3));
        desk.execute(new DecideApproval(ACME, BOB, request.id(), OptionalLong.empty(), BOB, Verdict.APPROVED, "fine"));
        clock.advance(java.time.Duration.ofMinutes(4));
        CommandResult decided = desk.execute(new DecideApproval(ACME, carol, request.id(), OptionalLong.empty(), carol,
                Verdict.APPROVED, ""));
        assertThat(decided.events()).singleElement().isInstanceOfSatisfying(ApprovalDecided.class, e -> {
            assertThat(e.approvalIndex()).isEqualTo(1);
            assertThat(e.actor()).isEqualTo(carol);
            assertThat(e.at()).isEqualTo(T0.plusSeconds(7 * 60));
        });
        assertThat(decided.ticket().approvals()).extracting(a -> a.decision().orElseThrow()).containsExactly(
                new dev.itsmkit.core.ApprovalDecision(Verdict.APPROVED, BOB, T0.plusSeconds(3 * 60), "fine"),
                new dev.itsmkit.core.ApprovalDecision(Verdict.APPROVED, carol, T0.plusSeconds(7 * 60), ""));
        assertThat(move(request, "approve").state().name()).isEqualTo("APPROVED");
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(new DecideApproval(ACME, BOB, request.id(), OptionalLong.empty(), BOB,
                Verdict.REJECTED, ""))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.NO_PENDING_APPROVAL));
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void decidingForAnotherApproverNeedsThePermission() {
        ServiceDesk strict = ServiceDesk.builder().clock(clock).authorizer(DeskFixtures.commandsPermitted(Map.of())).build();
        Ticket request = strict.open(open(TicketKind.SERVICE_REQUEST, "New phone")).ticket();
        strict.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(BOB)));
        List<Object> before = picture(strict, ACME);
        assertThatThrownBy(() -> strict.execute(new DecideApproval(ACME, ALICE, request.id(), OptionalLong.empty(), BOB,
                Verdict.APPROVED, ""))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION));
        assertThat(picture(strict, ACME)).isEqualTo(before);
    }

    @Test
    void aMemberOfAnApprovingGroupDecidesForItWithoutThePermission() {
        Party cab = Party.group("cab");
        Party dave = Party.person("dave");
        ServiceDesk withGroups = ServiceDesk.builder().clock(clock).authorizer(DeskFixtures.commandsPermitted(Map.of()))
                .groups(GroupMembership.of(Map.of(cab, Set.of(BOB, dave)))).build();
        Ticket request = withGroups.open(open(TicketKind.SERVICE_REQUEST, "New server")).ticket();
        withGroups.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(cab)));

        List<Object> before = picture(withGroups, ACME);
        assertThatThrownBy(() -> withGroups.execute(new DecideApproval(ACME, ALICE, request.id(), OptionalLong.empty(), cab,
                Verdict.APPROVED, ""))).as("alice is not in the CAB").isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION));
        assertThat(picture(withGroups, ACME)).isEqualTo(before);

        CommandResult decided = withGroups.execute(new DecideApproval(ACME, dave, request.id(), OptionalLong.empty(), cab,
                Verdict.APPROVED, "CAB agrees"));
        assertThat(decided.events()).singleElement().isInstanceOfSatisfying(ApprovalDecided.class, e -> {
            assertThat(e.actor()).isEqualTo(dave);
            assertThat(e.decision().decidedBy()).isEqualTo(dave);
            assertThat(e.decision().at()).isEqualTo(clock.instant());
            assertThat(e.decision().comment()).isEqualTo("CAB agrees");
        });
        assertThat(decided.ticket().approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo(cab);
            assertThat(a.isPending()).isFalse();
        });
        assertThatThrownBy(() -> withGroups.execute(new DecideApproval(ACME, BOB, request.id(), OptionalLong.empty(), cab,
                Verdict.REJECTED, ""))).as("the group decided once").isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.NO_PENDING_APPROVAL));
    }

    @Test
    void membershipOfAGroupDoesNotLetAPersonDecideForAnotherPerson() {
        Party cab = Party.group("cab");
        ServiceDesk withGroups = ServiceDesk.builder().clock(clock).authorizer(DeskFixtures.commandsPermitted(Map.of()))
                .groups(GroupMembership.of(Map.of(cab, Set.of(ALICE)))).build();
        Ticket request = withGroups.open(open(TicketKind.SERVICE_REQUEST, "New desk")).ticket();
        withGroups.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(BOB)));
        assertThatThrownBy(() -> withGroups.execute(new DecideApproval(ACME, ALICE, request.id(), OptionalLong.empty(), BOB,
                Verdict.APPROVED, ""))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION));
    }

    @Test
    void aGroupDirectoryIsKeyedByGroupsOnly() {
        assertThatThrownBy(() -> GroupMembership.of(Map.of(BOB, Set.of(ALICE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("person:bob").hasMessageContaining("PERSON");
        assertThat(GroupMembership.none().isMember(ALICE, Party.group("cab"))).isFalse();
    }

    @Test
    void anAssignActionOfATransitionAssignsAPersonOrAGroupThroughTheEngine() {
        Party dispatch = Party.group("dispatch");
        Lifecycle routed = Lifecycle.builder("routed-incident", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW).state("TRIAGED", StateCategory.OPEN).state("WORKED", StateCategory.OPEN)
                .state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("triage").from("NEW").to("TRIAGED").action(Action.assign(dispatch)))
                .transition(Transition.builder("take").from("TRIAGED").to("WORKED").action(Action.assign(BOB)))
                .transition(Transition.builder("finish").from("WORKED").to("DONE")).build();
        desk.lifecycles().register(ACME, routed);
        Ticket ticket = incident();

        CommandResult triaged = desk.execute(transition(ticket.id(), "triage"));
        assertThat(triaged.ticket().assignmentGroup()).contains(dispatch);
        assertThat(triaged.ticket().assignee()).isEmpty();
        assertThat(triaged.events()).hasExactlyElementsOfTypes(StateChanged.class, Assigned.class);

        Ticket taken = move(triaged.ticket(), "take");
        assertThat(taken.assignee()).contains(BOB);
        assertThat(taken.assignmentGroup()).as("assigning a person keeps the group").contains(dispatch);
        assertThat(desk.stores().forTenant(ACME).auditTrail().forTicket(ticket.id())).extracting(r -> r.event()).filteredOn(Assigned.class::isInstance)
                .hasSize(2);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndNothingIsWritten() {
        Ticket ticket = move(incident(), "start");
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(new Assign(ACME, ALICE, ticket.id(), OptionalLong.of(1), Optional.of(BOB),
                Optional.empty()))).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.expected()).isEqualTo(1);
                    assertThat(e.actual()).isEqualTo(2);
                });
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void aClosedTicketTakesCommentsButNoOtherChange() {
        Ticket ticket = desk.execute(transition(incident().id(), "resolve", resolution())).ticket();
        Ticket closed = move(ticket, "close");
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(new Assign(ACME, ALICE, closed.id(), OptionalLong.empty(), Optional.of(BOB),
                Optional.empty()))).isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.FINAL_STATE));
        assertThat(picture(desk, ACME)).isEqualTo(before);
        assertThat(desk.execute(new AddJournalEntry(ACME, ALICE, closed.id(), OptionalLong.empty(), JournalEntryKind.PUBLIC_COMMENT,
                "Thanks!", List.of())).changed()).isTrue();
    }

    @Test
    void resolvingAMajorIncidentOffersItsOpenChildrenAndCanResolveThemInTheSameCall() {
        Ticket major = desk.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "Data centre outage")
                .field("major", new FieldValue.Bool(true)).build()).ticket();
        Ticket first = incident();
        Ticket second = incident();
        for (Ticket child : List.of(first, second)) {
            desk.execute(new AddLink(ACME, ALICE, child.id(), OptionalLong.empty(), new Link(LinkType.CHILD_OF, major.ref())));
        }
        move(second, "start");

        ServiceDesk other = ServiceDesk.builder().clock(clock).stores(desk.stores()).build();
        CommandResult offered = other.execute(transition(major.id(), "resolve", resolution()));
        assertThat(offered.openChildren()).extracting(Ticket::id).containsExactlyInAnyOrder(first.id(), second.id());

        desk.execute(transition(major.id(), "reopen"));
        CommandResult cascaded = desk.transitionWithChildren(transition(major.id(), "resolve", resolution()));
        assertThat(cascaded.openChildren()).isEmpty();
        assertThat(cascaded.alsoChanged()).extracting(t -> t.state().name()).containsExactly("RESOLVED", "RESOLVED");
        assertThat(desk.get(ACME, first.id()).state().name()).isEqualTo("RESOLVED");
        assertThat(desk.get(ACME, second.id()).incident().resolutionCode()).contains("fixed");
    }

    @Test
    void aChildThatRefusesTheTransitionRefusesTheWholeCascade() {
        Ticket major = incident();
        Ticket child = incident();
        desk.execute(new AddLink(ACME, ALICE, major.id(), OptionalLong.empty(), new Link(LinkType.PARENT_OF, child.ref())));
        desk.execute(new UpdateFields(ACME, ALICE, child.id(), OptionalLong.empty(), Map.of("holdReason",
                Optional.of(new FieldValue.Text("AWAITING_CALLER")))));
        move(move(child, "start"), "hold");
        Lifecycle strictChildren = Lifecycles.itilIncident().toBuilder().version(2).removeTransition("resolve")
                .transition(Transition.builder("resolve").from("NEW", "IN_PROGRESS").to("RESOLVED")
                        .guard(Guard.requiresFields("resolutionCode", "resolutionNotes")))
                .build();
        desk.lifecycles().register(ACME, strictChildren);
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.transitionWithChildren(transition(major.id(), "resolve", resolution())))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.ticket()).isEqualTo(
                        child.number().toString()));
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void aProblemThatBecomesAKnownErrorTellsItsIncidents() {
        Ticket problem = desk.open(open(TicketKind.PROBLEM, "Mail server leaks memory")).ticket();
        Ticket ticket = incident();
        desk.execute(new AddLink(ACME, ALICE, problem.id(), OptionalLong.empty(), new Link(LinkType.PROBLEM_OF_INCIDENT, ticket.ref())));
        move(problem, "assess");
        CommandResult known = desk.execute(transition(problem.id(), "recordKnownError", Map.of("workaround",
                new FieldValue.Text("Restart nightly"))));
        assertThat(known.ticket().problem().knownError()).isTrue();
        assertThat(known.alsoChanged()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(ticket.id());
            assertThat(t.links()).contains(new Link(LinkType.INCIDENT_OF_PROBLEM, problem.ref()));
            assertThat(t.journal()).last().satisfies(entry -> {
                assertThat(entry.kind()).isEqualTo(JournalEntryKind.WORK_NOTE);
                assertThat(entry.text()).contains(problem.number().toString(), "Restart nightly");
            });
        });
    }

    @Test
    void anIncidentLinkedToAKnownErrorLaterIsToldItsWorkaroundFromEitherSide() {
        Ticket problem = desk.open(open(TicketKind.PROBLEM, "Mail server leaks memory")).ticket();
        move(problem, "assess");
        desk.execute(transition(problem.id(), "recordKnownError", Map.of("workaround", new FieldValue.Text("Restart nightly"))));
        Ticket fromProblem = incident();
        Ticket fromIncident = incident();
        CommandResult linkedByProblem = desk.execute(new AddLink(ACME, ALICE, problem.id(), OptionalLong.empty(),
                new Link(LinkType.PROBLEM_OF_INCIDENT, fromProblem.ref())));
        CommandResult linkedByIncident = desk.execute(new AddLink(ACME, ALICE, fromIncident.id(), OptionalLong.empty(),
                new Link(LinkType.INCIDENT_OF_PROBLEM, problem.ref())));
        for (Ticket told : List.of(desk.get(ACME, fromProblem.id()), desk.get(ACME, fromIncident.id()))) {
            assertThat(told.links()).containsOnlyOnce(new Link(LinkType.INCIDENT_OF_PROBLEM, problem.ref()));
            assertThat(told.journal()).filteredOn(e -> e.kind() == JournalEntryKind.WORK_NOTE).singleElement()
                    .satisfies(entry -> assertThat(entry.text()).contains(problem.number().toString(), "Restart nightly"));
        }
        assertThat(linkedByProblem.alsoChanged()).extracting(Ticket::id).containsExactly(fromProblem.id());
        assertThat(linkedByIncident.ticket().id()).isEqualTo(fromIncident.id());
        // a comment on the known error tells nobody again
        desk.execute(new AddJournalEntry(ACME, ALICE, problem.id(), OptionalLong.empty(), JournalEntryKind.WORK_NOTE, "Vendor asked",
                List.of()));
        assertThat(desk.get(ACME, fromProblem.id()).journal()).filteredOn(e -> e.kind() == JournalEntryKind.WORK_NOTE).hasSize(1);
    }

    @Test
    void fulfillingARequestOpensItsTaskAsAChild() {
        Ticket request = desk.open(open(TicketKind.SERVICE_REQUEST, "New laptop")).ticket();
        move(request, "submitForApproval");
        desk.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(BOB)));
        desk.execute(new DecideApproval(ACME, BOB, request.id(), OptionalLong.empty(), BOB, Verdict.APPROVED, ""));
        move(request, "approve");
        CommandResult fulfil = desk.execute(transition(request.id(), "fulfil"));
        assertThat(fulfil.alsoChanged()).singleElement().satisfies(task -> {
            assertThat(task.title()).isEqualTo("Fulfil the request");
            assertThat(task.links()).containsExactly(new Link(LinkType.CHILD_OF, request.ref()));
            assertThat(task.kind()).isEqualTo(TicketKind.TASK);
            assertThat(task.number().toString()).isEqualTo("TASK0000001");
            assertThat(task.state()).isEqualTo(Lifecycles.itilTask().initialState());
        });
        Ticket task = fulfil.alsoChanged().get(0);
        assertThat(fulfil.ticket().links()).containsExactly(new Link(LinkType.PARENT_OF, task.ref()));
        assertThatThrownBy(() -> move(request, "complete")).as("the task is open")
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.rule()).isEqualTo("children finished"));
        Ticket done = move(task, "complete");
        assertThat(done.state()).isEqualTo(new TicketState("CLOSED_COMPLETE", StateCategory.CLOSED));
        assertThat(done.number().kind()).isEqualTo(TicketKind.TASK);
        assertThat(move(request, "complete").state().name()).isEqualTo("FULFILLED");
    }

    @Test
    void aTenantsOwnLifecycleGovernsItsNextCommand() {
        Ticket before = incident();
        Lifecycle quick = Lifecycle.builder("quick-incident", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW).state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("NEW").to("DONE")).build();
        desk.lifecycles().register(ACME, quick);
        assertThat(desk.lifecycle(ACME, TicketKind.INCIDENT)).isEqualTo(quick);
        assertThat(desk.lifecycle(TenantId.of("globex"), TicketKind.INCIDENT).id()).isEqualTo("itil-incident");
        assertThat(move(before, "finish").state().name()).isEqualTo("DONE");
        assertThat(desk.transitionsOf(ACME, incident().id())).extracting(Transition::name).containsExactly("finish");
        assertThat(desk.lifecycles().unregister(ACME, TicketKind.INCIDENT)).isTrue();
        assertThat(desk.transitionsOf(ACME, incident().id())).extracting(Transition::name).contains("start", "resolve");
    }

    @Test
    void registeringALifecycleThatWouldStrandOpenTicketsIsRefusedWithTheirStatesAndNothingChanges() {
        Ticket started = move(incident(), "start");
        Ticket alsoStarted = move(incident(), "start");
        Ticket fresh = incident();
        Ticket closed = move(desk.execute(transition(incident().id(), "resolve", resolution())).ticket(), "close");
        Lifecycle quick = Lifecycle.builder("quick-incident", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW).state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("NEW").to("DONE")).build();
        assertThatThrownBy(() -> desk.registerLifecycle(ACME, quick)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IN_PROGRESS(OPEN): 2 tickets, e.g. " + started.number())
                .hasMessageContaining("quick-incident v1").hasMessageNotContaining("CLOSED(");
        assertThat(desk.lifecycle(ACME, TicketKind.INCIDENT).id()).isEqualTo("itil-incident");

        Lifecycle wider = Lifecycle.builder("wider-incident", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW).state("IN_PROGRESS", StateCategory.OPEN).state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("start").from("NEW").to("IN_PROGRESS"))
                .transition(Transition.builder("finish").from("IN_PROGRESS").to("DONE")).build();
        // the closed incident stands in a state the lifecycle lacks, but a final ticket takes only comments and links
        desk.registerLifecycle(ACME, wider);
        assertThat(desk.lifecycle(ACME, TicketKind.INCIDENT)).isEqualTo(wider);
        assertThat(move(alsoStarted, "finish").state().name()).isEqualTo("DONE");
        assertThat(desk.transitionsOf(ACME, fresh.id())).extracting(Transition::name).containsExactly("start");
        assertThat(desk.get(ACME, closed.id()).state().name()).isEqualTo("CLOSED");
        assertThat(desk.lifecycle(TenantId.of("globex"), TicketKind.INCIDENT).id()).isEqualTo("itil-incident");
    }

    @Test
    void aClosedFieldSchemaRefusesAnUndefinedCustomField() {
        ServiceDesk strict = ServiceDesk.builder().clock(clock).fieldSchema(ACME, TicketKind.INCIDENT,
                FieldSchema.of(FieldDefinition.builder("site", FieldType.TEXT).build())).build();
        assertThat(strict.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "ok")
                .customField("site", new FieldValue.Text("Berlin")).build()).changed()).isTrue();
        List<Object> before = picture(strict, ACME);
        assertThatThrownBy(() -> strict.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "not ok")
                .customField("colour", new FieldValue.Text("red")).build())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("colour");
        assertThat(picture(strict, ACME)).isEqualTo(before);
    }

    @Test
    void notifiersReceiveTheOutboxAfterCommit() {
        RecordingNotifier notifier = RecordingNotifier.named("test");
        ServiceDesk notifying = ServiceDesk.builder().clock(clock).notifier(notifier).build();
        Ticket ticket = notifying.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        assertThat(notifier.received()).isEmpty();
        notifying.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(notifier.received()).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isInstanceOf(StateChanged.class);
            assertThat(entry.ticket()).isEqualTo(ticket.id());
        });
    }

    @Test
    void announcingEveryEventWritesEachToTheOutbox() {
        ServiceDesk loud = ServiceDesk.builder().clock(clock).announce(e -> true).outboxReadElsewhere().build();
        Ticket ticket = loud.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        loud.execute(transition(ticket.id(), "start"));
        assertThat(loud.stores().forTenant(ACME).outbox().forTicket(ticket.id())).hasSize(2);
    }

    @Test
    void theReadsShowWhatTheCommandsWrote() {
        Ticket ticket = move(incident(), "start");
        incident();
        assertThat(desk.count(ACME, TicketQuery.all())).isEqualTo(2);
        assertThat(desk.query(ACME, TicketQuery.builder().categories(StateCategory.OPEN).build(), 10).items())
                .containsExactly(ticket);
        assertThat(desk.history(ACME, ticket.id())).hasExactlyElementsOfTypes(TicketCreated.class, StateChanged.class);
        assertThat(TicketEvents.replay(desk.history(ACME, ticket.id()))).isEqualTo(ticket);
        assertThat(desk.verifyAuditTrail(ACME, ticket.id()).intact()).isTrue();
        assertThat(desk.clocks(ACME, ticket.id())).isEmpty();
        assertThat(desk.find(TenantId.of("globex"), ticket.id())).isEmpty();
    }

    @Test
    void theBuilderRefusesANonPositiveLease() {
        assertThatThrownBy(() -> ServiceDesk.builder().node(dev.itsmkit.persistence.NodeId.of("n"), java.time.Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        assertThat(ServiceDesk.builder().stores(InMemoryStores.create()).toString()).contains("InMemoryStores");
    }

    @Test
    void aFailedDeliveryIsRetriedLaterWithoutFailingTheCommand() {
        RecordingNotifier notifier = RecordingNotifier.named("flaky");
        notifier.failing(true);
        ServiceDesk notifying = ServiceDesk.builder().clock(clock).notifier(notifier)
                .commandValidator(dev.itsmkit.core.command.CommandValidator.create()).build();
        Ticket ticket = notifying.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        assertThat(notifying.execute(transition(ticket.id(), "resolve", resolution())).ticket().state().name()).isEqualTo("RESOLVED");
        assertThat(notifier.received()).isEmpty();
        notifier.failing(false);
        assertThat(notifying.deliverOutbox().delivered()).isZero();
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(notifying.deliverOutbox().delivered()).isEqualTo(1);
        assertThat(notifier.received()).hasSize(1);
    }

    @Test
    void eachTenantCanHaveItsOwnPriorityMatrix() {
        TenantId globex = TenantId.of("globex");
        ServiceDesk desk5 = ServiceDesk.builder().clock(clock).priorityMatrix(globex, dev.itsmkit.core.ImpactUrgencyMatrix.itil5x5())
                .sla(globex, SlaTimerTest.SLA).build();
        Ticket big = desk5.open(OpenTicket.builder(globex, ALICE, TicketKind.INCIDENT, "Wide").impact(Impact.of(5))
                .urgency(Urgency.of(5)).build()).ticket();
        assertThat(big.priority()).isEqualTo(dev.itsmkit.core.ImpactUrgencyMatrix.itil5x5().priorityOf(Impact.of(5), Urgency.of(5)));
        assertThat(desk5.clocks(globex, big.id())).hasSize(1);
        assertThatThrownBy(() -> desk5.open(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "Wide").impact(Impact.of(5))
                .build())).isInstanceOf(ValidationException.class);
        assertThat(desk5.clocks(ACME, desk5.open(open(TicketKind.INCIDENT, "No SLA here")).ticket().id())).isEmpty();
    }

    @Test
    void queriesPageThroughTheTenantsTickets() {
        for (int i = 0; i < 3; i++) {
            incident();
        }
        dev.itsmkit.persistence.Page<Ticket> first = desk.query(ACME, TicketQuery.all(), 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).isPresent();
        dev.itsmkit.persistence.Page<Ticket> second = desk.query(ACME, TicketQuery.all(), first.next().get(), 2);
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(desk.auditTrail(ACME, second.items().get(0).id())).hasSize(1);
        assertThat(desk.toString()).contains("itsm-node");
        assertThat(desk.clock()).isSameAs(clock);
    }

    @Test
    void theResultSaysWhatChanged() {
        CommandResult result = desk.open(open(TicketKind.INCIDENT, "Mail is down"));
        assertThat(result.changed()).isTrue();
        assertThat(result.alsoChanged()).isEmpty();
        assertThat(result.openChildren()).isEmpty();
        assertThat(result.toString()).contains("INC0000001", "1 events");
        TicketNotFoundException missing = new TicketNotFoundException(ACME, dev.itsmkit.core.TicketId.of("gone"));
        assertThat(missing.tenant()).isEqualTo(ACME);
        assertThat(missing.ticket().value()).isEqualTo("gone");
        CommandRefusedException refused = new CommandRefusedException("INC1", CommandRefusedException.FINAL_STATE, "closed");
        assertThat(refused.ticket()).isEqualTo("INC1");
        assertThat(refused.getMessage()).isEqualTo("INC1: closed [rule: final-state]");
    }
}
