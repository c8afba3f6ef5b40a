package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.AssigneeOrGroup;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link AssigneeOrGroup}. */
public final class AssigneeOrGroupValidator implements ConstraintValidator<AssigneeOrGroup, Assign> {
    /** Creates the validator. */
    public AssigneeOrGroupValidator() {}

    @Override
    public boolean isValid(@Nullable Assign command, ConstraintValidatorContext context) {
        return command == null || command.assignee().isPresent() || command.group().isPresent();
    }
}
