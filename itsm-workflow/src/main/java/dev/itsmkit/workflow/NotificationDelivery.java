package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a {@link ServiceDesk} delivers its outbox to its notifiers: on which thread, how failed
 * deliveries are retried, and how long delivered entries are kept.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #afterEachCommand()}, the default: a command that wrote to the outbox delivers it on its
 *       own thread once its unit of work has committed, so a caller sees its notifications sent when the
 *       command returns (what tests and demos on a virtual clock want). A slow notifier slows the
 *       command, and command threads wait for one another's deliveries.</li>
 *   <li>{@link #inBackground()}: commands never call a notifier; the desk's delivery thread does, woken
 *       by each command that wrote to the outbox (choose it for webhooks, mail and brokers, whose
 *       latency should not reach the caller). Until {@link ServiceDesk#start()} runs that thread,
 *       entries wait for {@link ServiceDesk#deliverOutbox()}.</li>
 * </ul>
 * In both modes, once {@link ServiceDesk#start()} has run, the delivery thread also retries failed
 * deliveries when their backoff has passed, every {@link #pollInterval()}, without waiting for the next
 * command; a failed delivery waits {@code initialBackoff * 2^(attempts-1)}, at most {@code maxBackoff}.
 *
 * @param onCommandThread whether a command delivers on its own thread after its commit
 *     ({@link #afterEachCommand()}) or leaves it to the delivery thread ({@link #inBackground()})
 * @param initialBackoff the wait after a first failure, positive
 * @param maxBackoff the longest wait between attempts, at least {@code initialBackoff}
 * @param pollInterval how often the delivery thread looks for due and retried entries, positive
 * @param retention how long an entry every notifier acknowledged is kept before it is purged, zero
 *     or more, from the entry's creation
 */
public record NotificationDelivery(boolean onCommandThread, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
        Duration retention) {
    private static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /**
     * Checks the settings.
     *
     * @param onCommandThread whether commands deliver on their own thread
     * @param initialBackoff the first wait after a failure
     * @param maxBackoff the longest wait
     * @param pollInterval the delivery thread's interval
     * @param retention how long acknowledged entries are kept
     * @throws IllegalArgumentException if a wait or the interval is not positive, the longest wait is shorter
     *     than the first, or the retention is negative
     */
    public NotificationDelivery {
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(pollInterval, "pollInterval");
        requireNonNull(retention, "retention");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("the first wait after a failed delivery must be positive, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("the longest wait between delivery attempts (" + maxBackoff
                    + ") must be at least the first (" + initialBackoff + ")");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the delivery thread's interval must be positive, got " + pollInterval);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("the retention of delivered entries must be zero or more, got " + retention);
        }
    }

    /**
     * The default: each command delivers what it wrote on its own thread after its commit; failed deliveries wait
     * 1 second, doubling up to 10 minutes; the delivery thread looks every second; delivered entries are dropped.
     *
     * @return the default settings
     */
    public static NotificationDelivery afterEachCommand() {
        return new NotificationDelivery(true, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_POLL_INTERVAL, Duration.ZERO);
    }

    /**
     * Delivery on the desk's delivery thread only, woken by every command that wrote to the outbox; otherwise the
     * defaults of {@link #afterEachCommand()}.
     *
     * @return the settings
     */
    public static NotificationDelivery inBackground() {
        return new NotificationDelivery(false, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_POLL_INTERVAL, Duration.ZERO);
    }

    /**
     * Returns these settings with other waits after failures.
     *
     * @param initial the wait after a first failure, positive
     * @param max the longest wait, at least {@code initial}
     * @return the new settings
     * @throws IllegalArgumentException as the constructor
     */
    public NotificationDelivery withBackoff(Duration initial, Duration max) {
        return new NotificationDelivery(onCommandThread, initial, max, pollInterval, retention);
    }

    /**
     * Returns these settings with another interval of the delivery thread.
     *
     * @param interval positive
     * @return the new settings
     * @throws IllegalArgumentException if the interval is not positive
     */
    public NotificationDelivery withPollInterval(Duration interval) {
        return new NotificationDelivery(onCommandThread, initialBackoff, maxBackoff, interval, retention);
    }

    /**
     * Returns these settings with another retention of delivered entries.
     *
     * @param kept zero or more
     * @return the new settings
     * @throws IllegalArgumentException if negative
     */
    public NotificationDelivery withRetention(Duration kept) {
        return new NotificationDelivery(onCommandThread, initialBackoff, maxBackoff, pollInterval, kept);
    }
}
