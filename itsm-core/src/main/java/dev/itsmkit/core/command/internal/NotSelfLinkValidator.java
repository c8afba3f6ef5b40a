package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.NotSelfLink;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link NotSelfLink}. */
public final class NotSelfLinkValidator implements ConstraintValidator<NotSelfLink, AddLink> {
    /** Creates the validator. */
    public NotSelfLinkValidator() {}

    @Override
    public boolean isValid(@Nullable AddLink command, ConstraintValidatorContext context) {
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
