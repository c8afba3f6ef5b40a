package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;

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
 * <p>Immutable and thread-safe; the {@code with} methods return new settings.
 */
public final class NotificationDelivery {
    private static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private final boolean onCommandThread;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration pollInterval;
    private final Duration retention;

    private NotificationDelivery(boolean onCommandThread, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
            Duration retention) {
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
        this.onCommandThread = onCommandThread;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.pollInterval = pollInterval;
        this.retention = retention;
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
     * @throws IllegalArgumentException if a wait is not positive or the longest is shorter than the first
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

    /**
     * Tells whether a command delivers what it wrote on its own thread after its commit.
     *
     * @return {@code true} for {@link #afterEachCommand()}, {@code false} for {@link #inBackground()}
     */
    public boolean onCommandThread() {
        return onCommandThread;
    }

    /**
     * Returns the wait after a first failed delivery; each further failure doubles it, up to {@link #maxBackoff()}.
     *
     * @return a positive duration
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * Returns the longest wait between two attempts of one delivery.
     *
     * @return at least {@link #initialBackoff()}
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Returns how often the delivery thread of {@link ServiceDesk#start()} looks for due and retried entries.
     *
     * @return a positive duration
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Returns how long an entry every notifier acknowledged is kept, from its creation, before it is purged.
     *
     * @return zero or more
     */
    public Duration retention() {
        return retention;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotificationDelivery d && onCommandThread == d.onCommandThread && initialBackoff.equals(d.initialBackoff)
                && maxBackoff.equals(d.maxBackoff) && pollInterval.equals(d.pollInterval) && retention.equals(d.retention);
    }

    @Override
    public int hashCode() {
        return Objects.hash(onCommandThread, initialBackoff, maxBackoff, pollInterval, retention);
    }

    @Override
    public String toString() {
        return "NotificationDelivery[" + (onCommandThread ? "afterEachCommand" : "inBackground") + ", backoff " + initialBackoff
                + ".." + maxBackoff + ", poll " + pollInterval + ", retention " + retention + "]";
    }
}
