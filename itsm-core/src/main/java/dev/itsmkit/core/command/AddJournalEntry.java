package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.OptionalLong;

/**
 * Adds an entry to a ticket's journal: a public comment, an internal comment or a work note,
 * with files attached. The engine stamps it with the actor and the time.
 *
 * @param tenant the tenant the ticket belongs to
 * @param actor who asks for the change
 * @param ticket the ticket to change
 * @param expectedVersion the version of the ticket the user saw, or empty for no check
 * @param kind public comment, internal comment or work note
 * @param text the text, possibly several lines; blank only when there are attachments
 * @param attachments the files attached, possibly none; copied
 */
@TextOrAttachments
public record AddJournalEntry(
        TenantId tenant,
        Party actor,
        TicketId ticket,
        @Positive(message = "must be 1 or more, as versions count from 1") OptionalLong expectedVersion,
        JournalEntryKind kind,
        @MultiLine String text,
        List<Attachment> attachments)
        implements ExistingTicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket belongs to
     * @param actor who asks for the change
     * @param ticket the ticket to change
     * @param expectedVersion the version of the ticket the user saw, or empty for no check
     * @param kind public comment, internal comment or work note
     * @param text the text, possibly several lines; blank only when there are attachments
     * @param attachments the files attached, possibly none; copied
     */
    public AddJournalEntry {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(ticket, "ticket");
        requireNonNull(expectedVersion, "expectedVersion");
        requireNonNull(kind, "kind");
        requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }
}
