package dev.itsmkit.core;

import dev.itsmkit.core.internal.Identifiers;
import java.util.UUID;

/**
 * Identifies a ticket within its tenant. The id never changes; the human-readable
 * {@link TicketNumber} is shown to people instead.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
 */
public record TicketId(String value) {
    /**
     * Creates the value, checking its components.
     *
     * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
     */
    public TicketId {
        Identifiers.check("ticket id", value);
    }

    /**
     * Returns the ticket id with this value.
     *
     * @param value the identifier
     * @return the ticket id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static TicketId of(String value) {
        return new TicketId(value);
    }

    /**
     * Returns a new random (version 4 UUID) ticket id.
     *
     * @return a ticket id that no other ticket has, with overwhelming probability
     */
    public static TicketId random() {
        return new TicketId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
