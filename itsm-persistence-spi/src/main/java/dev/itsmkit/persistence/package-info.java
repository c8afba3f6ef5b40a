/**
 * The persistence and notification SPI of ITSM Kit, its values and exceptions: the
 * {@link dev.itsmkit.persistence.TicketQuery} and {@link dev.itsmkit.persistence.Page}s with
 * {@link dev.itsmkit.persistence.Cursor}s, the {@link dev.itsmkit.persistence.AuditChain} hash chain,
 * timer claims, and the typed failures {@link dev.itsmkit.persistence.ConcurrentUpdateException} and
 * {@link dev.itsmkit.persistence.TenantAccessException}. The interfaces to implement are in
 * {@code spi}; the in-memory default in {@code memory}; the outbox dispatcher and notifiers in
 * {@code notification}.
 *
 * <p>Every value here is immutable and thread-safe.
 */
@NullMarked
package dev.itsmkit.persistence;

import org.jspecify.annotations.NullMarked;
