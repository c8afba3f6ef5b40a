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
 * The annotated text is one line of at most {@link #max()} characters and holds no control
 * characters at all: no line break, no tab, nothing below U+0020 and nothing in U+007F..U+009F. For
 * titles, names, reasons and codes, which end up in logs, e-mail subjects and table cells. Whether
 * the text may be blank is a separate rule ({@link NotBlankText}).
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SingleLine {
    /** The longest single-line text other than a title, in characters. */
    int MAX_LINE = dev.itsmkit.core.internal.Texts.MAX_LINE;
    /** The longest title of a ticket, in characters. */
    int MAX_TITLE = dev.itsmkit.core.internal.Texts.MAX_TITLE;

    /**
     * The message; the validator appends what it found, for example {@code ", found the control
     * character U+000A at index 7"}.
     *
     * @return the message template
     */
    String message() default "must be one line of at most {max} characters without control characters";

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
    int max() default MAX_LINE;

    /**
     * Checks {@link SingleLine}: length and control characters, as for a ticket.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<SingleLine, String> {
        private int max = SingleLine.MAX_LINE;

        /** Creates the validator; Bean Validation calls {@link #initialize} before use. */
        public Validator() {}

        @Override
        public void initialize(SingleLine constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Optional<String> problem = value.length() > max ? Optional.of(value.length() + " characters")
                    : Texts.controlCharacterInLine(value);
            problem.ifPresent(found -> Messages.withDetail(context, "found " + found));
            return problem.isEmpty();
        }
    }
}
