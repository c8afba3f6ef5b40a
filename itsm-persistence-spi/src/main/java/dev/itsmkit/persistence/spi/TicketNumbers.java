package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;

/**
 * The number sequences of one tenant: one per ticket kind, giving {@code INC0000001},
 * {@code INC0000002}, ...
 *
 * <p>An implementation must guarantee that a number is never handed out twice for a tenant and
 * kind, even under concurrent callers, and that numbers increase. Like a database sequence, it is
 * not part of a unit of work: a number taken by a command that then fails is not reused, which
 * leaves a gap.
 */
public interface TicketNumbers {
    /**
     * Takes the next number of a kind.
     *
     * @param kind the ticket kind
     * @return a number greater than any handed out before for this tenant and kind
     */
    TicketNumber next(TicketKind kind);
}
