package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@link AddJournalEntry} has a text that is not blank, or at least one attachment.
 * The violation is reported at {@code text}.
 */
@Documented
@Constraint(validatedBy = TextOrAttachments.Validator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface TextOrAttachments {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must not be blank unless the entry has attachments";

    /**
     * The validation groups.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * The payload.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};

    /**
     * Checks {@link TextOrAttachments}, reporting the violation at {@code text}.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<TextOrAttachments, AddJournalEntry> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(AddJournalEntry command, ConstraintValidatorContext context) {
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
}
