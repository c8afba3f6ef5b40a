package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.command.PartyOfKind;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks {@link PartyOfKind}. */
public final class PartyOfKindValidator implements ConstraintValidator<PartyOfKind, Party> {
    private Set<PartyKind> allowed = EnumSet.allOf(PartyKind.class);

    /** Creates the validator; Bean Validation calls {@link #initialize} before use. */
    public PartyOfKindValidator() {}

    @Override
    public void initialize(PartyOfKind constraint) {
        this.allowed = constraint.value().length == 0 ? EnumSet.noneOf(PartyKind.class)
                : EnumSet.copyOf(List.of(constraint.value()));
    }

    @Override
    public boolean isValid(@Nullable Party value, ConstraintValidatorContext context) {
        return value == null || allowed.contains(value.kind());
    }
}
