package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.command.CustomFieldName;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link CustomFieldName}: a valid field name that no built-in field has. */
public final class CustomFieldNameValidator implements ConstraintValidator<CustomFieldName, String> {
    /** Creates the validator. */
    public CustomFieldNameValidator() {}

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (TicketField.isReserved(value)) {
            Messages.withDetail(context, "found the built-in field " + value + ", which is set among the built-in fields");
            return false;
        }
        return FieldNameValidator.isFieldName(value);
    }
}
