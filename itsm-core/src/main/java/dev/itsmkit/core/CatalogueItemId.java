package dev.itsmkit.core;

import dev.itsmkit.core.internal.Identifiers;

/**
 * Identifies an item of the service catalogue, something users can request, within its tenant.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
 */
public record CatalogueItemId(String value) {
    /**
     * Creates the value, checking it.
     *
     * @param value the identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public CatalogueItemId {
        Identifiers.check("catalogue item id", value);
    }

    /**
     * Returns the id with this value.
     *
     * @param value the identifier
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static CatalogueItemId of(String value) {
        return new CatalogueItemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
