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
 * Every ticket that the annotated command refers to (a link target, for example) belongs to the
 * command's own tenant. A tenant's tickets never refer to another tenant's: a reference across
 * tenants would leak one customer's data into another's view. The violation is reported at the
 * reference, for example {@code link.target}.
 */
@Documented
@Constraint(validatedBy = SameTenant.Validator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SameTenant {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must be a ticket of the command's own tenant; tickets never refer to another tenant's tickets";

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
     * Checks {@link SameTenant}: every ticket reference a command carries is of the command's tenant.
     * A command type that gains a reference is added here.
     *
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<SameTenant, TicketCommand> {
        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(TicketCommand command, ConstraintValidatorContext context) {
            if (command instanceof AddLink add) {
                return check(command, add.link().target(), context);
            }
            if (command instanceof RemoveLink remove) {
                return check(command, remove.link().target(), context);
            }
            return true;
        }

        private static boolean check(TicketCommand command, TicketRef target, ConstraintValidatorContext context) {
            if (target.tenant().equals(command.tenant())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("link").addPropertyNode("target")
                    .addConstraintViolation();
            return false;
        }
    }
}
