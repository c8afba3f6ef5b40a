package dev.itsmkit.core.timing;

/** Where an SLA clock stands. */
public enum ClockStatus {
    /** The start condition has not held yet. */
    NOT_STARTED,
    /** Counting business time. */
    RUNNING,
    /** Started, but not counting while the pause condition holds. */
    PAUSED,
    /** Stopped without crossing its breach threshold. */
    MET,
    /** Crossed its breach threshold, whether it still runs, is paused or has stopped since. */
    BREACHED,
    /** Cancelled while running or paused; it no longer counts for or against compliance. */
    CANCELLED;

    /**
     * Tells whether the clock can still change by itself as time passes.
     *
     * @return {@code true} for running and paused clocks, and for breached clocks that have not stopped
     */
    public boolean isFinal() {
        return this == MET || this == CANCELLED;
    }
}
