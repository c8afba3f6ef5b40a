package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.Positive;
import java.util.OptionalLong;

/**
 * Sets a ticket's priority by hand, instead of the one derived from impact and urgency, and
 * records why. The override lasts until it is cleared or impact or urgency change.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param priority the priority to use
 * @param reason why the derived priority is not right, one line
 */
public record OverridePriority(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        Priority priority,
        @NotBlankText @SingleLine String reason)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param priority the priority to use
     * @param reason why the derived priority is not right, one line
     */
    public OverridePriority {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(priority, "priority");
        requireNonNull(reason, "reason");
    }
}
