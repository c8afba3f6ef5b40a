package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an input: where, with which value, and what would be right.
 *
 * @param path where the fault is, as a property path from the validated object, for example
 *     {@code title} or {@code customFields.risk} or {@code links[2].target}
 * @param invalidValue the offending value as text, control characters escaped; empty when the value was absent
 * @param message what is wrong and what is allowed, for example "must not be blank"
 */
public record Violation(String path, String invalidValue, String message) implements java.io.Serializable {
    /**
     * Creates the value, checking its components.
     *
     * @param path where the fault is
     * @param invalidValue the offending value as text
     * @param message what is wrong and what is allowed
     */
    public Violation {
        requireNonNull(path, "path");
        requireNonNull(invalidValue, "invalidValue");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + ": ") + message
                + (invalidValue.isEmpty() ? "" : " (was '" + invalidValue + "')");
    }
}
