package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.command.internal.Copies;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sets or removes fields of a ticket by name: built-in fields such as {@code category},
 * {@code risk} or {@code plannedStart}, and custom fields. The ticket checks that each built-in
 * field exists for its kind and that each value has the right type.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param fields by field name, the new value, or empty to remove the field; at least one; copied, order kept
 */
public record UpdateFields(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        @NotEmpty(message = "must name at least one field") Map<@FieldName String, Optional<FieldValue>> fields)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param fields by field name, the new value, or empty to remove the field; at least one; copied, order kept
     */
    public UpdateFields {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        fields = Copies.map(fields, "fields");
    }
}
