package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.picture;
import static dev.itsmkit.workflow.DeskFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.event.ApprovalDecided;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The desk decides approvals in the order their policy awaits them, and none after the outcome. */
class ApprovalOrderTest {
    private static final Party MANAGER = Party.person("manager");
    private static final Party CAB = Party.group("cab");
    private static final Party DAVE = Party.person("dave");
    private static final Party ERIN = Party.person("erin");
    private static final Party DIRECTOR = Party.person("director");

    private final MutableClock clock = new MutableClock(T0);

    private ServiceDesk deskWith(ApprovalPolicy policy) {
        LifecycleCatalog lifecycles = LifecycleCatalog.itil().registerDefault(Lifecycles.itilServiceRequest(policy));
        return ServiceDesk.builder().clock(clock).lifecycles(lifecycles).authorizer(DeskFixtures.commandsPermitted(Map.of()))
                .groups(GroupMembership.of(Map.of(CAB, Set.of(DAVE)))).build();
    }

    /** A request awaiting approval from the manager (step 1), the CAB (step 2) and the director (step 3). */
    private Ticket awaitingThreeSteps(ServiceDesk desk) {
        Ticket request = desk.open(open(TicketKind.SERVICE_REQUEST, "New server")).ticket();
        desk.execute(transition(request.id(), "submitForApproval"));
        desk.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(MANAGER)));
        desk.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 2, List.of(CAB)));
        return desk.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 3, List.of(DIRECTOR)))
                .ticket();
    }

    private static DecideApproval decide(Ticket ticket, Party actor, Party approver, Verdict verdict, String comment) {
        return new DecideApproval(ACME, actor, ticket.id(), OptionalLong.empty(), approver, verdict, comment);
    }

    @Test
    void underASequenceALaterStepCannotDecideBeforeTheStepAwaited() {
        ServiceDesk desk = deskWith(ApprovalPolicy.sequence());
        Ticket request = awaitingThreeSteps(desk);
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.APPROVED, "go")))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(CommandRefusedException.NOT_YOUR_TURN);
                    assertThat(e.ticket()).isEqualTo(request.number().toString());
                    assertThat(e.getMessage()).contains("person:director's approval is at step 3")
                            .contains("step 1 is awaited, to be decided by person:manager");
                });
        assertThatThrownBy(() -> desk.execute(decide(request, DAVE, CAB, Verdict.APPROVED, "ok")))
                .as("a member of the step-2 group waits too").isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.NOT_YOUR_TURN));
        assertThat(picture(desk, ACME)).as("nothing written").isEqualTo(before);
    }

    @Test
    void underASequenceEachStepDecidesInTurnAndEachDecisionIsRecordedWithActorInstantAndComment() {
        ServiceDesk desk = deskWith(ApprovalPolicy.sequence());
        Ticket request = awaitingThreeSteps(desk);
        clock.advance(Duration.ofMinutes(10));
        desk.execute(decide(request, MANAGER, MANAGER, Verdict.APPROVED, "within budget"));
        clock.advance(Duration.ofMinutes(20));
        assertThatThrownBy(() -> desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.APPROVED, "go")))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(CommandRefusedException.NOT_YOUR_TURN);
                    assertThat(e.getMessage()).contains("step 2 is awaited, to be decided by group:cab");
                });
        CommandResult cab = desk.execute(decide(request, DAVE, CAB, Verdict.APPROVED, "CAB agrees"));
        assertThat(cab.events()).singleElement().isInstanceOfSatisfying(ApprovalDecided.class, e -> {
            assertThat(e.approvalIndex()).isEqualTo(1);
            assertThat(e.decision()).isEqualTo(new ApprovalDecision(Verdict.APPROVED, DAVE, T0.plusSeconds(30 * 60),
                    "CAB agrees"));
        });
        clock.advance(Duration.ofMinutes(5));
        Ticket approved = desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.APPROVED, "go")).ticket();
        assertThat(approved.approvals()).extracting(a -> a.decision().orElseThrow()).containsExactly(
                new ApprovalDecision(Verdict.APPROVED, MANAGER, T0.plusSeconds(10 * 60), "within budget"),
                new ApprovalDecision(Verdict.APPROVED, DAVE, T0.plusSeconds(30 * 60), "CAB agrees"),
                new ApprovalDecision(Verdict.APPROVED, DIRECTOR, T0.plusSeconds(35 * 60), "go"));
        assertThat(desk.execute(transition(request.id(), "approve")).ticket().state().name()).isEqualTo("APPROVED");
    }

    @Test
    void aRejectionEndsASequenceAndLaterStepsDecideNoMore() {
        ServiceDesk desk = deskWith(ApprovalPolicy.sequence());
        Ticket request = awaitingThreeSteps(desk);
        desk.execute(decide(request, MANAGER, MANAGER, Verdict.REJECTED, "no budget"));
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(decide(request, DAVE, CAB, Verdict.APPROVED, "ok")))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(CommandRefusedException.APPROVAL_CLOSED);
                    assertThat(e.getMessage()).contains("the approvals are REJECTED under the policy 'sequence'");
                });
        assertThat(picture(desk, ACME)).isEqualTo(before);
        assertThat(desk.execute(transition(request.id(), "reject")).ticket().state().name()).isEqualTo("REJECTED");
    }

    @Test
    void underAllNoDecisionIsTakenAfterARejection() {
        ServiceDesk desk = deskWith(ApprovalPolicy.all());
        Ticket request = awaitingThreeSteps(desk);
        desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.APPROVED, "any order will do under all"));
        desk.execute(decide(request, DAVE, CAB, Verdict.REJECTED, "too risky"));
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(decide(request, MANAGER, MANAGER, Verdict.APPROVED, "late")))
                .isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.APPROVAL_CLOSED));
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void underAnyOneTheFirstDecisionClosesTheApproval() {
        ServiceDesk desk = deskWith(ApprovalPolicy.anyOne());
        Ticket request = awaitingThreeSteps(desk);
        desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.APPROVED, "yes"));
        List<Object> before = picture(desk, ACME);
        assertThatThrownBy(() -> desk.execute(decide(request, MANAGER, MANAGER, Verdict.REJECTED, "no")))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(CommandRefusedException.APPROVAL_CLOSED);
                    assertThat(e.getMessage()).contains("APPROVED under the policy 'any one'");
                });
        assertThat(picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void underAQuorumDecisionsStopOnceTheQuorumIsReached() {
        ServiceDesk desk = deskWith(ApprovalPolicy.quorum(2));
        Ticket request = awaitingThreeSteps(desk);
        desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.APPROVED, "yes"));
        Ticket afterSecond = desk.execute(decide(request, MANAGER, MANAGER, Verdict.APPROVED, "yes too")).ticket();
        assertThat(afterSecond.approvals()).filteredOn(Approval::isPending).extracting(Approval::approver).containsExactly(CAB);
        assertThatThrownBy(() -> desk.execute(decide(request, DAVE, CAB, Verdict.REJECTED, "too late")))
                .isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.APPROVAL_CLOSED));
        assertThat(desk.execute(transition(request.id(), "approve")).ticket().state().name()).isEqualTo("APPROVED");
    }

    @Test
    void underAQuorumARejectionBeforeTheQuorumEndsIt() {
        ServiceDesk desk = deskWith(ApprovalPolicy.quorum(2));
        Ticket request = awaitingThreeSteps(desk);
        desk.execute(decide(request, DIRECTOR, DIRECTOR, Verdict.REJECTED, "no"));
        assertThatThrownBy(() -> desk.execute(decide(request, MANAGER, MANAGER, Verdict.APPROVED, "yes")))
                .isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(CommandRefusedException.APPROVAL_CLOSED));
    }
}
