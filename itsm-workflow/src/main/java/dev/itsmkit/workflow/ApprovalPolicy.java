package dev.itsmkit.workflow;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When the approvals recorded on a ticket suffice: any one approver, all of them, a quorum, or a
 * sequence of steps. Under every policy a rejection ends the approval: once an approver rejects
 * before the policy is satisfied, the outcome is {@link ApprovalStatus#REJECTED}. Who is asked is the
 * business of the command that requests approvals; the policy reads the ticket's
 * {@link Approval} list as it stands, decisions with their actor, instant and comment included.
 *
 * <p>Immutable and thread-safe. Deciding costs O(n log n) in the number of approvals, which is small.
 */
public sealed interface ApprovalPolicy {
    /**
     * Decides where the approvals stand.
     *
     * @param approvals the ticket's approvals, in the order asked
     * @return the outcome
     */
    ApprovalStatus decide(List<Approval> approvals);

    /**
     * Returns the approvals that may be decided now: every pending one, or for a sequence only the
     * pending ones of the earliest step not yet approved. Empty once the outcome is decided. The
     * {@link ServiceDesk} takes a decision only on an approval this returns (refusing others with
     * {@link CommandRefusedException#NOT_YOUR_TURN}, or {@link CommandRefusedException#APPROVAL_CLOSED}
     * once the outcome is decided).
     *
     * @param approvals the ticket's approvals, in the order asked
     * @return the approvals awaiting a decision, in the order asked
     */
    default List<Approval> awaiting(List<Approval> approvals) {
        ApprovalStatus status = decide(approvals);
        if (status == ApprovalStatus.APPROVED || status == ApprovalStatus.REJECTED) {
            return List.of();
        }
        return approvals.stream().filter(Approval::isPending).toList();
    }

    /**
     * Explains an outcome, for refusals.
     *
     * @param approvals the ticket's approvals
     * @return one sentence, for example "2 of 3 approvals needed are given"
     */
    String explain(List<Approval> approvals);

    /**
     * Returns the policy under which the first decision decides: approved if the first approver to
     * decide approves, rejected if they reject.
     *
     * @return the policy
     */
    static ApprovalPolicy anyOne() {
        return AnyOne.INSTANCE;
    }

    /**
     * Returns the policy under which every approver asked must approve.
     *
     * @return the policy
     */
    static ApprovalPolicy all() {
        return All.INSTANCE;
    }

    /**
     * Returns the policy under which a number of approvals suffice, if they come before any rejection.
     *
     * @param needed how many approvals suffice, 1 or more
     * @return the policy
     * @throws IllegalArgumentException if {@code needed} is below 1
     */
    static ApprovalPolicy quorum(int needed) {
        return new Quorum(needed);
    }

    /**
     * Returns the policy under which the approvals are decided step after step: every approver of a
     * step must approve before the next step is asked to decide, and every step must approve.
     *
     * @return the policy
     */
    static ApprovalPolicy sequence() {
        return Sequence.INSTANCE;
    }

    /** The first decision decides. */
    final class AnyOne implements ApprovalPolicy {
        static final AnyOne INSTANCE = new AnyOne();

        private AnyOne() {}

        @Override
        public ApprovalStatus decide(List<Approval> approvals) {
            if (approvals.isEmpty()) {
                return ApprovalStatus.NOT_REQUESTED;
            }
            ApprovalDecision first = null;
            for (Approval a : approvals) {
                if (a.decision().isPresent()) {
                    ApprovalDecision d = a.decision().get();
                    if (first == null || d.at().isBefore(first.at())) {
                        first = d;
                    }
                }
            }
            if (first == null) {
                return ApprovalStatus.PENDING;
            }
            return first.verdict() == Verdict.APPROVED ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        }

        @Override
        public String explain(List<Approval> approvals) {
            return Approvals.summary(approvals) + "; any one approval suffices, the first decision decides";
        }

        @Override
        public String toString() {
            return "any one";
        }
    }

    /** Every approver must approve. */
    final class All implements ApprovalPolicy {
        static final All INSTANCE = new All();

        private All() {}

        @Override
        public ApprovalStatus decide(List<Approval> approvals) {
            if (approvals.isEmpty()) {
                return ApprovalStatus.NOT_REQUESTED;
            }
            boolean pending = false;
            for (Approval a : approvals) {
                if (a.decision().isEmpty()) {
                    pending = true;
                } else if (a.decision().get().verdict() == Verdict.REJECTED) {
                    return ApprovalStatus.REJECTED;
                }
            }
            return pending ? ApprovalStatus.PENDING : ApprovalStatus.APPROVED;
        }

        @Override
        public String explain(List<Approval> approvals) {
            return Approvals.summary(approvals) + "; all approvers must approve";
        }

        @Override
        public String toString() {
            return "all";
        }
    }

    /**
     * A number of approvals suffice, if they come before any rejection.
     *
     * @param needed how many approvals suffice
     */
    record Quorum(int needed) implements ApprovalPolicy {
        /**
         * Creates the policy.
         *
         * @param needed how many approvals suffice, 1 or more
         * @throws IllegalArgumentException if {@code needed} is below 1
         */
        public Quorum {
            if (needed < 1) {
                throw new IllegalArgumentException("a quorum needs 1 or more approvals, got " + needed);
            }
        }

        @Override
        public ApprovalStatus decide(List<Approval> approvals) {
            if (approvals.isEmpty()) {
                return ApprovalStatus.NOT_REQUESTED;
            }
            List<ApprovalDecision> decided = Approvals.decisionsInOrder(approvals);
            int approved = 0;
            for (ApprovalDecision d : decided) {
                if (d.verdict() == Verdict.REJECTED) {
                    return ApprovalStatus.REJECTED;
                }
                if (++approved >= needed) {
                    return ApprovalStatus.APPROVED;
                }
            }
            return ApprovalStatus.PENDING;
        }

        @Override
        public String explain(List<Approval> approvals) {
            String reach = approvals.size() < needed
                    ? "; only " + approvals.size() + " approvers were asked, fewer than the quorum" : "";
            return Approvals.summary(approvals) + "; a quorum of " + needed + " approvals is needed" + reach;
        }

        @Override
        public String toString() {
            return "quorum of " + needed;
        }
    }

    /** Steps decide one after another; every step must approve. */
    final class Sequence implements ApprovalPolicy {
        static final Sequence INSTANCE = new Sequence();

        private Sequence() {}

        @Override
        public ApprovalStatus decide(List<Approval> approvals) {
            // decided as "all": every step must approve and any rejection ends it; a sequence
            // differs only in which approvals may be decided now (see awaiting)
            return All.INSTANCE.decide(approvals);
        }

        @Override
        public List<Approval> awaiting(List<Approval> approvals) {
            if (decide(approvals) != ApprovalStatus.PENDING) {
                return List.of();
            }
            int step = approvals.stream().filter(Approval::isPending).mapToInt(Approval::step).min().orElseThrow();
            return approvals.stream().filter(a -> a.isPending() && a.step() == step).toList();
        }

        @Override
        public String explain(List<Approval> approvals) {
            List<Approval> next = awaiting(approvals);
            return Approvals.summary(approvals) + "; every step must approve in turn"
                    + (next.isEmpty() ? "" : ", waiting for step " + next.get(0).step());
        }

        @Override
        public String toString() {
            return "sequence";
        }
    }
}

/** Shared helpers of the approval policies. */
final class Approvals {
    private Approvals() {}

    static List<ApprovalDecision> decisionsInOrder(List<Approval> approvals) {
        List<ApprovalDecision> decided = new ArrayList<>(approvals.size());
        for (Approval a : approvals) {
            a.decision().ifPresent(decided::add);
        }
        decided.sort(Comparator.comparing(ApprovalDecision::at));
        return decided;
    }

    static String summary(List<Approval> approvals) {
        if (approvals.isEmpty()) {
            return "no approval was requested";
        }
        long approved = approvals.stream().filter(a -> a.decision().map(d -> d.verdict() == Verdict.APPROVED).orElse(false))
                .count();
        long rejected = approvals.stream().filter(a -> a.decision().map(d -> d.verdict() == Verdict.REJECTED).orElse(false))
                .count();
        return approvals.size() + " requested, " + approved + " approved, " + rejected + " rejected, "
                + (approvals.size() - approved - rejected) + " pending";
    }
}
