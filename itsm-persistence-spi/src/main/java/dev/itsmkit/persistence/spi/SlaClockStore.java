package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The SLA clock snapshots of one tenant's tickets, one per ticket, target and cycle; written by
 * {@link UnitOfWork#save(SlaClockSnapshot)}, which replaces the snapshot with the same key.
 *
 * <p>An implementation must guarantee the last committed snapshot per key, thread safety, and only
 * this tenant's clocks.
 */
public interface SlaClockStore {
    /**
     * Reads the clocks of a ticket.
     *
     * @param ticket the ticket
     * @return its clock snapshots, ordered by target name, then cycle
     */
    List<SlaClockSnapshot> forTicket(TicketId ticket);

    /**
     * Reads one clock.
     *
     * @param ticket the ticket
     * @param target the SLA target's name
     * @param cycle the cycle, from 1
     * @return the snapshot, or empty if there is none
     */
    Optional<SlaClockSnapshot> find(TicketId ticket, String target, int cycle);
}
