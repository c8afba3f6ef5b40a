package dev.itsmkit.core;

/**
 * What a lifecycle state means, whatever the lifecycle calls it. SLA policies, reports and queries
 * speak of categories so that they work for every lifecycle, built-in or custom.
 */
public enum StateCategory {
    /** Recorded, not yet worked on. */
    NEW,
    /** Being worked on. */
    OPEN,
    /** Waiting for someone or something outside the assignee's control. */
    PENDING,
    /** The work is done; the requester may still reopen it. */
    RESOLVED,
    /** Finished for good. */
    CLOSED,
    /** Withdrawn without the work being done. */
    CANCELLED;

    /**
     * Tells whether a ticket in this category is finished and can no longer change state.
     *
     * @return {@code true} for {@link #CLOSED} and {@link #CANCELLED}
     */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    /**
     * Tells whether a ticket in this category still needs work (is in the backlog).
     *
     * @return {@code true} for {@link #NEW}, {@link #OPEN} and {@link #PENDING}
     */
    public boolean isActive() {
        return this == NEW || this == OPEN || this == PENDING;
    }
}
