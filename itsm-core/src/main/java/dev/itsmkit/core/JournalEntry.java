package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Problems;
import dev.itsmkit.core.internal.Texts;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's journal: a comment or a work note, with attachments.
 *
 * @param kind public comment, internal comment or work note
 * @param author who wrote it
 * @param at when it was written
 * @param text the text, at most {@value dev.itsmkit.core.internal.Texts#MAX_TEXT} characters; blank
 *     only when there are attachments
 * @param attachments files attached with the entry, copied
 */
public record JournalEntry(JournalEntryKind kind, Party author, Instant at, String text, List<Attachment> attachments) {
    /**
     * Creates the value, checking its components.
     *
     * @param kind public comment, internal comment or work note
     * @param author who wrote it
     * @param at when
     * @param text the text
     * @param attachments files attached
     * @throws ValidationException if the text is too long, holds control characters, or is blank
     *     without attachments
     */
    public JournalEntry {
        requireNonNull(kind, "kind");
        requireNonNull(author, "author");
        requireNonNull(at, "at");
        requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
        Problems problems = new Problems();
        Texts.checkText(problems, "text", text, Texts.MAX_TEXT, attachments.isEmpty());
        problems.throwIfAny("journal entry");
    }
}
