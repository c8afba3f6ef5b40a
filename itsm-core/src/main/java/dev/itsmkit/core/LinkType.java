package dev.itsmkit.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * How one ticket relates to another. Every type has an inverse, so that a link recorded on one
 * ticket can be mirrored on the other; some types are allowed only between certain kinds of ticket.
 */
public enum LinkType {
    /** This ticket is the parent of the target (a major incident of its child incidents, a request of its tasks). */
    PARENT_OF,
    /** This ticket is a child of the target. */
    CHILD_OF,
    /** This ticket was caused by the target (an incident caused by a change, a problem caused by another). */
    CAUSED_BY,
    /** This ticket caused the target. */
    CAUSES,
    /** The tickets are related, with no further meaning; its own inverse. */
    RELATED_TO,
    /** This ticket reports the same thing as the target, which is worked instead. Same kind only. */
    DUPLICATE_OF,
    /** The target is a duplicate of this ticket. Same kind only. */
    DUPLICATED_BY,
    /** This incident is an occurrence of the target problem. */
    INCIDENT_OF_PROBLEM,
    /** The target incident is an occurrence of this problem. */
    PROBLEM_OF_INCIDENT,
    /** This incident is resolved by the target change. */
    RESOLVED_BY_CHANGE,
    /** This change resolves the target incident. */
    CHANGE_RESOLVES;

    /**
     * Returns the type that the target records for the same link.
     *
     * @return the inverse type
     */
    public LinkType inverse() {
        return switch (this) {
            case PARENT_OF -> CHILD_OF;
            case CHILD_OF -> PARENT_OF;
            case CAUSED_BY -> CAUSES;
            case CAUSES -> CAUSED_BY;
            case RELATED_TO -> RELATED_TO;
            case DUPLICATE_OF -> DUPLICATED_BY;
            case DUPLICATED_BY -> DUPLICATE_OF;
            case INCIDENT_OF_PROBLEM -> PROBLEM_OF_INCIDENT;
            case PROBLEM_OF_INCIDENT -> INCIDENT_OF_PROBLEM;
            case RESOLVED_BY_CHANGE -> CHANGE_RESOLVES;
            case CHANGE_RESOLVES -> RESOLVED_BY_CHANGE;
        };
    }

    /**
     * Tells whether a ticket of one kind may have a link of this type to a ticket of another.
     *
     * @param from the kind of the ticket that holds the link
     * @param to the kind of the target
     * @return whether the link makes sense
     */
    public boolean allows(TicketKind from, TicketKind to) {
        return switch (this) {
            case PARENT_OF, CHILD_OF, CAUSED_BY, CAUSES, RELATED_TO -> true;
            case DUPLICATE_OF, DUPLICATED_BY -> from == to;
            case INCIDENT_OF_PROBLEM, RESOLVED_BY_CHANGE -> from == TicketKind.INCIDENT
                    && to == (this == INCIDENT_OF_PROBLEM ? TicketKind.PROBLEM : TicketKind.CHANGE);
            case PROBLEM_OF_INCIDENT, CHANGE_RESOLVES -> to == TicketKind.INCIDENT
                    && from == (this == PROBLEM_OF_INCIDENT ? TicketKind.PROBLEM : TicketKind.CHANGE);
        };
    }

    /**
     * Returns the types allowed between two kinds, for messages and user interfaces.
     *
     * @param from the kind of the ticket that holds the link
     * @param to the kind of the target
     * @return the allowed types
     */
    public static Set<LinkType> allowedBetween(TicketKind from, TicketKind to) {
        EnumSet<LinkType> allowed = EnumSet.noneOf(LinkType.class);
        for (LinkType type : values()) {
            if (type.allows(from, to)) {
                allowed.add(type);
            }
        }
        return allowed;
    }
}
