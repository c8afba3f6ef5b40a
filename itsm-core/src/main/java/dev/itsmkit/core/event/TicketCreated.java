package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import java.time.Instant;

/**
 * A ticket was created: the first event of every ticket, carrying its initial snapshot, from which
 * {@linkplain TicketEvents#replay(java.util.List) replay} starts.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event; always 1
 * @param snapshot the ticket as created: of this tenant and id, at version 1
 */
public record TicketCreated(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        Ticket snapshot) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event; always 1
     * @param snapshot the ticket as created
     * @throws IllegalArgumentException if the sequence or version is not 1, or the snapshot is of
     *     another ticket or tenant or not at version 1
     */
    public TicketCreated {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(snapshot, "snapshot");
        if (sequence != 1) {
            throw new IllegalArgumentException("TicketCreated is a ticket's first event, its sequence is 1, got " + sequence);
        }
        if (version != 1 || snapshot.version() != 1) {
            throw new IllegalArgumentException("a ticket is created at version 1, got event version " + version
                    + " and snapshot version " + snapshot.version());
        }
        if (!snapshot.tenant().equals(tenant) || !snapshot.id().equals(ticket)) {
            throw new IllegalArgumentException("TicketCreated of ticket " + ticket + " of tenant " + tenant
                    + " must carry that ticket's snapshot, got ticket " + snapshot.id() + " of tenant " + snapshot.tenant());
        }
    }

    /**
     * Refuses: a ticket's first event is not applied to a snapshot, it is the first snapshot.
     *
     * @param existing a snapshot
     * @return never
     * @throws IllegalStateException always; replay starts from {@link #snapshot()}
     */
    @Override
    public Ticket applyTo(Ticket existing) {
        throw new IllegalStateException(Events.describe(this) + " starts ticket " + ticket + "; it cannot be applied to "
                + existing.number() + " at version " + existing.version() + "; replay starts from its snapshot");
    }
}
