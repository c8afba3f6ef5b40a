package dev.itsmkit.persistence.spi;

import dev.itsmkit.persistence.PendingDelivery;
import java.time.Instant;
import java.util.List;

/**
 * The outbox of every tenant as delivery channels see it. Each channel (one per notifier, by name)
 * has its own progress: an entry stays pending for a channel until that channel
 * {@linkplain #acknowledge acknowledges} it, whatever the other channels do.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li>every committed entry is pending for every channel, including channels first named after
 *       the entry was committed, until acknowledged by it: nothing is lost;</li>
 *   <li>a failed delivery is due again at the instant given to {@link #retryLater}, and not before;</li>
 *   <li>positions increase in commit order;</li>
 *   <li>time only from the parameters; thread safety.</li>
 * </ul>
 */
public interface OutboxDelivery {
    /**
     * Returns the entries due for a channel: not acknowledged by it, and never failed or with their
     * next attempt at or before {@code now}. Lowest position first.
     *
     * @param channel the channel's name, not blank
     * @param now the current instant
     * @param limit the most entries to return, 1 or more
     * @return the due entries
     * @throws IllegalArgumentException if {@code channel} is blank or {@code limit} is less than 1
     */
    List<PendingDelivery> due(String channel, Instant now, int limit);

    /**
     * Records that a channel delivered an entry. Acknowledging twice is harmless.
     *
     * @param channel the channel's name
     * @param position the entry's position
     */
    void acknowledge(String channel, long position);

    /**
     * Records that a delivery to a channel failed, counting the attempt.
     *
     * @param channel the channel's name
     * @param position the entry's position
     * @param nextAttempt when the entry is due again for this channel
     * @param error why it failed, for the next {@link PendingDelivery#lastError()}
     */
    void retryLater(String channel, long position, Instant nextAttempt, String error);
}
