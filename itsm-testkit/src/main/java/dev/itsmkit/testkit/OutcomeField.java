package dev.itsmkit.testkit;

/** The fields of an {@code OUTCOME} that an expectation can check, in the order they are reported. */
public enum OutcomeField {
    /** {@code status}: where the clock stands. */
    STATUS("status"),
    /** {@code elapsed}: business time counted, paused time excluded. */
    ELAPSED("elapsed"),
    /** {@code remaining}: the goal minus the elapsed time. */
    REMAINING("remaining"),
    /** {@code due}: the deadline if the clock runs on. */
    DUE("due"),
    /** {@code breachedAt}: the breach threshold's instant, once crossed. */
    BREACHED_AT("breachedAt"),
    /** {@code warnings}: the warning thresholds crossed, with their instants. */
    WARNINGS("warnings"),
    /** {@code cycles}: how many cycles the target has had. */
    CYCLES("cycles");

    private final String key;

    OutcomeField(String key) {
        this.key = key;
    }

    /**
     * Returns the field's key in a scenario file.
     *
     * @return for example {@code breachedAt}
     */
    public String key() {
        return key;
    }
}
