package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.internal.Identifiers;

/** The rule for field names, as a test rather than a check that throws. */
public final class Names {
    private Names() {}

    /**
     * Tells whether a text is a valid field name: the identifier rule of {@link Identifiers}.
     *
     * @param value the text
     * @return whether it is 1 to 128 letters, digits and {@code . _ : @ -}, starting with a letter or digit
     */
    public static boolean isFieldName(String value) {
        try {
            Identifiers.check("field name", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
