package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.TextOrAttachments;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link TextOrAttachments}, reporting the violation at {@code text}. */
public final class TextOrAttachmentsValidator implements ConstraintValidator<TextOrAttachments, AddJournalEntry> {
    /** Creates the validator. */
    public TextOrAttachmentsValidator() {}

    @Override
    public boolean isValid(@Nullable AddJournalEntry command, ConstraintValidatorContext context) {
        if (command == null || !command.text().isBlank() || !command.attachments().isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("text")
                .addConstraintViolation();
        return false;
    }
}
