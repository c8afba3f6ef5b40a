package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.outbox.OutboxEntry;
import java.util.Optional;

/**
 * An outbox entry that one notification channel has not yet acknowledged.
 *
 * @param position the entry's place in the outbox, unique across tenants, increasing in commit order
 * @param entry the entry
 * @param failedAttempts how many deliveries to this channel failed so far
 * @param lastError why the last delivery failed, empty if none did
 */
public record PendingDelivery(long position, OutboxEntry entry, int failedAttempts, Optional<String> lastError) {
    /**
     * Creates the value, checking its components.
     *
     * @param position the position, 1 or more
     * @param entry the entry
     * @param failedAttempts 0 or more
     * @param lastError the last error, or empty
     * @throws IllegalArgumentException if a number is out of range
     */
    public PendingDelivery {
        requireNonNull(entry, "entry");
        requireNonNull(lastError, "lastError");
        if (position < 1 || failedAttempts < 0) {
            throw new IllegalArgumentException("a pending delivery has a position of 1 or more and 0 or more failed attempts, got "
                    + position + " and " + failedAttempts);
        }
    }
}
