package dev.itsmkit.core.outbox;

import dev.itsmkit.core.internal.Identifiers;
import java.util.UUID;

/**
 * Identifies an entry of the outbox.
 *
 * @param value an identifier: letters, digits and {@code . _ : @ -}, 1 to 128 characters
 */
public record OutboxEntryId(String value) {
    /**
     * Creates the value, checking its components.
     *
     * @param value an identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public OutboxEntryId {
        Identifiers.check("outbox entry id", value);
    }

    /**
     * Returns the id of a value.
     *
     * @param value an identifier
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static OutboxEntryId of(String value) {
        return new OutboxEntryId(value);
    }

    /**
     * Returns a new random id.
     *
     * @return an id made of a random UUID
     */
    public static OutboxEntryId random() {
        return new OutboxEntryId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
