package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.command.internal.Copies;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Moves a ticket along a transition of its lifecycle, such as {@code resolve} or {@code put-on-hold},
 * setting fields in the same step (for example {@code resolutionCode} and {@code resolutionNotes}
 * when resolving, {@code holdReason} when putting on hold) and optionally commenting. The lifecycle
 * decides whether the transition is allowed from the current state and whether its guards pass.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param transition the name of the transition, one line
 * @param fields values to set in the same step, by field name (built-in or custom); copied, order kept
 * @param comment a public comment to add in the same step, or empty
 */
public record TransitionTicket(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        @NotBlankText @SingleLine(max = 128) String transition,
        Map<@FieldName String, FieldValue> fields,
        Optional<@NotBlankText @MultiLine String> comment)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param transition the name of the transition, one line
     * @param fields values to set in the same step, by field name (built-in or custom); copied, order kept
     * @param comment a public comment to add in the same step, or empty
     */
    public TransitionTicket {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(transition, "transition");
        fields = Copies.map(fields, "fields");
        requireNonNull(comment, "comment");
    }
}
