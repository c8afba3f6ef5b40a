package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.command.internal.Messages;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * The annotated text is at most {@link #max()} characters and holds no control characters other
 * than tab, line feed and carriage return. For descriptions, comments, notes and plans. Whether the
 * text may be blank is a separate rule ({@link NotBlankText}).
 */
@Documented
@Constraint(validatedBy = MultiLine.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface MultiLine {
    /** The longest multi-line text (description, journal entry, plan), in characters. */
    int MAX_TEXT = dev.itsmkit.core.internal.Texts.MAX_TEXT;

    /**
     * The message; the validator appends what it found, for example {@code ", found the control
     * character U+0007 at index 3"}.
     *
     * @return the message template
     */
    String message() default "must be at most {max} characters without control characters other than tab and line breaks";

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
     * The longest text allowed.
     *
     * @return the number of characters
     */
    int max() default MAX_TEXT;

    /**
     * Checks {@link MultiLine}: length and control characters, as for a ticket.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<MultiLine, String> {
        private int max = MultiLine.MAX_TEXT;

        /** Creates the validator; Bean Validation calls {@link #initialize} before use. */
        public Validator() {}

        @Override
        public void initialize(MultiLine constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Optional<String> problem = value.length() > max ? Optional.of(value.length() + " characters")
                    : Texts.controlCharacterInText(value);
            problem.ifPresent(found -> Messages.withDetail(context, "found " + found));
            return problem.isEmpty();
        }
    }
}
