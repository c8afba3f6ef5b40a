package dev.itsmkit.persistence.spi;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * What a command reads of an existing ticket before it changes it, as {@link TenantStores#loadForCommand}
 * returns it.
 *
 * @param ticket the ticket's snapshot
 * @param lastSequence the sequence of the last event of its audit trail, 0 if it has none
 * @param clocks its SLA clock snapshots in {@link SlaClockStore#forTicket}'s order, if they were read with the rest;
 *     empty if the caller is to read them from {@link TenantStores#clocks()} when it needs them
 */
public record LoadedTicket(Ticket ticket, long lastSequence, Optional<List<SlaClockSnapshot>> clocks) {
    /**
     * Checks and copies the components.
     *
     * @param ticket the ticket's snapshot
     * @param lastSequence the sequence of the last event of its audit trail, 0 if it has none
     * @param clocks its SLA clock snapshots, if read
     * @throws IllegalArgumentException if the last sequence is negative
     */
    public LoadedTicket {
        requireNonNull(ticket, "ticket");
        requireNonNull(clocks, "clocks");
        if (lastSequence < 0) {
            throw new IllegalArgumentException("a last sequence is 0 or more, got " + lastSequence + " for " + ticket.number());
        }
        clocks = clocks.map(List::copyOf);
    }
}
