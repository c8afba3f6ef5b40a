package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

/**
 * What kind of thing a configuration item is. The set is open: a tenant may use any name that
 * follows the rule below; the constants are the common ones.
 *
 * @param value 1 to 64 characters of lower-case letters {@code a-z}, digits and {@code - _ .},
 *     starting with a letter, for example {@code server} or {@code virtual-machine}
 */
public record ConfigurationItemType(String value) {
    /** The longest type name accepted. */
    public static final int MAX_LENGTH = 64;

    /** A physical server. */
    public static final ConfigurationItemType SERVER = new ConfigurationItemType("server");
    /** A virtual machine. */
    public static final ConfigurationItemType VIRTUAL_MACHINE = new ConfigurationItemType("virtual-machine");
    /** A container or pod. */
    public static final ConfigurationItemType CONTAINER = new ConfigurationItemType("container");
    /** A database or database cluster. */
    public static final ConfigurationItemType DATABASE = new ConfigurationItemType("database");
    /** An application or software component. */
    public static final ConfigurationItemType APPLICATION = new ConfigurationItemType("application");
    /** A router, switch, firewall or load balancer. */
    public static final ConfigurationItemType NETWORK_DEVICE = new ConfigurationItemType("network-device");
    /** A storage system or volume. */
    public static final ConfigurationItemType STORAGE = new ConfigurationItemType("storage");
    /** A data centre, site or room. */
    public static final ConfigurationItemType LOCATION = new ConfigurationItemType("location");

    /**
     * Creates the value, checking it.
     *
     * @param value 1 to 64 characters of lower-case letters, digits and {@code - _ .}, starting with
     *     a letter
     * @throws IllegalArgumentException if {@code value} does not follow the rule
     */
    public ConfigurationItemType {
        requireNonNull(value, "value");
        boolean valid = !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.charAt(0) >= 'a' && value.charAt(0) <= 'z';
        for (int i = 1; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        }
        if (!valid) {
            throw new IllegalArgumentException("a configuration item type is 1 to " + MAX_LENGTH
                    + " characters of lower-case letters a-z, digits and - _ . starting with a letter"
                    + " (for example 'server' or 'virtual-machine'), got '"
                    + dev.itsmkit.core.internal.Identifiers.printable(value) + "'");
        }
    }

    /**
     * Returns the type with this name.
     *
     * @param value the type's name
     * @return the type
     * @throws IllegalArgumentException if {@code value} does not follow the rule
     */
    public static ConfigurationItemType of(String value) {
        return new ConfigurationItemType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
