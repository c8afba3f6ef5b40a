/**
 * The transactional outbox's value types: the announcements of events, and the notifications about
 * them that lifecycles and SLA policies ask for ({@link dev.itsmkit.core.outbox.Notice}: name, channel,
 * recipients), that are written in the same unit of work as the events and delivered to notifiers after
 * commit, at least once, each with an idempotency key that stays the same on every redelivery.
 */
@NullMarked
package dev.itsmkit.core.outbox;

import org.jspecify.annotations.NullMarked;
