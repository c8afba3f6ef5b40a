package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.command.internal.Messages;
import dev.itsmkit.core.command.internal.Names;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text is a name a custom field may take: a valid field name (1 to 128 letters A-Z
 * a-z, digits and {@code . _ : @ -}, starting with a letter or digit) that is not the name of a
 * {@linkplain dev.itsmkit.core.TicketField built-in field}.
 */
@Documented
@Constraint(validatedBy = CustomFieldName.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface CustomFieldName {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must be a custom field name of 1 to 128 letters, digits and . _ : @ - (not first) that is not the name of a built-in field";

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
     * Checks {@link CustomFieldName}: a valid field name that no built-in field has.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<CustomFieldName, String> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (TicketField.isReserved(value)) {
                Messages.withDetail(context, "found " + value + ", the name of a built-in field");
                return false;
            }
            return Names.isFieldName(value);
        }
    }
}
