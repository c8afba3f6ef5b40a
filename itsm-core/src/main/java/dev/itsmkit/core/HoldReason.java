package dev.itsmkit.core;

/** Why an incident is on hold: what it waits for. Its SLA resolution clock usually pauses meanwhile. */
public enum HoldReason {
    /** Waiting for the caller to answer or to try something. */
    AWAITING_CALLER,
    /** Waiting for a supplier. */
    AWAITING_VENDOR,
    /** Waiting for a change to be implemented. */
    AWAITING_CHANGE,
    /** Waiting for a problem to be solved. */
    AWAITING_PROBLEM
}
