/**
 * The compatibility kit (TCK) of the persistence SPI. An adapter proves itself by extending each
 * abstract {@code *Contract} class in its tests and supplying fresh, empty stores from
 * {@link dev.itsmkit.persistence.tck.StoresContract#createStores()}:
 *
 * <pre>{@code
 * class PostgresTicketStoreTest extends TicketStoreContract {
 *     protected Stores createStores() { return PostgresStores.of(freshSchema()); }
 * }
 * }</pre>
 *
 * <p>The contracts: {@link dev.itsmkit.persistence.tck.TicketStoreContract},
 * {@link dev.itsmkit.persistence.tck.UnitOfWorkContract},
 * {@link dev.itsmkit.persistence.tck.AuditTrailContract},
 * {@link dev.itsmkit.persistence.tck.TimerClaimsContract},
 * {@link dev.itsmkit.persistence.tck.OutboxDeliveryContract},
 * {@link dev.itsmkit.persistence.tck.TenantIsolationContract},
 * {@link dev.itsmkit.persistence.tck.LoadForCommandContract},
 * {@link dev.itsmkit.persistence.tck.ModelContract} (a stateful property against a model) and
 * {@link dev.itsmkit.persistence.tck.ConcurrencyContract}.
 *
 * <p>Optional capabilities: {@link dev.itsmkit.persistence.tck.AuditTrailContract#tampering()} supplies a
 * {@link dev.itsmkit.persistence.tck.StorageTampering} whose edits an adapter may refuse with
 * {@link java.lang.UnsupportedOperationException}, saying why; the tests that need them are then skipped as failed
 * assumptions with that reason. The kit is described in {@code docs/persistence-tck.md}.
 */
@NullMarked
package dev.itsmkit.persistence.tck;

import org.jspecify.annotations.NullMarked;
