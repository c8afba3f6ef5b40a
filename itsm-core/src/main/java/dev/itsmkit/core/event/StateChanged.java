package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.internal.Identifiers;
import java.time.Instant;
import java.util.Optional;

/**
 * The ticket moved from one lifecycle state to another through a named transition.
 *
 * <p>Applying it also keeps the ticket's milestones: entering a {@link StateCategory#RESOLVED}
 * state from another category records the resolution time; leaving it for an active category (a
 * reopen) clears it; entering a {@link StateCategory#CLOSED} state records the closing time.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param from the state left: the ticket's state before, never a final one
 * @param to the state entered, another than {@code from}
 * @param transition the name of the lifecycle's transition, an identifier such as {@code resolve}
 */
public record StateChanged(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        TicketState from, TicketState to, String transition) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param from the state left
     * @param to the state entered
     * @param transition the transition's name
     * @throws IllegalArgumentException if a number is out of range, {@code from} is final, the
     *     states are equal, or the transition's name is not an identifier
     */
    public StateChanged {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        Identifiers.check("transition name", transition);
        if (from.category().isFinal()) {
            throw new IllegalArgumentException("a ticket in the final state " + from + " can no longer change state, got a "
                    + "transition " + transition + " to " + to);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a state change must change the state, got transition " + transition
                    + " from " + from + " to itself");
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also if the ticket is not in {@link #from()}
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            if (!snapshot.state().equals(from)) {
                throw Events.doesNotFollow(this, snapshot, "it leaves the state " + from + " but the ticket is in "
                        + snapshot.state());
            }
            next.state(to);
            StateCategory left = from.category();
            StateCategory entered = to.category();
            if (entered == StateCategory.RESOLVED && left != StateCategory.RESOLVED) {
                next.resolvedAt(Optional.of(at));
            } else if (left == StateCategory.RESOLVED && entered.isActive()) {
                next.resolvedAt(Optional.empty());
            }
            if (entered == StateCategory.CLOSED) {
                next.closedAt(Optional.of(at));
            }
        });
    }
}
