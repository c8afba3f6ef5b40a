package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.ValidationException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** The checks every event shares: of its components, and of the snapshot it is applied to. */
final class Events {
    private Events() {}

    static void checkCommon(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(actor, "actor");
        requireNonNull(at, "at");
        if (sequence < 1) {
            throw new IllegalArgumentException("an event's sequence counts from 1, got " + sequence);
        }
        if (version < 1) {
            throw new IllegalArgumentException("an event's version counts from 1, got " + version);
        }
        if (sequence < version) {
            throw new IllegalArgumentException("an event's sequence is at least its version, since every version is made by"
                    + " at least one event; got sequence " + sequence + " and version " + version);
        }
    }

    static void checkAssignee(String what, Optional<Party> assignee) {
        requireNonNull(assignee, what);
        assignee.ifPresent(p -> {
            if (p.kind() != PartyKind.PERSON && p.kind() != PartyKind.SYSTEM) {
                throw new IllegalArgumentException(what + " must be a person or a system, got " + p);
            }
        });
    }

    static void checkGroup(String what, Optional<Party> group) {
        requireNonNull(group, what);
        group.ifPresent(p -> {
            if (p.kind() != PartyKind.GROUP) {
                throw new IllegalArgumentException(what + " must be a group, got " + p);
            }
        });
    }

    /**
     * Applies a change event: checks that it belongs to the snapshot and follows it, lets the event
     * change a builder that already carries its version and instant, and builds. The ticket's own
     * rules refusing the result means the event does not follow this snapshot.
     */
    static Ticket change(TicketEvent event, Ticket snapshot, Consumer<Ticket.Builder> change) {
        checkBelongs(event, snapshot);
        if (event.version() != snapshot.version() && event.version() != snapshot.version() + 1) {
            throw doesNotFollow(event, snapshot, "an event carries the snapshot's version or the next ("
                    + snapshot.version() + " or " + (snapshot.version() + 1) + ")");
        }
        Ticket.Builder next = snapshot.toBuilder().version(event.version()).updatedAt(event.at());
        try {
            change.accept(next);
            return next.build();
        } catch (ValidationException | IllegalArgumentException e) {
            throw new IllegalStateException(describe(event) + " does not follow " + describe(snapshot)
                    + ": the result breaks the ticket's rules: " + e.getMessage(), e);
        }
    }

    /** Applies an SLA event: it belongs to the snapshot, observed its version, and changes nothing. */
    static Ticket observe(TicketEvent event, Ticket snapshot) {
        checkBelongs(event, snapshot);
        if (event.version() != snapshot.version()) {
            throw doesNotFollow(event, snapshot, "an SLA event carries the version it observed, which is the snapshot's ("
                    + snapshot.version() + ")");
        }
        return snapshot;
    }

    private static void checkBelongs(TicketEvent event, Ticket snapshot) {
        requireNonNull(snapshot, "snapshot");
        if (!event.tenant().equals(snapshot.tenant()) || !event.ticket().equals(snapshot.id())) {
            throw new IllegalStateException(describe(event) + " belongs to ticket " + event.ticket() + " of tenant "
                    + event.tenant() + ", not to " + snapshot.number() + " (ticket " + snapshot.id() + " of tenant "
                    + snapshot.tenant() + ")");
        }
    }

    static IllegalStateException doesNotFollow(TicketEvent event, Ticket snapshot, String why) {
        return new IllegalStateException(describe(event) + " does not follow " + describe(snapshot) + ": " + why);
    }

    static String describe(TicketEvent event) {
        return event.getClass().getSimpleName() + " #" + event.sequence() + " (version " + event.version() + ")";
    }

    private static String describe(Ticket snapshot) {
        return "the snapshot of " + snapshot.number() + " at version " + snapshot.version();
    }
}
