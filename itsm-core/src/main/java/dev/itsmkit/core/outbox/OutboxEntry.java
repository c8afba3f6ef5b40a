package dev.itsmkit.core.outbox;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the outbox, written in the same unit of work as the event it is about and delivered to
 * the notifiers after commit, at least once. It is one of two things:
 * <ul>
 *   <li>an <em>announcement</em> of the event ({@link #announcing}), without a {@linkplain #notice() notice}:
 *       the engine announces the events its announce predicate selects, and notifiers decide what, if
 *       anything, to tell whom;</li>
 *   <li>a <em>notification</em> about the event ({@link #notifying}), with the {@link Notice} that a
 *       lifecycle's notify action or an SLA notify escalation asked for: its name, and the channel and
 *       recipients if the asker chose them.</li>
 * </ul>
 *
 * <p>Its {@linkplain #idempotencyKeyOf(TicketEvent, Optional) idempotency key} is derived from the
 * event's tenant, ticket and sequence, and the notice's name and channel, so every delivery of the same
 * entry, including a redelivery after a crash and an entry written again by a retried unit of work,
 * carries the same key, and a notifier can drop the repeats; an announcement and the notifications
 * about one event, and notifications of different names or channels, have different keys.
 * Immutable and thread-safe.
 *
 * <p>An entry holds its id (as the id's own bits or text, not the id object), its event, its instant and its
 * notice; its tenant, ticket and key are read from the event and the notice when asked (the constructor checks
 * that the ones it is given are those), so an outbox that keeps entries until they are delivered and purged keeps
 * one object per entry instead of seven.
 */
public final class OutboxEntry {
    /* The id's parts (see OutboxEntryId): its 128 bits when idText is null, else its text. */
    private final long idMost;
    private final long idLeast;
    private final @Nullable String idText;
    private final TicketEvent event;
    private final Instant createdAt;
    /* The notice asked for; null for an announcement (the optional is made when asked, not kept). */
    private final @Nullable Notice notice;

    /**
     * Creates the value, checking its components.
     *
     * @param id the entry's id, the store's handle for it
     * @param tenant the tenant of the event's ticket
     * @param ticket the event's ticket
     * @param event the event announced or notified about
     * @param createdAt when the entry was written
     * @param idempotencyKey the key, which must be {@link #idempotencyKeyOf(TicketEvent, Optional)} of the
     *     event and the notice: {@code tenant/ticket/sequence} for an announcement, followed by
     *     {@link Notice#keySuffix()} for a notification
     * @param notice the notification asked for, or empty for an announcement
     * @throws IllegalArgumentException if the event belongs to another tenant or ticket, or the key is
     *     not the one derived from the event and the notice
     */
    public OutboxEntry(OutboxEntryId id, TenantId tenant, TicketId ticket, TicketEvent event, Instant createdAt,
            String idempotencyKey, Optional<Notice> notice) {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(event, "event");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(idempotencyKey, "idempotencyKey");
        requireNonNull(notice, "notice");
        if (!event.tenant().equals(tenant) || !event.ticket().equals(ticket)) {
            throw new IllegalArgumentException("an outbox entry of ticket " + ticket + " of tenant " + tenant
                    + " must announce an event of that ticket, got one of ticket " + event.ticket() + " of tenant "
                    + event.tenant());
        }
        if (!isKeyOf(idempotencyKey, event, notice)) {
            String expected = idempotencyKeyOf(event, notice);
            throw new IllegalArgumentException("the idempotency key of an outbox entry is derived from its event"
                    + (notice.isPresent() ? " and notice" : "") + ": expected " + expected + ", got " + idempotencyKey);
        }
        this.idMost = id.mostSignificantBits();
        this.idLeast = id.leastSignificantBits();
        this.idText = id.text();
        this.event = event;
        this.createdAt = createdAt;
        this.notice = notice.orElse(null);
    }

    /* An entry whose tenant, ticket and key are its event's and notice's by construction: nothing to check or build. */
    private OutboxEntry(OutboxEntryId id, TicketEvent event, Instant createdAt, @Nullable Notice notice) {
        requireNonNull(id, "id");
        this.idMost = id.mostSignificantBits();
        this.idLeast = id.leastSignificantBits();
        this.idText = id.text();
        this.event = event;
        this.createdAt = requireNonNull(createdAt, "createdAt");
        this.notice = notice;
    }

    /**
     * Returns the entry's id, the store's handle for it.
     *
     * @return the id
     */
    public OutboxEntryId id() {
        return OutboxEntryId.restore(idMost, idLeast, idText);
    }

    /**
     * Returns the tenant of the event's ticket.
     *
     * @return the event's tenant
     */
    public TenantId tenant() {
        return event.tenant();
    }

    /**
     * Returns the event's ticket.
     *
     * @return the event's ticket
     */
    public TicketId ticket() {
        return event.ticket();
    }

    /**
     * Returns the event announced, or that the notification is about.
     *
     * @return the event
     */
    public TicketEvent event() {
        return event;
    }

    /**
     * Returns when the entry was written.
     *
     * @return the instant
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns the key derived from the event and the notice: {@code tenant/ticket/sequence} for an
     * announcement, followed by {@link Notice#keySuffix()} for a notification. Made when asked: equal,
     * not identical, from one call to the next.
     *
     * @return {@link #idempotencyKeyOf(TicketEvent, Optional)} of the event and the notice
     */
    public String idempotencyKey() {
        String key = idempotencyKeyOf(event);
        return notice == null ? key : key + notice.keySuffix();
    }

    /**
     * Returns the notification asked for.
     *
     * @return the notice; empty for an announcement
     */
    public Optional<Notice> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * Tells whether another object is an entry of the same id, event, instant and notice (and so of the same
     * tenant, ticket and key).
     *
     * @param o the object
     * @return {@code true} if every component is equal
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof OutboxEntry other && idMost == other.idMost && idLeast == other.idLeast
                && Objects.equals(idText, other.idText) && createdAt.equals(other.createdAt)
                && Objects.equals(notice, other.notice) && event.equals(other.event);
    }

    /**
     * Returns a hash code of the components.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return ((id().hashCode() * 31 + event.hashCode()) * 31 + createdAt.hashCode()) * 31 + Objects.hashCode(notice);
    }

    /**
     * Describes the entry with all its components, as a record would.
     *
     * @return {@code OutboxEntry[id=..., tenant=..., ticket=..., event=..., createdAt=..., idempotencyKey=..., notice=...]}
     */
    @Override
    public String toString() {
        return "OutboxEntry[id=" + id() + ", tenant=" + tenant() + ", ticket=" + ticket() + ", event=" + event + ", createdAt="
                + createdAt + ", idempotencyKey=" + idempotencyKey() + ", notice=" + notice() + "]";
    }

    /**
     * Creates an announcement, an entry without a notice.
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
    public OutboxEntry(OutboxEntryId id, TenantId tenant, TicketId ticket, TicketEvent event, Instant createdAt,
            String idempotencyKey) {
        this(id, tenant, ticket, event, createdAt, idempotencyKey, Optional.empty());
    }

    /**
     * Returns the entry that announces an event, with the key derived from it.
     *
     * @param id the entry's id
     * @param event the event
     * @param createdAt when the entry is written
     * @return the entry, without a notice
     */
    public static OutboxEntry announcing(OutboxEntryId id, TicketEvent event, Instant createdAt) {
        requireNonNull(event, "event");
        return new OutboxEntry(id, event, createdAt, null);
    }

    /**
     * Returns the entry that asks the notifiers for a notification about an event, with the key derived
     * from both.
     *
     * @param id the entry's id
     * @param event the event the notification is about
     * @param notice the notification asked for
     * @param createdAt when the entry is written
     * @return the entry
     */
    public static OutboxEntry notifying(OutboxEntryId id, TicketEvent event, Notice notice, Instant createdAt) {
        requireNonNull(event, "event");
        return new OutboxEntry(id, event, createdAt, requireNonNull(notice, "notice"));
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

    /**
     * Derives the idempotency key of an entry about an event: the {@linkplain #idempotencyKeyOf(TicketEvent)
     * announcement's key}, followed for a notification by {@link Notice#keySuffix()}: for example
     * {@code acme/4f1c.../7/incident-resolved} or {@code acme/4f1c.../9/sla-breached/pager}. As no
     * part holds a slash, the key names exactly one announcement or one notification (by name and
     * channel) of one event. The format never changes: notifiers may have stored keys.
     *
     * @param event the event
     * @param notice the notification asked for, or empty for an announcement
     * @return the key, at most 535 ASCII characters
     */
    public static String idempotencyKeyOf(TicketEvent event, Optional<Notice> notice) {
        requireNonNull(notice, "notice");
        String key = idempotencyKeyOf(event);
        return notice.isEmpty() ? key : key + notice.get().keySuffix();
    }

    /*
     * Whether a key equals idempotencyKeyOf(event, notice), compared piece by piece without building
     * that string: every entry is checked when it is made, and most are made with the very key derived.
     */
    private static boolean isKeyOf(String key, TicketEvent event, Optional<Notice> notice) {
        int at = piece(key, 0, event.tenant().value());
        at = at < 0 ? at : piece(key, at, event.ticket().value());
        if (at < 0) {
            return false;
        }
        // the sequence: as many digits as Long.toString writes, with the same value
        int end = key.indexOf('/', at);
        if (end < 0) {
            end = key.length();
        }
        long sequence = event.sequence();
        if (end - at != digits(sequence)) {
            return false;
        }
        long value = 0;
        for (int i = at; i < end; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        if (value != sequence) {
            return false;
        }
        if (notice.isEmpty()) {
            return end == key.length();
        }
        Notice n = notice.get();
        if (end == key.length() || key.charAt(end) != '/' || !key.startsWith(n.name(), end + 1)) {
            return false;
        }
        int afterName = end + 1 + n.name().length();
        if (n.channel().isEmpty()) {
            return afterName == key.length();
        }
        String channel = n.channel().get();
        return afterName + 1 + channel.length() == key.length() && key.charAt(afterName) == '/'
                && key.startsWith(channel, afterName + 1);
    }

    /* The index after {@code part} and a slash at {@code at} of the key, or -1 if they are not there. */
    private static int piece(String key, int at, String part) {
        int slash = at + part.length();
        return slash < key.length() && key.charAt(slash) == '/' && key.startsWith(part, at) ? slash + 1 : -1;
    }

    /* The number of decimal digits of a positive number. */
    private static int digits(long value) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }
}
