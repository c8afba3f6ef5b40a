package dev.itsmkit.core;

import dev.itsmkit.core.internal.Identifiers;

/**
 * Identifies a tenant: one customer of a multi-tenant application, whose data no other tenant may
 * read or change. An application with one customer uses one tenant, for example {@link #DEFAULT}.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
 */
public record TenantId(String value) {
    /** The tenant of an application that has only one. */
    public static final TenantId DEFAULT = new TenantId("default");
    /**
     * Creates the value, checking its components.
     *
     * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
     */
    public TenantId {
        Identifiers.check("tenant id", value);
    }

    /**
     * Returns the tenant with this identifier.
     *
     * @param value the identifier
     * @return the tenant id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
