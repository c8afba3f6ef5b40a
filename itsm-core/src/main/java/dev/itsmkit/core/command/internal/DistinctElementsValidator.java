package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.command.DistinctElements;
import dev.itsmkit.core.internal.Identifiers;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks {@link DistinctElements}; linear in the size of the collection. */
public final class DistinctElementsValidator implements ConstraintValidator<DistinctElements, Collection<?>> {
    /** Creates the validator. */
    public DistinctElementsValidator() {}

    @Override
    public boolean isValid(@Nullable Collection<?> value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Set<Object> seen = new HashSet<>();
        for (Object element : value) {
            if (!seen.add(element)) {
                Messages.withDetail(context, "found " + Identifiers.printable(Texts.abbreviate(String.valueOf(element)))
                        + " more than once");
                return false;
            }
        }
        return true;
    }
}
