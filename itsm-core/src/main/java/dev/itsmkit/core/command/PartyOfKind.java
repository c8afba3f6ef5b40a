package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The annotated {@link dev.itsmkit.core.Party} is of one of the given kinds, for example an
 * assignment group must be a group.
 */
@Documented
@Constraint(validatedBy = PartyOfKind.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PartyOfKind {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must be a party of kind {value}";

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
     * The kinds allowed.
     *
     * @return at least one kind
     */
    dev.itsmkit.core.PartyKind[] value();

    /**
     * Checks {@link PartyOfKind}.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<PartyOfKind, Party> {
        private Set<PartyKind> allowed = EnumSet.allOf(PartyKind.class);

        /** Creates the validator; Bean Validation calls {@link #initialize} before use. */
        public Validator() {}

        @Override
        public void initialize(PartyOfKind constraint) {
            this.allowed = constraint.value().length == 0 ? EnumSet.noneOf(PartyKind.class)
                    : EnumSet.copyOf(List.of(constraint.value()));
        }

        @Override
        public boolean isValid(Party value, ConstraintValidatorContext context) {
            return value == null || allowed.contains(value.kind());
        }
    }
}
