package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Ticket;
import java.security.MessageDigest;
import java.util.List;

/**
 * Applies, replays and encodes ticket events. Stateless and thread-safe.
 */
public final class TicketEvents {
    /**
     * The prefix of every {@linkplain #canonicalForm(TicketEvent) canonical form} of this format.
     * A future format gets another prefix; this one never changes.
     */
    public static final String CANONICAL_FORM_PREFIX = "v1|";

    private TicketEvents() {}

    /**
     * Applies an event to the snapshot it follows; the same as {@link TicketEvent#applyTo(Ticket)}.
     *
     * @param snapshot the ticket before the event
     * @param event the event
     * @return the ticket after it
     * @throws IllegalStateException if the event does not belong to the snapshot or does not follow it
     */
    public static Ticket apply(Ticket snapshot, TicketEvent event) {
        requireNonNull(snapshot, "snapshot");
        return requireNonNull(event, "event").applyTo(snapshot);
    }

    /**
     * Rebuilds a ticket from its whole trail: the snapshot of its {@link TicketCreated} event, with
     * every later event applied in order. The result equals the snapshot the engine saved after
     * the last event.
     *
     * @param events the ticket's events, from its creation on; sequences 1, 2, 3 and so on
     * @return the ticket after the last event
     * @throws IllegalArgumentException if there is no event
     * @throws IllegalStateException if the first event is not a {@link TicketCreated}, the
     *     sequences have a gap or are out of order, or an event does not follow the snapshot
     *     before it
     */
    public static Ticket replay(List<? extends TicketEvent> events) {
        requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a ticket's trail starts with TicketCreated; got no event");
        }
        if (!(events.get(0) instanceof TicketCreated created)) {
            throw new IllegalStateException("a ticket's trail starts with TicketCreated; got " + Events.describe(events.get(0)));
        }
        return replay(created.snapshot(), 1, events.subList(1, events.size()));
    }

    /**
     * Continues a ticket from a snapshot with the events after it, as a store does that keeps
     * snapshots and the events since.
     *
     * @param snapshot the ticket after the event of sequence {@code lastSequence}
     * @param lastSequence the sequence of the last event the snapshot includes, 1 or more
     * @param later the events after it, with sequences {@code lastSequence + 1} and on
     * @return the ticket after the last event, or {@code snapshot} if there is none
     * @throws IllegalArgumentException if {@code lastSequence} is below 1
     * @throws IllegalStateException if the sequences have a gap or are out of order, or an event
     *     does not follow the snapshot before it
     */
    public static Ticket replay(Ticket snapshot, long lastSequence, List<? extends TicketEvent> later) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(later, "later");
        if (lastSequence < 1) {
            throw new IllegalArgumentException("an event's sequence counts from 1, got lastSequence " + lastSequence);
        }
        Ticket ticket = snapshot;
        long expected = lastSequence + 1;
        for (TicketEvent event : later) {
            requireNonNull(event, "event");
            if (event.sequence() != expected) {
                throw new IllegalStateException("the trail of ticket " + snapshot.number() + " has a gap or is out of order: "
                        + "expected the event of sequence " + expected + ", got " + Events.describe(event));
            }
            ticket = event.applyTo(ticket);
            expected++;
        }
        return ticket;
    }

    /**
     * Encodes an event as the text that the tamper-evident hash chain covers: every value of the
     * event, the nested ticket of a {@link TicketCreated} included, in a fixed order.
     *
     * <p><b>The format never changes silently.</b> It starts with {@value #CANONICAL_FORM_PREFIX};
     * a trail hashed today must hash the same in every later release, so any change to it is a new
     * format with a new prefix, and this method keeps writing the old one for old events. The form
     * is injective: equal events give equal texts and different events different ones.
     *
     * <p>The format, version 1: {@code v1|} then the event type's simple name, then {@code |} and
     * the fields as {@code name=value} separated by {@code |}: first {@code tenant}, {@code ticket},
     * {@code actor}, {@code at}, {@code sequence}, {@code version}, then the type's own components in
     * declaration order. Values:
     * <ul>
     *   <li>texts and ids in double quotes, with {@code "} and {@code \} escaped by a backslash and
     *       every character outside printable ASCII (U+0020 to U+007E) written {@code \}{@code uXXXX}
     *       (UTF-16 units, upper-case hex), so the whole form is ASCII and its bytes do not depend
     *       on a charset;</li>
     *   <li>numbers in decimal; decimal field values as {@link java.math.BigDecimal#toString()}
     *       prints their normalized value; instants as {@link java.time.Instant#toString()} prints
     *       them (ISO-8601 in UTC); dates as ISO-8601; enum constants by name; booleans
     *       {@code true}/{@code false}; a party as the quoted {@code kind:id}; a state as
     *       {@code name/CATEGORY} in quotes;</li>
     *   <li>an absent optional value {@code none}; a list {@code [a,b]}; a structure
     *       {@code {name=value,...}} with its fields in a fixed order; a field value as its type and
     *       value, such as {@code text:"x"}, {@code number:1.5}, {@code bool:true},
     *       {@code timestamp:...}, {@code date:2026-01-31}, {@code multi:[...]}; custom fields in
     *       name order.</li>
     * </ul>
     *
     * @param event the event
     * @return its canonical form, pure ASCII
     */
    public static String canonicalForm(TicketEvent event) {
        return CanonicalForm.of(requireNonNull(event, "event"));
    }

    /**
     * Appends an event's {@linkplain #canonicalForm(TicketEvent) canonical form} to a builder: the
     * same characters, without a string of its own, for a caller that hashes many events and reuses
     * one builder (the audit chain).
     *
     * @param out the builder to append to; what it holds already is kept before the form
     * @param event the event
     * @return {@code out}
     */
    public static StringBuilder appendCanonicalForm(StringBuilder out, TicketEvent event) {
        requireNonNull(out, "out");
        return CanonicalForm.appendTo(out, requireNonNull(event, "event"));
    }

    /**
     * Feeds an event's {@linkplain #canonicalForm(TicketEvent) canonical form} to a digest: exactly the
     * bytes of {@code canonicalForm(event).getBytes(UTF_8)} (the form is ASCII, one byte a character),
     * written into a buffer of the calling thread instead of a string, for a caller that hashes the
     * form of every event it stores (the audit chain). What the digest was fed before is kept before
     * the form.
     *
     * @param digest the digest to update
     * @param event the event
     */
    public static void updateDigest(MessageDigest digest, TicketEvent event) {
        requireNonNull(digest, "digest");
        CanonicalForm.digest(digest, requireNonNull(event, "event"));
    }
}
