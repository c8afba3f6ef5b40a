package dev.itsmkit.workflow.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The changes one command (or one fired timer) makes to one ticket: the snapshot it started from,
 * the events recorded so far and the snapshot they lead to. Each event is applied as it is
 * recorded, so the next rule sees the ticket as the earlier events left it, and the final snapshot
 * is by construction the replay of the trail. Not thread-safe: it lives inside one attempt.
 */
final class TicketChange {
    /** Makes an event with the sequence and version it is given. */
    @FunctionalInterface
    interface EventMaker {
        TicketEvent make(long sequence, long version);
    }

    private final @Nullable Ticket before;
    private Ticket current;
    private long nextSequence;
    private final long changeVersion;
    private final List<TicketEvent> events = new ArrayList<>(4);
    // The notifications asked for, in order; null until the first, as most changes ask for none.
    private @Nullable List<Notification> notifications;

    /** A notification asked for about one of this change's events. */
    record Notification(TicketEvent event, Notice notice) {}

    private TicketChange(@Nullable Ticket before, Ticket current, long lastSequence) {
        this.before = before;
        this.current = current;
        this.nextSequence = lastSequence + 1;
        this.changeVersion = before == null ? 1 : before.version() + 1;
    }

    static TicketChange of(Ticket before, long lastSequence) {
        return new TicketChange(requireNonNull(before, "before"), before, lastSequence);
    }

    static TicketChange created(TicketCreated created) {
        TicketChange change = new TicketChange(null, created.snapshot(), 1);
        change.events.add(created);
        return change;
    }

    /** The snapshot before the change, or null for a ticket the change creates. */
    @Nullable Ticket before() {
        return before;
    }

    Ticket current() {
        return current;
    }

    List<TicketEvent> events() {
        return events;
    }

    /** The notifications asked for, in the order asked; empty if none. */
    List<Notification> notifications() {
        return notifications == null ? List.of() : notifications;
    }

    boolean isNew() {
        return before == null;
    }

    /** Whether the snapshot changed (SLA events alone do not change it). */
    boolean snapshotChanged() {
        return before == null || current.version() != before.version();
    }

    long expectedVersion() {
        return before == null ? 0 : before.version();
    }

    /** Records a change event, which carries the version this change produces. */
    TicketEvent record(EventMaker maker) {
        return add(maker.make(nextSequence, changeVersion));
    }

    /** The version the change events of this change carry. */
    long changeVersion() {
        return changeVersion;
    }

    /**
     * Records a change event whose result the caller has built already, with the very builder steps its
     * {@code applyTo} takes from the current snapshot (so the result is equal to the replay): setting fields
     * builds the ticket once to refuse a bad value, and need not build it a second time.
     */
    TicketEvent recordApplied(EventMaker maker, Ticket applied) {
        TicketEvent event = maker.make(nextSequence, changeVersion);
        current = applied;
        events.add(event);
        nextSequence++;
        return event;
    }

    /** Records an SLA event, which carries the version it observes. */
    TicketEvent observe(EventMaker maker) {
        return add(maker.make(nextSequence, current.version()));
    }

    private TicketEvent add(TicketEvent event) {
        current = event.applyTo(current);
        events.add(event);
        nextSequence++;
        return event;
    }

    /**
     * Asks for a notification about one of this change's events. A second notice of the same event
     * (by identity: an event's own equals walks all its values) with the same name and channel would
     * have the same idempotency key, and a notifier would drop it: it is merged into the first, which
     * then tells the recipients of both.
     */
    void notify(TicketEvent event, Notice notice) {
        if (notifications == null) {
            notifications = new ArrayList<>(2);
        }
        for (int i = 0; i < notifications.size(); i++) {
            Notification earlier = notifications.get(i);
            Notice asked = earlier.notice();
            if (earlier.event() == event && asked.name().equals(notice.name()) && asked.channel().equals(notice.channel())) {
                List<Party> recipients = new ArrayList<>(asked.recipients());
                notice.recipients().stream().filter(r -> !recipients.contains(r)).forEach(recipients::add);
                notifications.set(i, new Notification(event, new Notice(asked.name(), asked.channel(), recipients)));
                return;
            }
        }
        notifications.add(new Notification(event, notice));
    }

    /** The changes that setting fields would make; empty if none. */
    List<FieldChange> changesTo(Map<String, Optional<FieldValue>> values) {
        return current.changesTo(values);
    }
}
