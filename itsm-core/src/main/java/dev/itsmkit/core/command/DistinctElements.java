package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.command.internal.Messages;
import dev.itsmkit.core.internal.Identifiers;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The annotated collection holds no element twice (by {@code equals}). The validator appends the
 * first repeated element to the message.
 */
@Documented
@Constraint(validatedBy = DistinctElements.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface DistinctElements {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must not hold the same element twice";

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
     * Checks {@link DistinctElements}; linear in the size of the collection.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<DistinctElements, Collection<?>> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(Collection<?> value, ConstraintValidatorContext context) {
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
}
