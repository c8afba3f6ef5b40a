package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.Urgency;
import jakarta.validation.constraints.Positive;
import java.util.OptionalLong;

/**
 * Re-assesses how widely a ticket affects the business and how soon it is needed; the priority
 * is derived anew from the tenant's impact/urgency matrix, and any manual override of it ends.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param impact the new impact
 * @param urgency the new urgency
 */
public record ChangeImpactUrgency(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        Impact impact,
        Urgency urgency)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param impact the new impact
     * @param urgency the new urgency
     */
    public ChangeImpactUrgency {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(impact, "impact");
        requireNonNull(urgency, "urgency");
    }
}
