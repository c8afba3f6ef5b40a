/**
 * What a persistence adapter implements: {@link dev.itsmkit.persistence.spi.Stores} and the stores
 * it hands out, the {@link dev.itsmkit.persistence.spi.UnitOfWork}, the cross-tenant queues of due
 * timers and outbox deliveries, and the {@link dev.itsmkit.persistence.spi.Notifier} that receives
 * delivered notifications. Each type's Javadoc states what an implementation must guarantee; the
 * compatibility kit in {@code itsm-persistence-tck} checks it.
 */
@NullMarked
package dev.itsmkit.persistence.spi;

import org.jspecify.annotations.NullMarked;
