package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.command.FieldName;
import dev.itsmkit.core.internal.Identifiers;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link FieldName}: the identifier rule of {@link Identifiers}. */
public final class FieldNameValidator implements ConstraintValidator<FieldName, String> {
    /** Creates the validator. */
    public FieldNameValidator() {}

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        return value == null || isFieldName(value);
    }

    /**
     * Tells whether a text is a valid field name.
     *
     * @param value the text
     * @return whether it follows the identifier rule
     */
    static boolean isFieldName(String value) {
        try {
            Identifiers.check("field name", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
