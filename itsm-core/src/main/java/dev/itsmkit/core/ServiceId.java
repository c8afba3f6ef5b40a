package dev.itsmkit.core;

import dev.itsmkit.core.internal.Identifiers;

/**
 * Identifies a service of the service catalogue within its tenant.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
 */
public record ServiceId(String value) {
    /**
     * Creates the value, checking it.
     *
     * @param value the identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public ServiceId {
        Identifiers.check("service id", value);
    }

    /**
     * Returns the id with this value.
     *
     * @param value the identifier
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
