package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A state of a lifecycle: its name, what it means, whether tickets start in it, and the fields that
 * are locked while a ticket is in it.
 *
 * <p>A <b>locked field</b> cannot be changed by hand while the ticket is in the state: neither by
 * {@code UpdateFields}, nor by the fields a {@code TransitionTicket} carries (which are set while the
 * ticket is still in its state, before the guards run), nor, in the initial state, by the fields of
 * {@code OpenTicket}. The desk refuses such a command with a {@link CommandRefusedException} of rule
 * {@link CommandRefusedException#LOCKED_FIELD} and writes nothing; setting a field to the value it
 * already has is no change and is allowed. The lifecycle's own {@linkplain Action#setField actions}
 * may still set a locked field: that is how a field only a guarded transition may set is made (the
 * change lifecycle's go/no-go, a problem's {@code knownError}). Locks make guards hold after the
 * transition too: the change advisory board approves a planned window that cannot move afterwards.
 *
 * @param name the state's name, an {@linkplain Identifier identifier} such as {@code IN_PROGRESS}
 * @param category what the state means, for SLA policies, reports and queries
 * @param initial whether a new ticket starts in this state; a lifecycle has exactly one such state
 * @param lockedFields the names of the fields locked in this state (built-in or custom fields the
 *     lifecycle declares, checked when the lifecycle is built); sorted, unmodifiable
 */
public record LifecycleState(String name, StateCategory category, boolean initial, Set<String> lockedFields) {
    /**
     * Creates the value, checking its components.
     *
     * @param name the state's name, an identifier
     * @param category what the state means
     * @param initial whether a new ticket starts in this state
     * @param lockedFields the fields locked in this state, copied and sorted
     * @throws IllegalArgumentException if {@code name} is not a valid identifier
     */
    public LifecycleState {
        Identifier.check("state name", name);
        requireNonNull(category, "category");
        lockedFields = sorted(requireNonNull(lockedFields, "lockedFields"));
    }

    /**
     * Creates a state that locks no field.
     *
     * @param name the state's name, an identifier
     * @param category what the state means
     * @param initial whether a new ticket starts in this state
     * @throws IllegalArgumentException if {@code name} is not a valid identifier
     */
    public LifecycleState(String name, StateCategory category, boolean initial) {
        this(name, category, initial, Set.of());
    }

    /**
     * Returns this state with more fields locked.
     *
     * @param fields the fields to lock besides those locked already
     * @return the state locking both
     */
    public LifecycleState withLockedFields(Collection<String> fields) {
        TreeSet<String> all = new TreeSet<>(lockedFields);
        for (String field : requireNonNull(fields, "fields")) {
            all.add(requireNonNull(field, "field"));
        }
        return new LifecycleState(name, category, initial, all);
    }

    /**
     * Returns the state as a ticket carries it.
     *
     * @return the name and category as a {@link TicketState}
     */
    public TicketState ticketState() {
        return TicketState.of(name, category);
    }

    private static Set<String> sorted(Set<String> fields) {
        if (fields.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> copy = new TreeSet<>();
        for (String field : fields) {
            copy.add(requireNonNull(field, "field"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
