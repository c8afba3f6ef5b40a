package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import java.util.Optional;

/**
 * Something a transition does besides changing the state, described as data: the lifecycle says
 * what, the engine carries it out in the same unit of work as the transition. Immutable and
 * thread-safe.
 */
public sealed interface Action {
    /**
     * Describes the action in a few words, for documentation and diagrams.
     *
     * @return for example {@code set knownError = true}
     */
    String describe();

    /**
     * Sets a field.
     *
     * @param field a built-in or custom field's name
     * @param value the value
     * @return the action
     * @throws IllegalArgumentException if the name is not an identifier
     */
    static Action setField(String field, FieldValue value) {
        return new SetField(field, Optional.of(value));
    }

    /**
     * Clears a field.
     *
     * @param field a built-in or custom field's name
     * @return the action
     * @throws IllegalArgumentException if the name is not an identifier
     */
    static Action clearField(String field) {
        return new SetField(field, Optional.empty());
    }

    /**
     * Assigns the ticket: to a person or a system as assignee, or to a group as assignment group.
     *
     * @param party a person, a system or a group
     * @return the action
     * @throws IllegalArgumentException if the party is an organization
     */
    static Action assign(Party party) {
        return new Assign(party);
    }

    /**
     * Creates a child task of the ticket: a ticket of kind {@link dev.itsmkit.core.TicketKind#TASK} in the
     * tenant's task lifecycle ({@link Lifecycles#itilTask()} unless the catalogue says otherwise), linked
     * as a child of the ticket, with its priority, requester and service.
     *
     * @param title the task's title
     * @param group the group that works it, or empty to leave it to the ticket's group
     * @return the action
     * @throws IllegalArgumentException if the title is blank or spans lines, or the group is not a group
     */
    static Action createTask(String title, Optional<Party> group) {
        return new CreateTask(title, group);
    }

    /**
     * Sends a named notification through the outbox: an entry with the {@link dev.itsmkit.core.outbox.Notice}
     * of that name (no channel, no recipients: the notifier chooses them) about the transition's state
     * change, or about the last event recorded when the transition keeps the state. Each notify action
     * of a transition writes its own entry; two with the same name are one notification.
     *
     * @param notification the notification's name, an identifier such as {@code incident-resolved}
     * @return the action
     * @throws IllegalArgumentException if the name is not an identifier
     */
    static Action notify(String notification) {
        return new Notify(notification);
    }

    /**
     * Sets or clears a field.
     *
     * @param field the field's name
     * @param value the value, or empty to clear it
     */
    record SetField(String field, Optional<FieldValue> value) implements Action {
        /**
         * Creates the action.
         *
         * @param field the field's name, an identifier
         * @param value the value, or empty to clear it
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public SetField {
            Identifier.check("field name", field);
            requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return value.map(v -> "set " + field + " = " + v).orElse("clear " + field);
        }
    }

    /**
     * Assigns the ticket.
     *
     * @param party a person or a system (the assignee) or a group (the assignment group)
     */
    record Assign(Party party) implements Action {
        /**
         * Creates the action.
         *
         * @param party a person, a system or a group
         * @throws IllegalArgumentException if the party is an organization
         */
        public Assign {
            requireNonNull(party, "party");
            if (party.kind() == PartyKind.ORGANIZATION) {
                throw new IllegalArgumentException("a ticket is assigned to a person, a system or a group, got " + party);
            }
        }

        @Override
        public String describe() {
            return "assign to " + party;
        }
    }

    /**
     * Creates a child task; the engine opens it, linked to the ticket as its child.
     *
     * @param title the task's title, one line
     * @param group the group that works it, or empty for the ticket's own group
     */
    record CreateTask(String title, Optional<Party> group) implements Action {
        /**
         * Creates the action.
         *
         * @param title the task's title, one non-blank line
         * @param group a group, or empty
         * @throws IllegalArgumentException if the title is blank or spans lines, or the party is not a group
         */
        public CreateTask {
            requireNonNull(title, "title");
            requireNonNull(group, "group");
            if (title.isBlank() || title.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a task title is one non-blank line, got '" + Identifier.printable(title) + "'");
            }
            group.ifPresent(g -> {
                if (g.kind() != PartyKind.GROUP) {
                    throw new IllegalArgumentException("a task is created for a group, got " + g);
                }
            });
        }

        @Override
        public String describe() {
            return "create task '" + title + "'" + group.map(g -> " for " + g).orElse("");
        }
    }

    /**
     * Sends a named notification.
     *
     * @param notification the notification's name
     */
    record Notify(String notification) implements Action {
        /**
         * Creates the action.
         *
         * @param notification the notification's name, an identifier
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public Notify {
            Identifier.check("notification name", notification);
        }

        @Override
        public String describe() {
            return "notify " + notification;
        }
    }
}
