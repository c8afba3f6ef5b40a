package dev.itsmkit.core;

/**
 * The four kinds of ticket of ITIL 4 and ISO/IEC 20000-1 clause 8, and the task that fulfils or
 * implements part of one of them, each with the prefix of its human-readable numbers. New kinds are
 * added at the end: stores may keep a kind by its position.
 */
public enum TicketKind {
    /** An unplanned interruption or reduction in the quality of a service. */
    INCIDENT("INC"),
    /** A request from a user for something provided as part of normal service delivery. */
    SERVICE_REQUEST("REQ"),
    /** A cause, or potential cause, of one or more incidents. */
    PROBLEM("PRB"),
    /** The addition, modification or removal of anything that could affect services. */
    CHANGE("CHG"),
    /**
     * A unit of work done for another ticket, its parent: a fulfilment step of a service request or an
     * implementation step of a change (ServiceNow's catalogue and change tasks). Its number prefix has
     * four letters, as in {@code TASK0001042}.
     */
    TASK("TASK");

    private final String numberPrefix;

    TicketKind(String numberPrefix) {
        this.numberPrefix = numberPrefix;
    }

    /**
     * Returns the prefix of this kind's ticket numbers, as in {@code INC0001042}.
     *
     * @return three or four capital letters
     */
    public String numberPrefix() {
        return numberPrefix;
    }

    /**
     * Returns the kind whose numbers carry this prefix.
     *
     * @param prefix the capital letters of a prefix such as {@code INC} or {@code TASK}
     * @return the kind
     * @throws IllegalArgumentException if no kind has this prefix
     */
    public static TicketKind ofNumberPrefix(String prefix) {
        for (TicketKind kind : values()) {
            if (kind.numberPrefix.equals(prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no ticket kind has the number prefix '" + prefix
                + "'; the prefixes are INC, REQ, PRB, CHG and TASK");
    }
}
