package dev.itsmkit.persistence.notification;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.spi.Notifier;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the registered {@link Notifier}s, at least once each, with exponential
 * backoff after a failure.
 *
 * <p>Each notifier is a channel with its own progress in the outbox: a notifier that fails (throws)
 * has the entry rescheduled for it alone, after {@code initialBackoff * 2^(attempts-1)} capped at
 * {@code maxBackoff}; the other notifiers, and the failing notifier's later entries, go on. Nothing
 * is dropped: an entry stays pending for a notifier until it accepts it. Order is by outbox
 * position, except that an entry waiting for a retry is overtaken by later ones.
 *
 * <p>After each step the dispatcher {@linkplain OutboxDelivery#purgeAcknowledged purges} the entries
 * all its notifiers acknowledged and that are older than the retention (zero unless set: delivered
 * entries are dropped at once), so the outbox does not grow without bound. A dispatcher therefore
 * assumes it serves every channel of its outbox: another dispatcher with other notifiers on the same
 * outbox would lose the entries this one purged before they reached it.
 *
 * <p>{@link #dispatchDue(Instant)} is one pure step driven by the instant it is given, for tests
 * with a virtual clock; {@link #start()} runs it on a daemon thread every poll interval with the
 * builder's {@link Clock}, and {@link #dispatchSoon()} asks that thread for a step at once (after a
 * commit that wrote to the outbox). A notifier that throws an exception or an error (an assertion, a
 * class missing at run time) has failed that delivery; only the JVM's own
 * {@link VirtualMachineError}s (out of memory, stack overflow) go on to the caller. Thread-safe;
 * {@code dispatchDue} calls are serialized.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxDelivery outbox;
    private final List<Notifier> notifiers;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int batchSize;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration retention;
    private final Set<String> channels;
    /** The thread of {@link #start()}; volatile so that {@link #dispatchSoon()} never waits for a dispatch's lock. */
    private volatile @Nullable ScheduledExecutorService executor;
    /** Guards starting and closing, apart from the dispatch lock, which a slow notifier may hold for long. */
    private final Object running = new Object();
    /** Whether a step asked for by {@link #dispatchSoon()} is queued and has not started yet. */
    private final AtomicBoolean soonQueued = new AtomicBoolean();

    private OutboxDispatcher(Builder b) {
        this.outbox = b.outbox;
        this.notifiers = List.copyOf(b.notifiers);
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.batchSize = b.batchSize;
        this.clock = b.clock;
        this.pollInterval = b.pollInterval;
        this.retention = b.retention;
        Set<String> names = new HashSet<>();
        notifiers.forEach(n -> names.add(n.name()));
        this.channels = Set.copyOf(names);
    }

    /**
     * Starts a dispatcher of an outbox.
     *
     * @param outbox the outbox of the stores, {@code stores.outboxDelivery()}
     * @return a builder; at least one notifier is required
     */
    public static Builder builder(OutboxDelivery outbox) {
        return new Builder(requireNonNull(outbox, "outbox"));
    }

    /**
     * What one dispatch step did.
     *
     * @param delivered how many deliveries a notifier accepted
     * @param failed how many deliveries failed and were rescheduled
     */
    public record Report(int delivered, int failed) {}

    /**
     * Delivers every entry due at an instant to every notifier, until none is due; then purges the entries every notifier acknowledged that were created at or
     * before {@code now} minus the retention.
     *
     * @param now the current instant
     * @return how many deliveries succeeded and failed
     */
    public synchronized Report dispatchDue(Instant now) {
        requireNonNull(now, "now");
        int delivered = 0;
        int failed = 0;
        for (Notifier notifier : notifiers) {
            String channel = notifier.name();
            List<PendingDelivery> batch;
            do {
                batch = outbox.due(channel, now, batchSize);
                for (PendingDelivery pending : batch) {
                    try {
                        notifier.deliver(pending.entry());
                        outbox.acknowledge(channel, pending.position());
                        delivered++;
                    } catch (Throwable e) {
                        // anything a notifier throws fails its delivery: unchecked, an error such as an assertion, or a
                        // checked exception it did not declare (other JVM languages, sneaky throws); only the JVM's own
                        // out-of-memory and stack errors go on to the caller
                        if (e instanceof VirtualMachineError) {
                            throw (VirtualMachineError) e;
                        }
                        Instant next = now.plus(backoff(pending.failedAttempts() + 1));
                        outbox.retryLater(channel, pending.position(), next, String.valueOf(e));
                        failed++;
                        LOG.warn("notifier {} failed to deliver {} (attempt {}), retrying at {}", channel,
                                pending.entry().idempotencyKey(), pending.failedAttempts() + 1, next, e);
                    }
                }
            } while (batch.size() == batchSize);
        }
        outbox.purgeAcknowledged(channels, now.minus(retention));
        return new Report(delivered, failed);
    }

    /**
     * Returns the wait before an attempt.
     *
     * @param attempt the number of the failed attempt, from 1
     * @return {@code initialBackoff * 2^(attempt-1)}, at most {@code maxBackoff}
     */
    public Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /**
     * Runs {@link #dispatchDue} with the builder's clock on a daemon thread, every poll interval.
     *
     * @throws IllegalStateException if already started
     */
    public void start() {
        synchronized (running) {
            if (executor != null) {
                throw new IllegalStateException("the dispatcher is already running");
            }
            ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "itsm-outbox-dispatcher");
                t.setDaemon(true);
                return t;
            });
            ex.scheduleWithFixedDelay(this::step, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
            executor = ex;
        }
    }

    /** One step on the dispatcher's thread; a failure of the outbox itself is logged, and the next step tries again. */
    private void step() {
        try {
            dispatchDue(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("outbox dispatch failed; trying again in {}", pollInterval, e);
        }
    }

    /**
     * Asks the thread started by {@link #start()} for a step now instead of at its next poll, for entries just
     * committed. Returns at once; requests made while one is still queued are merged into it. Does nothing if the
     * dispatcher is not running: the entries wait for the next {@link #dispatchDue} call.
     */
    public void dispatchSoon() {
        ScheduledExecutorService ex = executor;
        if (ex != null && soonQueued.compareAndSet(false, true)) {
            try {
                ex.execute(() -> {
                    soonQueued.set(false);
                    step();
                });
            } catch (RejectedExecutionException closed) {
                // closed meanwhile: the entries wait for the next dispatchDue, as documented
                soonQueued.set(false);
            }
        }
    }

    /**
     * Tells whether the thread of {@link #start()} runs.
     *
     * @return whether the dispatcher was started and not closed since
     */
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops the thread started by {@link #start()}, if any; a dispatch under way completes. */
    @Override
    public void close() {
        synchronized (running) {
            ScheduledExecutorService ex = executor;
            if (ex != null) {
                ex.shutdown();
                executor = null;
            }
        }
    }

    /** Configures a dispatcher; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private final OutboxDelivery outbox;
        private final List<Notifier> notifiers = new ArrayList<>();
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(10);
        private int batchSize = 100;
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration retention = Duration.ZERO;

        private Builder(OutboxDelivery outbox) {
            this.outbox = outbox;
        }

        /**
         * Adds a notifier.
         *
         * @param notifier the notifier; its name must differ from the others'
         * @return this builder
         */
        public Builder notifier(Notifier notifier) {
            notifiers.add(requireNonNull(notifier, "notifier"));
            return this;
        }

        /**
         * Sets the backoff after failures.
         *
         * @param initial the wait after the first failure, positive; 1 second unless set
         * @param max the longest wait, at least {@code initial}; 10 minutes unless set
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = requireNonNull(initial, "initial");
            this.maxBackoff = requireNonNull(max, "max");
            return this;
        }

        /**
         * Sets how many entries are fetched from the outbox at once.
         *
         * @param batchSize 1 or more; 100 unless set
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the clock and poll interval of {@link OutboxDispatcher#start()}.
         *
         * @param clock the clock; the system UTC clock unless set
         * @param pollInterval the wait between steps, positive; 1 second unless set
         * @return this builder
         */
        public Builder schedule(Clock clock, Duration pollInterval) {
            this.clock = requireNonNull(clock, "clock");
            this.pollInterval = requireNonNull(pollInterval, "pollInterval");
            return this;
        }

        /**
         * Sets how long entries every notifier acknowledged are kept (readable through
         * {@code Outbox.forTicket}) before they are purged.
         *
         * @param retention zero or more, measured from the entry's {@code createdAt}; zero unless set
         * @return this builder
         */
        public Builder retention(Duration retention) {
            this.retention = requireNonNull(retention, "retention");
            return this;
        }

        /**
         * Builds the dispatcher.
         *
         * @return the dispatcher, not started
         * @throws IllegalArgumentException if there is no notifier, two share a name, or a number or duration is out of range
         */
        public OutboxDispatcher build() {
            if (notifiers.isEmpty()) {
                throw new IllegalArgumentException("an outbox dispatcher needs at least one notifier");
            }
            Set<String> names = new HashSet<>();
            for (Notifier n : notifiers) {
                String name = requireNonNull(n.name(), "notifier name");
                if (name.isBlank() || !names.add(name)) {
                    throw new IllegalArgumentException("every notifier needs a distinct, non-blank name, got '" + name + "' twice or blank");
                }
            }
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("the backoff must be positive and its maximum at least its start, got "
                        + initialBackoff + " to " + maxBackoff);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("the batch size must be 1 or more, got " + batchSize);
            }
            if (retention.isNegative()) {
                throw new IllegalArgumentException("the retention must be zero or more, got " + retention);
            }
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("the poll interval must be positive, got " + pollInterval);
            }
            return new OutboxDispatcher(this);
        }
    }
}
