package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    static Approval asked(int step, String who) {
        return Approval.pending(step, Party.person(who), T0);
    }

    static Approval decided(int step, String who, Verdict verdict, long minute) {
        return asked(step, who).decide(new ApprovalDecision(verdict, Party.person(who), T0.plusSeconds(60 * minute), "because"));
    }

    @Test
    void withoutApprovalsNothingIsRequestedUnderAnyPolicy() {
        for (ApprovalPolicy policy : List.of(ApprovalPolicy.anyOne(), ApprovalPolicy.all(), ApprovalPolicy.quorum(2),
                ApprovalPolicy.sequence())) {
            assertThat(policy.decide(List.of())).as(policy.toString()).isEqualTo(ApprovalStatus.NOT_REQUESTED);
            assertThat(policy.explain(List.of())).startsWith("no approval was requested");
        }
    }

    @Test
    void underAnyOneTheFirstDecisionDecides() {
        ApprovalPolicy anyOne = ApprovalPolicy.anyOne();
        assertThat(anyOne.decide(List.of(asked(1, "a"), asked(1, "b")))).isEqualTo(ApprovalStatus.PENDING);
        assertThat(anyOne.decide(List.of(decided(1, "a", Verdict.REJECTED, 5), decided(1, "b", Verdict.APPROVED, 3))))
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(anyOne.decide(List.of(decided(1, "a", Verdict.REJECTED, 2), decided(1, "b", Verdict.APPROVED, 3))))
                .isEqualTo(ApprovalStatus.REJECTED);
        assertThat(anyOne.awaiting(List.of(decided(1, "a", Verdict.APPROVED, 1), asked(1, "b")))).isEmpty();
    }

    @Test
    void underAllEveryApproverMustApproveAndOneRejectionEndsIt() {
        ApprovalPolicy all = ApprovalPolicy.all();
        assertThat(all.decide(List.of(decided(1, "a", Verdict.APPROVED, 1), asked(1, "b")))).isEqualTo(ApprovalStatus.PENDING);
        assertThat(all.decide(List.of(decided(1, "a", Verdict.APPROVED, 1), decided(1, "b", Verdict.APPROVED, 2))))
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(all.decide(List.of(decided(1, "a", Verdict.REJECTED, 1), asked(1, "b")))).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(all.awaiting(List.of(decided(1, "a", Verdict.APPROVED, 1), asked(1, "b"))))
                .extracting(a -> a.approver().id()).containsExactly("b");
    }

    @Test
    void aQuorumIsReachedByEnoughApprovalsBeforeAnyRejection() {
        ApprovalPolicy twoOfThree = ApprovalPolicy.quorum(2);
        assertThat(twoOfThree.decide(List.of(decided(1, "a", Verdict.APPROVED, 1), asked(1, "b"), asked(1, "c"))))
                .isEqualTo(ApprovalStatus.PENDING);
        assertThat(twoOfThree.decide(List.of(decided(1, "a", Verdict.APPROVED, 1), asked(1, "b"),
                decided(1, "c", Verdict.APPROVED, 2)))).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(twoOfThree.decide(List.of(decided(1, "a", Verdict.APPROVED, 1), decided(1, "b", Verdict.APPROVED, 2),
                decided(1, "c", Verdict.REJECTED, 3)))).as("a rejection after the quorum changes nothing")
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(twoOfThree.decide(List.of(decided(1, "a", Verdict.APPROVED, 1), decided(1, "b", Verdict.REJECTED, 2),
                decided(1, "c", Verdict.APPROVED, 3)))).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(ApprovalPolicy.quorum(3).explain(List.of(asked(1, "a"), asked(1, "b"))))
                .contains("a quorum of 3 approvals is needed; only 2 approvers were asked, fewer than the quorum");
    }

    @Test
    void aSequenceWaitsForEachStepInTurn() {
        ApprovalPolicy sequence = ApprovalPolicy.sequence();
        List<Approval> firstStepDone = List.of(decided(1, "manager", Verdict.APPROVED, 1), asked(2, "cab1"), asked(2, "cab2"),
                asked(3, "director"));
        assertThat(sequence.decide(firstStepDone)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(sequence.awaiting(firstStepDone)).extracting(a -> a.approver().id()).containsExactly("cab1", "cab2");
        assertThat(sequence.explain(firstStepDone)).endsWith("waiting for step 2");
        List<Approval> allDone = List.of(decided(1, "manager", Verdict.APPROVED, 1), decided(2, "cab1", Verdict.APPROVED, 2),
                decided(3, "director", Verdict.APPROVED, 3));
        assertThat(sequence.decide(allDone)).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(sequence.awaiting(allDone)).isEmpty();
        assertThat(sequence.decide(List.of(decided(1, "manager", Verdict.REJECTED, 1), asked(2, "cab1"))))
                .isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void aSequenceAwaitsOnlyTheEarliestStepNotYetApprovedAndNothingOnceDecided() {
        ApprovalPolicy sequence = ApprovalPolicy.sequence();
        List<Approval> none = List.of(asked(1, "manager"), asked(2, "cab1"), asked(3, "director"));
        assertThat(sequence.awaiting(none)).extracting(a -> a.approver().id()).containsExactly("manager");
        assertThat(sequence.explain(none)).endsWith("waiting for step 1");
        List<Approval> rejected = List.of(decided(1, "manager", Verdict.REJECTED, 1), asked(2, "cab1"), asked(3, "director"));
        assertThat(sequence.awaiting(rejected)).as("a rejection ends the sequence").isEmpty();
        List<Approval> stepsOutOfOrder = List.of(asked(3, "director"), asked(2, "cab1"), decided(1, "manager", Verdict.APPROVED, 1));
        assertThat(sequence.awaiting(stepsOutOfOrder)).as("steps, not the order asked, decide the turn")
                .extracting(a -> a.approver().id()).containsExactly("cab1");
    }

    @Test
    void noPolicyAwaitsADecisionOnceItsOutcomeIsFinal() {
        List<Approval> rejectedFirst = List.of(decided(1, "a", Verdict.REJECTED, 1), asked(1, "b"), asked(1, "c"));
        for (ApprovalPolicy policy : List.of(ApprovalPolicy.anyOne(), ApprovalPolicy.all(), ApprovalPolicy.quorum(2),
                ApprovalPolicy.sequence())) {
            assertThat(policy.decide(rejectedFirst)).as(policy.toString()).isEqualTo(ApprovalStatus.REJECTED);
            assertThat(policy.awaiting(rejectedFirst)).as(policy.toString()).isEmpty();
        }
        List<Approval> quorumMet = List.of(decided(1, "a", Verdict.APPROVED, 1), decided(1, "b", Verdict.APPROVED, 2),
                asked(1, "c"));
        assertThat(ApprovalPolicy.quorum(2).awaiting(quorumMet)).isEmpty();
        assertThat(ApprovalPolicy.quorum(3).awaiting(quorumMet)).extracting(a -> a.approver().id()).containsExactly("c");
    }
}
