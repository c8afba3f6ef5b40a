package dev.itsmkit.core;

/**
 * What a ticket of one kind holds beyond the fields all tickets share. Each kind has its own
 * immutable details class; {@link #kind()} tells which.
 */
public sealed interface TicketDetails permits IncidentDetails, RequestDetails, ProblemDetails, ChangeDetails,
        TaskDetails {
    /**
     * Returns the kind of ticket these details belong to.
     *
     * @return the kind
     */
    TicketKind kind();

    /**
     * Returns empty details for a kind of ticket.
     *
     * @param kind the kind
     * @return details with nothing set (a normal, low-risk change for {@link TicketKind#CHANGE})
     */
    static TicketDetails emptyFor(TicketKind kind) {
        return switch (kind) {
            case INCIDENT -> IncidentDetails.EMPTY;
            case SERVICE_REQUEST -> RequestDetails.EMPTY;
            case PROBLEM -> ProblemDetails.EMPTY;
            case CHANGE -> ChangeDetails.EMPTY;
            case TASK -> TaskDetails.EMPTY;
        };
    }
}
