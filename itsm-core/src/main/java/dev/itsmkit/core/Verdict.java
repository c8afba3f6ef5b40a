package dev.itsmkit.core;

/** The decision of an approver. */
public enum Verdict {
    /** The approver agrees. */
    APPROVED,
    /** The approver refuses; under every approval policy a rejection ends the approval. */
    REJECTED
}
