package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;
import java.util.Optional;

/**
 * One field of a ticket changed: its value before and after. The field is a built-in field by its
 * {@linkplain TicketField#fieldName() name} or a custom field.
 *
 * @param field the field's name
 * @param before the value before, empty if it was not set
 * @param after the value after, empty if it was removed
 */
public record FieldChange(String field, Optional<FieldValue> before, Optional<FieldValue> after) {
    /**
     * Creates the value, checking its components.
     *
     * @param field the field's name
     * @param before the value before
     * @param after the value after
     * @throws IllegalArgumentException if the name is not an identifier or nothing changed
     */
    public FieldChange {
        Identifiers.check("field name", field);
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        if (before.equals(after)) {
            throw new IllegalArgumentException("a field change must change the value of " + field + ", got " + before
                    + " before and after");
        }
    }

    @Override
    public String toString() {
        return field + ": " + before.map(Object::toString).orElse("(unset)") + " -> " + after.map(Object::toString).orElse("(unset)");
    }
}
