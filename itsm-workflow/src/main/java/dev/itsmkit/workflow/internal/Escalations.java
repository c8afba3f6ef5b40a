package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.sla.SlaCrossing;

/**
 * Carries out the escalations an SLA policy attaches to a threshold when it is crossed, as events
 * of the system actor: notify writes the threshold's event to the outbox, reassign records an
 * assignment, raise priority a priority override. Stateless.
 */
final class Escalations {
    private Escalations() {}

    static void run(Batch batch, TicketChange change, SlaCrossing crossing, TicketEvent event) {
        // The escalation API of itsm-sla is not available yet; nothing to run.
    }
}
