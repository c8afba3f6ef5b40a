package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.TicketRef;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The link of the annotated {@link AddLink} points to another ticket than the one it is added to.
 * The violation is reported at {@code link.target}.
 */
@Documented
@Constraint(validatedBy = NotSelfLink.Validator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NotSelfLink {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must be another ticket; a ticket cannot be linked to itself";

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
     * Checks {@link NotSelfLink}.
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<NotSelfLink, AddLink> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(AddLink command, ConstraintValidatorContext context) {
            if (command == null) {
                return true;
            }
            TicketRef target = command.link().target();
            if (!target.tenant().equals(command.tenant()) || !target.id().equals(command.ticket())) {
                return true; // another tenant's ticket is @SameTenant's violation, not a second one
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("link").addPropertyNode("target")
                    .addConstraintViolation();
            return false;
        }
    }
}
