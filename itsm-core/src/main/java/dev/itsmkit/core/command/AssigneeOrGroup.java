package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@link Assign} names an assignee, an assignment group or both; an assignment that
 * names neither would change nothing.
 */
@Documented
@Constraint(validatedBy = AssigneeOrGroup.Validator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface AssigneeOrGroup {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must name an assignee, an assignment group or both";

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
     * Checks {@link AssigneeOrGroup}.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<AssigneeOrGroup, Assign> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(Assign command, ConstraintValidatorContext context) {
            return command == null || command.assignee().isPresent() || command.group().isPresent();
        }
    }
}
