package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;

/**
 * A state of a ticket's lifecycle: its name, as the lifecycle calls it, and what it means.
 *
 * @param name the state's name within its lifecycle, for example {@code IN_PROGRESS}; an identifier
 *     (letters, digits and {@code . _ : @ -}, 1 to 128 characters)
 * @param category what the state means, for SLA policies, reports and queries
 */
public record TicketState(String name, StateCategory category) {
    /**
     * Creates the value, checking its components.
     *
     * @param name the state's name within its lifecycle, for example {@code IN_PROGRESS}; an identifier (letters, digits and {@code . _ : @ -}, 1 to 128 characters) 
     * @param category what the state means, for SLA policies, reports and queries
     */
    public TicketState {
        Identifiers.check("state name", name);
        requireNonNull(category, "category");
    }

    /**
     * Returns the state with this name and category.
     *
     * @param name the state's name
     * @param category what it means
     * @return the state
     * @throws IllegalArgumentException if {@code name} is not a valid identifier
     */
    public static TicketState of(String name, StateCategory category) {
        return new TicketState(name, category);
    }

    @Override
    public String toString() {
        return name + "(" + category + ")";
    }
}
