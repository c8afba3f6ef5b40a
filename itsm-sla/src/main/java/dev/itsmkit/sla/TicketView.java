package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketState;
import java.util.Map;
import java.util.Optional;

/**
 * What SLA conditions can see of a ticket: its state (with its category), its priority and its
 * fields. The SLA engine knows no lifecycle; it sees tickets only through this view.
 * Implementations must be immutable.
 */
public interface TicketView {
    /**
     * The name under which {@link #of(Ticket)} shows the ticket's assignee, as text ({@code person:alice}),
     * unless the ticket has a field of that name: SLA conditions and resets can then follow assignment.
     */
    String ASSIGNEE = "assignee";
    /**
     * The name under which {@link #of(Ticket)} shows the ticket's assignment group, as text
     * ({@code group:network}), unless the ticket has a field of that name.
     */
    String ASSIGNMENT_GROUP = "assignmentGroup";

    /**
     * Returns the ticket's state.
     *
     * @return the state and its category
     */
    TicketState state();

    /**
     * Returns the ticket's priority.
     *
     * @return the priority in effect
     */
    Priority priority();

    /**
     * Reads a field by name.
     *
     * @param name a built-in or custom field's name
     * @return its value, or empty if not set
     */
    Optional<FieldValue> field(String name);

    /**
     * Returns the view of a ticket snapshot: its fields, and its assignee and assignment group as the
     * text fields {@value #ASSIGNEE} and {@value #ASSIGNMENT_GROUP}.
     *
     * @param ticket the ticket
     * @return a view that reads the ticket
     */
    static TicketView of(Ticket ticket) {
        requireNonNull(ticket, "ticket");
        return new TicketView() {
            @Override
            public TicketState state() {
                return ticket.state();
            }

            @Override
            public Priority priority() {
                return ticket.priority();
            }

            @Override
            public Optional<FieldValue> field(String name) {
                Optional<FieldValue> value = ticket.field(name);
                if (value.isEmpty() && name.equals(ASSIGNEE)) {
                    return ticket.assignee().map(party -> FieldValue.of(party.toString()));
                }
                if (value.isEmpty() && name.equals(ASSIGNMENT_GROUP)) {
                    return ticket.assignmentGroup().map(party -> FieldValue.of(party.toString()));
                }
                return value;
            }

            @Override
            public String toString() {
                return ticket.toString();
            }
        };
    }

    /**
     * Returns a view of given values, for timelines that are not made of tickets (scenario files, tests).
     *
     * @param state the state
     * @param priority the priority
     * @param fields the fields by name, copied
     * @return the view
     */
    static TicketView of(TicketState state, Priority priority, Map<String, FieldValue> fields) {
        requireNonNull(state, "state");
        requireNonNull(priority, "priority");
        Map<String, FieldValue> copy = Map.copyOf(fields);
        return new TicketView() {
            @Override
            public TicketState state() {
                return state;
            }

            @Override
            public Priority priority() {
                return priority;
            }

            @Override
            public Optional<FieldValue> field(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public String toString() {
                return state + " " + priority + " " + copy;
            }
        };
    }
}
