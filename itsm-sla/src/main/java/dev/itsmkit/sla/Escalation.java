package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import java.util.Arrays;
import java.util.List;

/**
 * An action to take when an SLA clock crosses a threshold (a warning or the breach): notify someone,
 * reassign the ticket, or raise its priority. A target attaches escalations to its thresholds with
 * {@link SlaTarget.Builder#escalateAt(int, Escalation...)}; the SLA engine hands them over on each
 * {@link SlaCrossing}, and whoever executes crossings (the workflow engine) carries them out. The SLA
 * model only describes them: it never sends, reassigns or changes anything itself.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface Escalation {
    /**
     * Returns an action that notifies parties through a channel.
     *
     * @param channel the notification channel's name, an identifier such as {@code email} or {@code pager}
     * @param recipients who to notify, at least one
     * @return the action
     * @throws IllegalArgumentException if the channel is not an identifier or there is no recipient
     */
    static Notify notify(String channel, Party... recipients) {
        return new Notify(channel, Arrays.asList(recipients));
    }

    /**
     * Returns an action that reassigns the ticket.
     *
     * @param assignee the group or party to assign it to
     * @return the action
     */
    static Reassign reassign(Party assignee) {
        return new Reassign(assignee);
    }

    /**
     * Returns an action that raises the ticket's priority towards P1.
     *
     * @param levels how many levels to raise it by, 1 or more
     * @return the action
     * @throws IllegalArgumentException if {@code levels} is below 1
     */
    static RaisePriority raisePriority(int levels) {
        return new RaisePriority(levels);
    }

    /**
     * Notify parties through a named channel (e-mail, chat, pager: the application maps names to channels).
     *
     * @param channel the channel's name, an identifier
     * @param recipients who to notify, at least one, in order, without repeats
     */
    record Notify(String channel, List<Party> recipients) implements Escalation {
        /**
         * Creates the value, checking its components.
         *
         * @param channel the channel's name, an identifier
         * @param recipients who to notify, at least one, copied
         * @throws IllegalArgumentException if the channel is not an identifier, there is no recipient or one repeats
         */
        public Notify {
            Identifier.check("notification channel", channel);
            recipients = List.copyOf(recipients);
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("a notification on channel " + channel + " needs at least one recipient");
            }
            if (recipients.stream().distinct().count() != recipients.size()) {
                throw new IllegalArgumentException("the recipients of a notification must differ, got " + recipients);
            }
        }

        @Override
        public String toString() {
            return "notify " + recipients + " by " + channel;
        }
    }

    /**
     * Assign the ticket to another group or party.
     *
     * @param assignee the group or party to assign the ticket to
     */
    record Reassign(Party assignee) implements Escalation {
        /**
         * Creates the value, checking its components.
         *
         * @param assignee the group or party
         */
        public Reassign {
            requireNonNull(assignee, "assignee");
        }

        @Override
        public String toString() {
            return "reassign to " + assignee;
        }
    }

    /**
     * Raise the ticket's priority by a number of levels towards P1, never above P1.
     *
     * @param levels how many levels, 1 or more
     */
    record RaisePriority(int levels) implements Escalation {
        /**
         * Creates the value, checking its components.
         *
         * @param levels how many levels, 1 or more
         * @throws IllegalArgumentException if {@code levels} is below 1
         */
        public RaisePriority {
            if (levels < 1) {
                throw new IllegalArgumentException("a priority is raised by 1 level or more, got " + levels);
            }
        }

        /**
         * Returns the priority this action gives a ticket of a priority.
         *
         * @param current the ticket's priority
         * @return the priority {@code levels} higher, and P1 at most
         */
        public Priority applyTo(Priority current) {
            return Priority.of(Math.max(1, current.level() - levels));
        }

        @Override
        public String toString() {
            return "raise priority by " + levels;
        }
    }
}
