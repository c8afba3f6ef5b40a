package dev.itsmkit.core.outbox;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.internal.Identifiers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a notification asks for: which notification (its name, such as {@code incident-resolved}), on
 * which channel (such as {@code email} or {@code pager}, if the asker named one) and to whom (none
 * named means the notifier decides, for example from the ticket's requester and assignee). A lifecycle's
 * notify action asks for a notice by name; an SLA policy's notify escalation asks for one with a channel
 * and recipients. The application maps names and channels to templates and transports: ITSM Kit only
 * carries the request to the notifiers through the outbox ({@link OutboxEntry#notifying}).
 *
 * <p>The name and the channel tell notices of one event apart, so they are part of the outbox entry's
 * idempotency key ({@link #keySuffix()}); the recipients are not: two notices of one event with the same
 * name and channel are one notification, and a notifier keeps only the first it sees.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the notification's name, an identifier
 * @param channel the channel to send it through, an identifier, if the asker chose one
 * @param recipients whom to tell, in order and without repeats; empty when the notifier decides
 */
public record Notice(String name, Optional<String> channel, List<Party> recipients) {
    /**
     * Creates the value, checking its components.
     *
     * @param name the notification's name, an identifier
     * @param channel the channel's name, an identifier, if any
     * @param recipients whom to tell, without repeats, copied; may be empty
     * @throws IllegalArgumentException if the name or the channel is not an identifier, or a recipient repeats
     */
    public Notice {
        Identifiers.check("notification name", name);
        requireNonNull(channel, "channel");
        channel.ifPresent(c -> Identifiers.check("notification channel", c));
        recipients = List.copyOf(recipients);
        if (recipients.size() > 1 && new java.util.HashSet<>(recipients).size() != recipients.size()) {
            throw new IllegalArgumentException("the recipients of notification " + name + " must differ, got " + recipients);
        }
    }

    /**
     * Returns a notice of a notification by name alone: the notifier chooses channel and recipients.
     *
     * @param name the notification's name, an identifier
     * @return the notice
     * @throws IllegalArgumentException if {@code name} is not an identifier
     */
    public static Notice named(String name) {
        return new Notice(name, Optional.empty(), List.of());
    }

    /**
     * Returns a notice of a notification to parties through a channel.
     *
     * @param name the notification's name, an identifier
     * @param channel the channel's name, an identifier
     * @param recipients whom to tell, without repeats
     * @return the notice
     * @throws IllegalArgumentException if the name or the channel is not an identifier, or a recipient repeats
     */
    public static Notice of(String name, String channel, Party... recipients) {
        requireNonNull(channel, "channel");
        return new Notice(name, Optional.of(channel), Arrays.asList(recipients));
    }

    /**
     * Returns what this notice adds to the idempotency key of the event it is about:
     * {@code /name}, or {@code /name/channel} with a channel. Neither part can hold a slash, so the
     * number of parts tells the two forms apart, and the suffix never changes (notifiers may have stored keys).
     *
     * @return the suffix, starting with a slash
     */
    public String keySuffix() {
        return channel.isPresent() ? "/" + name + "/" + channel.get() : "/" + name;
    }

    @Override
    public String toString() {
        return name + channel.map(c -> " by " + c).orElse("") + (recipients.isEmpty() ? "" : " to " + recipients);
    }
}
