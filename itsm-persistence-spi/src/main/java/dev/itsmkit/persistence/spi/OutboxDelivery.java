package dev.itsmkit.persistence.spi;

import dev.itsmkit.persistence.PendingDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The outbox of every tenant as delivery channels see it. Each channel (one per notifier, by name)
 * has its own progress: an entry stays pending for a channel until that channel
 * {@linkplain #acknowledge acknowledges} it, whatever the other channels do.
 *
 * <p>Entries do not pile up: {@link #purgeAcknowledged} removes the entries that every channel the
 * caller names has acknowledged, once they are older than the retention the caller chooses. The
 * {@link dev.itsmkit.persistence.notification.OutboxDispatcher} calls it after each step with its
 * notifiers' names.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li>every committed entry is pending for every channel, including channels first named after
 *       the entry was committed, until acknowledged by it or purged: nothing is lost before every
 *       channel named in a purge has acknowledged it;</li>
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

    /**
     * Removes the entries that every given channel has acknowledged and that were created
     * ({@link dev.itsmkit.core.outbox.OutboxEntry#createdAt()}) at or before an instant. Run it after
     * delivery with {@code createdUpTo = now} to keep nothing delivered, or with
     * {@code now - retention} to keep delivered entries readable for a while.
     *
     * <p>An implementation must guarantee:
     * <ul>
     *   <li>an entry is removed only if each of {@code channels} acknowledged it and it was created
     *       at or before {@code createdUpTo}; every other entry, and every channel's progress on it, is
     *       untouched;</li>
     *   <li>once this returns, every entry that met both conditions when it was called is gone: no
     *       longer {@linkplain #due due} for any channel, named or not, including channels first named
     *       later, and no longer listed by {@link Outbox#forTicket}; acknowledging it or retrying it is
     *       harmless and does nothing; its position is never reused;</li>
     *   <li>the space it held is released (an adapter deletes the rows, including its channels'
     *       acknowledgements and retry state);</li>
     *   <li>safe to run concurrently with commits, deliveries and other purges.</li>
     * </ul>
     * A channel left out of {@code channels} loses the entries purged before it acknowledged them:
     * name every channel that still needs them.
     *
     * @param channels the channels that must all have acknowledged an entry; not empty, none blank
     * @param createdUpTo entries created after this instant are kept
     * @return how many entries were removed
     * @throws IllegalArgumentException if {@code channels} is empty or a name is blank
     */
    long purgeAcknowledged(Set<String> channels, Instant createdUpTo);
}
