package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.AppendOnlyList;
import java.time.Instant;

/**
 * An entry was added to the ticket's journal: a public or internal comment, or a work note.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param entry the entry added at the end of the journal
 */
public record Commented(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        JournalEntry entry) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param entry the entry added
     * @throws IllegalArgumentException if a number is out of range
     */
    public Commented {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(entry, "entry");
    }

    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            // Shares the snapshot's journal: amortised O(1), not a copy of them all.
            next.journal(AppendOnlyList.appending(snapshot.journal(), entry));
        });
    }
}
