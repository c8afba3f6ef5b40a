/**
 * Delivery of the outbox: the {@link dev.itsmkit.persistence.notification.OutboxDispatcher} and two
 * notifiers, one that logs and one that records for tests.
 */
@NullMarked
package dev.itsmkit.persistence.notification;

import org.jspecify.annotations.NullMarked;
