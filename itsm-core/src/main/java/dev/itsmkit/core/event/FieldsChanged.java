package dev.itsmkit.core.event;

import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fields of the ticket changed: {@linkplain TicketField built-in fields} and custom fields, each
 * with its value before and after.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param changes the changes, at least one and one per field, in the order made; copied
 */
public record FieldsChanged(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        List<FieldChange> changes) implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param changes the changes
     * @throws IllegalArgumentException if a number is out of range, there is no change, or a field
     *     changes twice
     */
    public FieldsChanged {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("FieldsChanged needs at least one change");
        }
        Set<String> seen = new HashSet<>();
        for (FieldChange change : changes) {
            if (!seen.add(change.field())) {
                throw new IllegalArgumentException("FieldsChanged holds one change per field, got " + change.field()
                        + " twice: " + changes);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every change's value before is compared with the snapshot's before any is written; the
     * values after are then written in order through {@link Ticket.Builder#field}.
     *
     * @throws IllegalStateException also if a field's value before is not the snapshot's, or a
     *     value after is refused (a field the ticket's kind lacks, a value of the wrong type)
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            for (FieldChange change : changes) {
                if (!snapshot.field(change.field()).equals(change.before())) {
                    throw Events.doesNotFollow(this, snapshot, "field " + change.field() + " was "
                            + snapshot.field(change.field()).map(Object::toString).orElse("not set")
                            + ", but the event changes it from "
                            + change.before().map(Object::toString).orElse("not set"));
                }
            }
            changes.forEach(change -> next.field(change.field(), change.after()));
        });
    }
}
