/**
 * The domain of ITSM Kit: tenants, tickets of the four ITIL kinds and their common fields, parties,
 * impact, urgency and priority, custom fields, links and the journal.
 *
 * <p>Every type here is an immutable value or a final class with a builder, safe to share between
 * threads. No method accepts or returns {@code null}; absent values are {@link java.util.Optional}.
 * Programming errors throw {@link IllegalArgumentException}; domain failures throw subclasses of
 * {@link dev.itsmkit.core.ItsmException}.
 */
@NullMarked
package dev.itsmkit.core;

import org.jspecify.annotations.NullMarked;
