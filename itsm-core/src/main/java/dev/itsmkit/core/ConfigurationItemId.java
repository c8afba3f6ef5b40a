package dev.itsmkit.core;

import dev.itsmkit.core.internal.Identifiers;

/**
 * Identifies a configuration item (CI) within its tenant.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
 */
public record ConfigurationItemId(String value) {
    /**
     * Creates the value, checking it.
     *
     * @param value the identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public ConfigurationItemId {
        Identifiers.check("configuration item id", value);
    }

    /**
     * Returns the id with this value.
     *
     * @param value the identifier
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static ConfigurationItemId of(String value) {
        return new ConfigurationItemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
