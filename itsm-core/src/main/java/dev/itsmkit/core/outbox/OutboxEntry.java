package dev.itsmkit.core.outbox;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import java.time.Instant;

/**
 * An announcement of a ticket event, written to the outbox in the same unit of work as the event
 * and delivered to the notifiers after commit, at least once.
 *
 * <p>Its {@linkplain #idempotencyKeyOf(TicketEvent) idempotency key} is derived from the event's
 * tenant, ticket and sequence, so every delivery of the same announcement, including a redelivery
 * after a crash and an entry written again by a retried unit of work, carries the same key, and a
 * notifier can drop the repeats. Immutable and thread-safe.
 *
 * @param id the entry's id, the store's handle for it
 * @param tenant the tenant of the event's ticket
 * @param ticket the event's ticket
 * @param event the event announced
 * @param createdAt when the entry was written
 * @param idempotencyKey the key derived from the event, {@code tenant/ticket/sequence}
 */
public record OutboxEntry(OutboxEntryId id, TenantId tenant, TicketId ticket, TicketEvent event, Instant createdAt,
        String idempotencyKey) {
    /**
     * Creates the value, checking its components.
     *
     * @param id the entry's id
     * @param tenant the tenant of the event's ticket
     * @param ticket the event's ticket
     * @param event the event announced
     * @param createdAt when the entry was written
     * @param idempotencyKey the key, which must be {@link #idempotencyKeyOf(TicketEvent)} of the event
     * @throws IllegalArgumentException if the event belongs to another tenant or ticket, or the key is
     *     not the one derived from it
     */
    public OutboxEntry {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(event, "event");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(idempotencyKey, "idempotencyKey");
        if (!event.tenant().equals(tenant) || !event.ticket().equals(ticket)) {
            throw new IllegalArgumentException("an outbox entry of ticket " + ticket + " of tenant " + tenant
                    + " must announce an event of that ticket, got one of ticket " + event.ticket() + " of tenant "
                    + event.tenant());
        }
        String expected = idempotencyKeyOf(event);
        if (!idempotencyKey.equals(expected)) {
            throw new IllegalArgumentException("the idempotency key of an outbox entry is derived from its event: expected "
                    + expected + ", got " + idempotencyKey);
        }
    }

    /**
     * Returns the entry that announces an event, with the key derived from it.
     *
     * @param id the entry's id
     * @param event the event
     * @param createdAt when the entry is written
     * @return the entry
     */
    public static OutboxEntry announcing(OutboxEntryId id, TicketEvent event, Instant createdAt) {
        requireNonNull(event, "event");
        return new OutboxEntry(id, event.tenant(), event.ticket(), event, createdAt, idempotencyKeyOf(event));
    }

    /**
     * Derives the idempotency key of an event's announcement: {@code tenant/ticket/sequence}, for
     * example {@code acme/4f1c.../7}. The slash cannot occur in an id, so the key names exactly one
     * event of one ticket of one tenant. The format never changes: notifiers may have stored keys.
     *
     * @param event the event
     * @return the key, at most 277 ASCII characters
     */
    public static String idempotencyKeyOf(TicketEvent event) {
        requireNonNull(event, "event");
        return event.tenant().value() + "/" + event.ticket().value() + "/" + event.sequence();
    }
}
