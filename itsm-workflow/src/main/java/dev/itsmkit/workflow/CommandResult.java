package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketEvent;
import java.util.List;

/**
 * What a command did: the ticket as it stands after it, the events it recorded, the other tickets
 * it changed in the same unit of work (the mirror of a link, a task a transition created, the
 * children a parent resolved), and — after a ticket was resolved — its children that are still
 * open, so the caller can offer to resolve them ({@link ServiceDesk#transitionWithChildren}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CommandResult {
    private final Ticket ticket;
    private final List<TicketEvent> events;
    private final List<Ticket> alsoChanged;
    private final List<Ticket> openChildren;

    /**
     * Creates a result.
     *
     * @param ticket the ticket the command named (or opened), as it stands after the command
     * @param events the events recorded for that ticket, in sequence order; empty if the command changed nothing
     * @param alsoChanged the other tickets the command changed or opened, as they stand after it
     * @param openChildren the ticket's children that are neither resolved nor in a final state,
     *     reported when the command resolved the ticket; otherwise empty
     */
    public CommandResult(Ticket ticket, List<TicketEvent> events, List<Ticket> alsoChanged, List<Ticket> openChildren) {
        this.ticket = requireNonNull(ticket, "ticket");
        this.events = List.copyOf(events);
        this.alsoChanged = List.copyOf(alsoChanged);
        this.openChildren = List.copyOf(openChildren);
    }

    /**
     * Returns the ticket as it stands after the command.
     *
     * @return the new snapshot, or the unchanged one if the command changed nothing
     */
    public Ticket ticket() {
        return ticket;
    }

    /**
     * Returns the events the command recorded for its ticket, including the SLA warnings and
     * breaches the change brought to light.
     *
     * @return the events in sequence order; unmodifiable; empty if the command changed nothing
     */
    public List<TicketEvent> events() {
        return events;
    }

    /**
     * Tells whether the command changed anything (a comment always does; an assignment to the
     * current assignee does not).
     *
     * @return {@code true} if it recorded at least one event
     */
    public boolean changed() {
        return !events.isEmpty();
    }

    /**
     * Returns the other tickets the command changed or opened in the same unit of work.
     *
     * @return their snapshots after the command; unmodifiable
     */
    public List<Ticket> alsoChanged() {
        return alsoChanged;
    }

    /**
     * Returns the children of the ticket that are still open after the command resolved it: the
     * targets of its {@link dev.itsmkit.core.LinkType#PARENT_OF} links that are neither resolved nor
     * in a final state. Empty unless the command moved the ticket into a resolved state.
     *
     * @return the open children's snapshots; unmodifiable
     */
    public List<Ticket> openChildren() {
        return openChildren;
    }

    @Override
    public String toString() {
        return "CommandResult[" + ticket.number() + " v" + ticket.version() + ", " + events.size() + " events, "
                + alsoChanged.size() + " other tickets changed, " + openChildren.size() + " open children]";
    }
}
