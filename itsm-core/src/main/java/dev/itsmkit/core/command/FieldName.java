package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.command.internal.Names;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text is a valid field name: 1 to 128 letters A-Z a-z, digits and {@code . _ : @ -},
 * starting with a letter or digit. Built-in and custom fields share these names.
 */
@Documented
@Constraint(validatedBy = FieldName.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface FieldName {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must be a field name of 1 to 128 letters, digits and . _ : @ - (not first)";

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
     * Checks {@link FieldName}: the identifier rule of {@code Identifiers}.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<FieldName, String> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Names.isFieldName(value);
        }
    }
}
