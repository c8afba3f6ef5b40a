package dev.itsmkit.core;

/**
 * The four kinds of ticket of ITIL 4 and ISO/IEC 20000-1 clause 8, each with the prefix of its
 * human-readable numbers.
 */
public enum TicketKind {
    /** An unplanned interruption or reduction in the quality of a service. */
    INCIDENT("INC"),
    /** A request from a user for something provided as part of normal service delivery. */
    SERVICE_REQUEST("REQ"),
    /** A cause, or potential cause, of one or more incidents. */
    PROBLEM("PRB"),
    /** The addition, modification or removal of anything that could affect services. */
    CHANGE("CHG");

    private final String numberPrefix;

    TicketKind(String numberPrefix) {
        this.numberPrefix = numberPrefix;
    }

    /**
     * Returns the prefix of this kind's ticket numbers, as in {@code INC0001042}.
     *
     * @return three capital letters
     */
    public String numberPrefix() {
        return numberPrefix;
    }

    /**
     * Returns the kind whose numbers carry this prefix.
     *
     * @param prefix three capital letters such as {@code INC}
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
                + "'; the prefixes are INC, REQ, PRB and CHG");
    }
}
