package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SLA conditions can see of a ticket: its state (with its category), its priority and its
 * fields. The SLA engine knows no lifecycle; it sees tickets only through this view.
 * Implementations must be immutable.
 *
 * <p>Beside its built-in and custom fields, {@link #of(Ticket)} shows a few facts of the ticket as
 * derived fields, so that conditions can decide which policy applies and when a clock resets:
 * {@value #KIND}, {@value #REQUESTER} (the customer), {@value #ASSIGNEE}, {@value #ASSIGNMENT_GROUP}
 * and {@value #LAST_PUBLIC_UPDATE}. The affected service is the built-in field {@code service}. A
 * ticket's own field of one of these names (a custom field) is shown instead of the derived one.
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
     * The name under which {@link #of(Ticket)} shows the ticket's kind, as text holding the constant's
     * name ({@code INCIDENT}), unless the ticket has a field of that name. See {@link Condition#kind}.
     */
    String KIND = "kind";
    /**
     * The name under which {@link #of(Ticket)} shows the ticket's requester, the customer who asked,
     * as text ({@code person:alice}, {@code organization:acme}), unless the ticket has a field of that
     * name. See {@link Condition#requester}.
     */
    String REQUESTER = "requester";
    /**
     * The name under which {@link #of(Ticket)} shows when the customer was last given an update: the
     * instant ({@link FieldValue.Timestamp}) of the newest {@linkplain JournalEntryKind#PUBLIC_COMMENT
     * public comment} whose author is not the ticket's requester; not set while there is none, and
     * not shown if the ticket has a field of that name. A next-update target resets on its change:
     * {@code SlaTarget.builder("nextUpdate").resetOnChangeOf(TicketView.LAST_PUBLIC_UPDATE)}.
     */
    String LAST_PUBLIC_UPDATE = "lastPublicUpdate";

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
     * Returns the view of a ticket snapshot: its fields, and the derived fields {@value #KIND},
     * {@value #REQUESTER}, {@value #ASSIGNEE}, {@value #ASSIGNMENT_GROUP} and
     * {@value #LAST_PUBLIC_UPDATE}, each unless the ticket has a field of that name.
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
                if (value.isPresent()) {
                    return value;
                }
                return switch (name) {
                    case ASSIGNEE -> ticket.assignee().map(party -> FieldValue.of(party.toString()));
                    case ASSIGNMENT_GROUP -> ticket.assignmentGroup().map(party -> FieldValue.of(party.toString()));
                    case KIND -> Optional.of(FieldValue.of(ticket.kind().name()));
                    case REQUESTER -> Optional.of(FieldValue.of(ticket.requester().toString()));
                    case LAST_PUBLIC_UPDATE -> lastPublicUpdate(ticket);
                    default -> value;
                };
            }

            @Override
            public String toString() {
                return ticket.toString();
            }
        };
    }

    /* The newest public comment not written by the requester, searched from the end of the journal. */
    private static Optional<FieldValue> lastPublicUpdate(Ticket ticket) {
        List<JournalEntry> journal = ticket.journal();
        for (int i = journal.size() - 1; i >= 0; i--) {
            JournalEntry entry = journal.get(i);
            if (entry.kind().isPublic() && !entry.author().equals(ticket.requester())) {
                return Optional.of(FieldValue.of(entry.at()));
            }
        }
        return Optional.empty();
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
