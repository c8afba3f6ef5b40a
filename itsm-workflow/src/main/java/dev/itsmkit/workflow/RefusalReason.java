package dev.itsmkit.workflow;

/** Why a lifecycle refused a transition. */
public enum RefusalReason {
    /** The ticket is in a state the lifecycle does not define (or defines with another category). */
    STATE_NOT_IN_LIFECYCLE,
    /** The lifecycle has no transition of that name from the ticket's state. */
    NO_SUCH_TRANSITION,
    /** The transition exists but one of its guards refused. */
    GUARD_FAILED
}
