package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.sla.Escalation;
import dev.itsmkit.sla.SlaCrossing;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the escalations an SLA policy attaches to a threshold when it is crossed, recorded as
 * events of the system actor {@link Party#ITSM_KIT} in the unit of work that records the crossing:
 * notify writes a notification about the crossing's event to the outbox, named {@value #WARNED} or
 * {@value #BREACHED}, with the escalation's channel and recipients (notify escalations of one crossing
 * on one channel become one notification to all their recipients), reassign records an assignment,
 * raise priority records a priority override.
 * Stateless.
 */
final class Escalations {
    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

    /** The name of the notification an SLA warning's notify escalation asks for. */
    static final String WARNED = "sla-warned";
    /** The name of the notification an SLA breach's notify escalation asks for. */
    static final String BREACHED = "sla-breached";

    private Escalations() {}

    static void run(Batch batch, TicketChange change, SlaCrossing crossing, TicketEvent crossed) {
        for (Escalation escalation : crossing.escalations()) {
            if (escalation instanceof Escalation.Notify notify) {
                change.notify(crossed, new Notice(crossing.isBreach() ? BREACHED : WARNED, Optional.of(notify.channel()),
                        notify.recipients()));
            } else if (escalation instanceof Escalation.Reassign reassign) {
                if (reassign.assignee().kind() == PartyKind.ORGANIZATION) {
                    LOG.warn("SLA escalation of {} at {}% cannot assign {} to an organization ({}); skipped",
                            change.current().number(), crossing.percent(), crossing.target(), reassign.assignee());
                } else {
                    CommandEngine.reassign(batch, change, Party.ITSM_KIT, reassign.assignee());
                }
            } else if (escalation instanceof Escalation.RaisePriority raise) {
                Priority raised = raise.applyTo(change.current().priority());
                if (!raised.equals(change.current().priority())) {
                    CommandEngine.overridePriority(batch, change, Party.ITSM_KIT, raised, "SLA escalation: " + crossing.policy()
                            + "." + crossing.target() + (crossing.isBreach() ? " breached" : " reached " + crossing.percent() + "%"));
                }
            } else {
                throw new IllegalStateException("no handler for escalation " + escalation);
            }
        }
    }
}
