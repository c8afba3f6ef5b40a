package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.command.MultiLine;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Checks {@link MultiLine}: length and control characters, as {@link Texts} defines them. */
public final class MultiLineValidator implements ConstraintValidator<MultiLine, String> {
    private int max = MultiLine.MAX_TEXT;

    /** Creates the validator; Bean Validation calls {@link #initialize} before use. */
    public MultiLineValidator() {}

    @Override
    public void initialize(MultiLine constraint) {
        this.max = constraint.max();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<String> problem = value.length() > max ? Optional.of(value.length() + " characters")
                : Texts.controlCharacterInText(value);
        problem.ifPresent(found -> Messages.withDetail(context, "found " + found));
        return problem.isEmpty();
    }
}
