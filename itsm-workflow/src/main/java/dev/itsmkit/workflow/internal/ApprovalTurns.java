package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.workflow.ApprovalPolicy;
import dev.itsmkit.workflow.ApprovalStatus;
import dev.itsmkit.workflow.CommandRefusedException;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.Transition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which approval a decision is for, under the approval policies of the ticket's lifecycle.
 *
 * <p>The policies are those of the approval guards ({@link Guard.ApprovalsDecided}) on the
 * transitions that leave the ticket's state; when none leaves it (approvals asked before the ticket
 * reaches its approval state), those of every transition of the lifecycle. A decision must be awaited
 * ({@link ApprovalPolicy#awaiting}) under every one of them, and none may have reached its outcome
 * already. A lifecycle without approval guards puts no order on the decisions. Runs once per decision,
 * over a handful of transitions and approvals: linear scans, no index.
 */
final class ApprovalTurns {
    private ApprovalTurns() {}

    /**
     * Returns the index, in the ticket's approvals, of the approval the approver decides now.
     *
     * @throws CommandRefusedException with rule {@code no-pending-approval} if the approver has no
     *     pending approval, {@code approval-closed} if a policy's outcome is final, and
     *     {@code not-your-turn} if no pending approval of the approver is awaited
     */
    static int approvalToDecide(Lifecycle lifecycle, Ticket ticket, Party approver) {
        List<Approval> approvals = ticket.approvals();
        List<Integer> pending = new ArrayList<>(2);
        for (int i = 0; i < approvals.size(); i++) {
            Approval a = approvals.get(i);
            if (a.isPending() && a.approver().equals(approver)) {
                pending.add(i);
            }
        }
        if (pending.isEmpty()) {
            throw new CommandRefusedException(ticket.number().toString(), CommandRefusedException.NO_PENDING_APPROVAL,
                    approver + " has no pending approval to decide");
        }
        Set<ApprovalPolicy> policies = policies(lifecycle, ticket);
        for (ApprovalPolicy policy : policies) {
            ApprovalStatus status = policy.decide(approvals);
            if (status == ApprovalStatus.APPROVED || status == ApprovalStatus.REJECTED) {
                throw new CommandRefusedException(ticket.number().toString(), CommandRefusedException.APPROVAL_CLOSED,
                        "the approvals are " + status + " under the policy '" + policy + "' (" + policy.explain(approvals)
                                + "); no further decision is taken, and " + approver + "'s pending approval stays undecided");
            }
        }
        int chosen = -1;
        for (int index : pending) {
            if (awaitedByAll(policies, approvals, index)
                    && (chosen < 0 || approvals.get(index).step() < approvals.get(chosen).step())) {
                chosen = index;
            }
        }
        if (chosen < 0) {
            throw notYourTurn(ticket, approver, approvals, pending, policies);
        }
        return chosen;
    }

    private static boolean awaitedByAll(Set<ApprovalPolicy> policies, List<Approval> approvals, int index) {
        Approval approval = approvals.get(index);
        for (ApprovalPolicy policy : policies) {
            boolean awaited = false;
            for (Approval a : policy.awaiting(approvals)) {
                // the policies return the ticket's own instances: identity tells two equal approvals apart
                if (a == approval) {
                    awaited = true;
                    break;
                }
            }
            if (!awaited) {
                return false;
            }
        }
        return true;
    }

    private static CommandRefusedException notYourTurn(Ticket ticket, Party approver, List<Approval> approvals,
            List<Integer> pending, Set<ApprovalPolicy> policies) {
        StringBuilder message = new StringBuilder();
        message.append(approver).append("'s approval is at step ")
                .append(pending.stream().map(i -> Integer.toString(approvals.get(i).step())).distinct()
                        .collect(Collectors.joining(", ")));
        for (ApprovalPolicy policy : policies) {
            List<Approval> awaited = policy.awaiting(approvals);
            String steps = awaited.stream().map(a -> Integer.toString(a.step())).distinct().collect(Collectors.joining(", "));
            message.append("; under the policy '").append(policy).append("' step ").append(steps)
                    .append(" is awaited, to be decided by ")
                    .append(awaited.stream().map(a -> a.approver().toString()).distinct().collect(Collectors.joining(", ")));
        }
        return new CommandRefusedException(ticket.number().toString(), CommandRefusedException.NOT_YOUR_TURN,
                message.toString());
    }

    /** The policies of the approval guards leaving the ticket's state, or else of the whole lifecycle. */
    static Set<ApprovalPolicy> policies(Lifecycle lifecycle, Ticket ticket) {
        Set<ApprovalPolicy> leaving = new LinkedHashSet<>();
        if (lifecycle.defines(ticket.state())) {
            collect(lifecycle.allowedFrom(ticket.state()), leaving);
        }
        if (!leaving.isEmpty()) {
            return leaving;
        }
        Set<ApprovalPolicy> all = new LinkedHashSet<>();
        collect(lifecycle.transitions(), all);
        return all;
    }

    private static void collect(List<Transition> transitions, Set<ApprovalPolicy> policies) {
        for (Transition t : transitions) {
            for (Guard g : t.guards()) {
                if (g instanceof Guard.ApprovalsDecided decided) {
                    policies.add(decided.policy());
                }
            }
        }
    }
}
