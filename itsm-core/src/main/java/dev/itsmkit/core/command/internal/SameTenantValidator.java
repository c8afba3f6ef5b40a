package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.RemoveLink;
import dev.itsmkit.core.command.SameTenant;
import dev.itsmkit.core.command.TicketCommand;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link SameTenant}: every ticket reference a command carries is of the command's tenant.
 * A command type that gains a reference is added here.
 */
public final class SameTenantValidator implements ConstraintValidator<SameTenant, TicketCommand> {
    /** Creates the validator. */
    public SameTenantValidator() {}

    @Override
    public boolean isValid(@Nullable TicketCommand command, ConstraintValidatorContext context) {
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
