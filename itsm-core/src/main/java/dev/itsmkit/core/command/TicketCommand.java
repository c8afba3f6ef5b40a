package dev.itsmkit.core.command;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;

/**
 * A change that a user (or a system acting for one) asks of ITSM Kit: open a ticket, or change an
 * existing one. Every command names the tenant it acts in and the party that acts; the engine
 * checks the command with a {@link CommandValidator}, then against the ticket and its lifecycle,
 * and records the actor in the events it produces. Immutable and thread-safe.
 */
public sealed interface TicketCommand permits OpenTicket, ExistingTicketCommand {
    /**
     * Returns the tenant the command acts in; every ticket it names or refers to must be this tenant's.
     *
     * @return the tenant
     */
    TenantId tenant();

    /**
     * Returns who asks for the change, as the audit trail will record it.
     *
     * @return the acting party
     */
    Party actor();
}
