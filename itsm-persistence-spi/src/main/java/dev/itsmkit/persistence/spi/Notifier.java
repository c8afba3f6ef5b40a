package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.outbox.OutboxEntry;

/**
 * Receives delivered outbox entries: a webhook, a mail sender, a message broker. Registered with
 * an {@link dev.itsmkit.persistence.notification.OutboxDispatcher}, which calls it on the thread that
 * runs a dispatch step: the dispatcher's own thread once it is started, or whichever thread calls
 * {@code dispatchDue} (a {@code ServiceDesk} that delivers after each command calls it on the
 * command's thread, after the command's commit; see its {@code NotificationDelivery}). One
 * dispatcher calls its notifiers one at a time.
 *
 * <p>Delivery is at least once: the same entry may arrive more than once (after a failure, a
 * restart or a lease that ran out), so an implementation must be idempotent by
 * {@link OutboxEntry#idempotencyKey()}. Throwing any exception (or an error other than the JVM's own
 * {@link VirtualMachineError}s) means "not delivered": the entry is retried later with backoff; other notifiers and other entries are not held up. Implementations
 * must be thread-safe if registered with more than one dispatcher.
 */
public interface Notifier {
    /**
     * Names this notifier's delivery channel. It keys the delivery progress in the outbox, so it
     * must stay the same across restarts; two notifiers of one dispatcher must have different names.
     *
     * @return a stable, non-blank name
     */
    String name();

    /**
     * Delivers one entry.
     *
     * @param entry the entry
     * @throws RuntimeException if it was not delivered; the entry will be offered again
     */
    void deliver(OutboxEntry entry);
}
