package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.command.SingleLine;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Checks {@link SingleLine}: length and control characters, as {@link Texts} defines them. */
public final class SingleLineValidator implements ConstraintValidator<SingleLine, String> {
    private int max = SingleLine.MAX_LINE;

    /** Creates the validator; Bean Validation calls {@link #initialize} before use. */
    public SingleLineValidator() {}

    @Override
    public void initialize(SingleLine constraint) {
        this.max = constraint.max();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<String> problem = value.length() > max ? Optional.of(value.length() + " characters")
                : Texts.controlCharacterInLine(value);
        problem.ifPresent(found -> Messages.withDetail(context, "found " + found));
        return problem.isEmpty();
    }
}
