package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;

/**
 * A state of a lifecycle: its name, what it means, and whether tickets start in it.
 *
 * @param name the state's name, an {@linkplain Identifier identifier} such as {@code IN_PROGRESS}
 * @param category what the state means, for SLA policies, reports and queries
 * @param initial whether a new ticket starts in this state; a lifecycle has exactly one such state
 */
public record LifecycleState(String name, StateCategory category, boolean initial) {
    /**
     * Creates the value, checking its components.
     *
     * @param name the state's name, an identifier
     * @param category what the state means
     * @param initial whether a new ticket starts in this state
     * @throws IllegalArgumentException if {@code name} is not a valid identifier
     */
    public LifecycleState {
        Identifier.check("state name", name);
        requireNonNull(category, "category");
    }

    /**
     * Returns the state as a ticket carries it.
     *
     * @return the name and category as a {@link TicketState}
     */
    public TicketState ticketState() {
        return TicketState.of(name, category);
    }
}
