package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled due timers of one tenant; written by {@link UnitOfWork#schedule} and
 * {@link UnitOfWork#cancel}, claimed and completed through {@link TimerClaims}.
 *
 * <p>An implementation must guarantee: one timer per id (scheduling an existing id reschedules it
 * and voids any claim on it); a completed or cancelled timer is gone; thread safety; only this
 * tenant's timers.
 */
public interface TimerStore {
    /**
     * Reads a timer.
     *
     * @param id the timer's id
     * @return the timer, or empty if none is scheduled with this id
     */
    Optional<DueTimer> find(TimerId id);

    /**
     * Reads the timers of a ticket.
     *
     * @param ticket the ticket
     * @return its scheduled timers, ordered by due instant, then id
     */
    List<DueTimer> forTicket(TicketId ticket);
}
