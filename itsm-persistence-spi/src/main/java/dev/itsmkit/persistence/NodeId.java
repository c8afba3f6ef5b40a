package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one application node (one JVM) that claims due timers; a claim's lease belongs to it.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}
 */
public record NodeId(String value) {
    /**
     * Creates the value, checking its components.
     *
     * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}
     * @throws IllegalArgumentException if {@code value} is not such an identifier
     */
    public NodeId {
        requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 128 || !value.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '.' || c == '_' || c == ':' || c == '@' || c == '-')) {
            throw new IllegalArgumentException("a node id has 1 to 128 letters, digits and . _ : @ -, got '" + value + "'");
        }
    }

    /**
     * Returns the node id with this value.
     *
     * @param value the identifier
     * @return the node id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
