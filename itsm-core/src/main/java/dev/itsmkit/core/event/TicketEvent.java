package dev.itsmkit.core.event;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.time.Instant;

/**
 * Something that happened to a ticket. Every event names the tenant and ticket it belongs to, the
 * party that acted, when, its place in the ticket's trail and the ticket version it produced.
 *
 * <p>The {@link #sequence()} counts a ticket's events from 1 without gaps, across all its events.
 * The {@link #version()} is the ticket's version after the command that produced the event: all
 * events of one command share it, and the first event, {@link TicketCreated}, has version 1. The SLA
 * events ({@link SlaWarned}, {@link SlaBreached}) are produced by the timer engine, not by a command:
 * they carry the version they observed and do not change the snapshot. Since every version is made
 * by at least one event, an event's sequence is never below its version.
 *
 * <p>Events are immutable records and thread-safe. A new kind of fact is a new event type, never a
 * new component of an existing one.
 */
public sealed interface TicketEvent permits TicketCreated, StateChanged, FieldsChanged, Assigned, PriorityChanged,
        Linked, Unlinked, Commented, ApprovalRequested, ApprovalDecided, SlaWarned, SlaBreached {

    /**
     * Returns the tenant that owns the ticket.
     *
     * @return the tenant
     */
    TenantId tenant();

    /**
     * Returns the ticket the event happened to.
     *
     * @return the ticket's id
     */
    TicketId ticket();

    /**
     * Returns who acted: a person, or a system such as {@link Party#ITSM_KIT} for the timer engine.
     *
     * @return the actor
     */
    Party actor();

    /**
     * Returns when it happened.
     *
     * @return the instant, from the engine's clock
     */
    Instant at();

    /**
     * Returns the event's place in the ticket's trail.
     *
     * @return 1 for the first event of a ticket, one more for each next event
     */
    long sequence();

    /**
     * Returns the ticket's version after the command that produced the event, or, for an SLA event,
     * the version it observed.
     *
     * @return 1 or more
     */
    long version();

    /**
     * Applies the event to the snapshot it follows, giving the snapshot after it: the snapshot the
     * engine saved when it produced the event.
     *
     * <p>The event must belong to the snapshot's ticket and follow it: its version is the
     * snapshot's or the next, and the values it says were there before are there. The new snapshot
     * carries the event's version and its instant as the update time; SLA events return the
     * snapshot unchanged.
     *
     * @param snapshot the ticket as it stood before the event
     * @return the ticket as it stands after it
     * @throws IllegalStateException if the event belongs to another ticket or tenant, or does not
     *     follow this snapshot (another version, a value before that differs, a change the
     *     ticket's rules refuse), or is a {@link TicketCreated}, which starts a ticket instead
     */
    Ticket applyTo(Ticket snapshot);
}
