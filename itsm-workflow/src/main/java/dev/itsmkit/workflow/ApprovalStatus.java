package dev.itsmkit.workflow;

/** Where a ticket's approvals stand under an {@link ApprovalPolicy}. */
public enum ApprovalStatus {
    /** No approval was asked for. */
    NOT_REQUESTED,
    /** Approvals were asked for and are not yet enough to decide. */
    PENDING,
    /** The policy is satisfied. */
    APPROVED,
    /** An approver rejected before the policy was satisfied; a rejection ends the approval. */
    REJECTED
}
