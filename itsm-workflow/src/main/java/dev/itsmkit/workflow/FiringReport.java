package dev.itsmkit.workflow;

import dev.itsmkit.core.event.TicketEvent;
import java.util.List;

/**
 * What one call of {@link ServiceDesk#fireDue()} did.
 *
 * @param claimed how many due timers this node claimed and processed
 * @param events the events recorded: {@link dev.itsmkit.core.event.SlaWarned} and
 *     {@link dev.itsmkit.core.event.SlaBreached}, and the assignments and priority changes of
 *     escalations, in the order recorded
 */
public record FiringReport(int claimed, List<TicketEvent> events) {
    /**
     * Creates the report, copying the events.
     *
     * @param claimed how many timers were claimed, 0 or more
     * @param events the events recorded
     */
    public FiringReport {
        events = List.copyOf(events);
    }
}
