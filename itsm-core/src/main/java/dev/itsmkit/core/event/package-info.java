/**
 * The domain events of a ticket: what happened to it, in order. A ticket's events form its audit
 * trail; {@link dev.itsmkit.core.event.TicketEvents#replay(java.util.List) replaying} them rebuilds
 * its snapshot exactly, and {@link dev.itsmkit.core.event.TicketEvents#canonicalForm(TicketEvent)}
 * gives each event the stable text that the tamper-evident hash chain covers.
 *
 * <p>Every event is an immutable record. An event type never gains a component: a new fact is a new
 * event type, so that trails written years ago still read and hash the same.
 */
@NullMarked
package dev.itsmkit.core.event;

import org.jspecify.annotations.NullMarked;
