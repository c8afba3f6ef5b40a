package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text holds at least one character that is not white space. Unlike Jakarta's
 * {@code @NotBlank}, it accepts {@code null}, so it can stand on the element of an
 * {@code Optional<@NotBlankText String>} (an empty optional is no blank text), and it counts every
 * Unicode white space as blank ({@link String#isBlank()}), as the ticket itself does, where
 * {@code @NotBlank} trims only characters up to U+0020.
 */
@Documented
@Constraint(validatedBy = NotBlankText.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NotBlankText {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must not be blank";

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
     * Checks {@link NotBlankText}.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<NotBlankText, String> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !value.isBlank();
        }
    }
}
