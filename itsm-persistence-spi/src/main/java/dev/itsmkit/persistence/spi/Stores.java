package dev.itsmkit.persistence.spi;

import dev.itsmkit.core.TenantId;

/**
 * The entry point of a persistence adapter: everything the engine keeps, reached through
 * tenant-scoped handles, plus the two cross-tenant queues that background workers drain (due timers
 * and the outbox).
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li><b>Tenant isolation.</b> Every read and write through {@link #forTenant(TenantId)} sees and
 *       changes only that tenant's data. Ids are scoped by tenant: the same {@code TicketId} in two
 *       tenants names two unrelated tickets, and an id of another tenant is simply not found.</li>
 *   <li><b>Atomic units of work.</b> See {@link UnitOfWork}.</li>
 *   <li><b>Thread safety.</b> Every object it hands out, except a {@link UnitOfWork}, may be used by
 *       any number of threads at once.</li>
 *   <li><b>No hidden time.</b> Every instant that matters arrives as a parameter; an implementation
 *       does not read a clock to decide what is due, expired or current.</li>
 * </ul>
 * The compatibility kit ({@code itsm-persistence-tck}) checks all of it.
 */
public interface Stores {
    /**
     * Returns the stores of one tenant. Cheap; may be called for every command.
     *
     * @param tenant the tenant
     * @return handles that see and change only this tenant's data
     */
    TenantStores forTenant(TenantId tenant);

    /**
     * Returns the due timers of every tenant, for the nodes that fire them.
     *
     * @return the timer claims
     */
    TimerClaims timerClaims();

    /**
     * Returns the outbox of every tenant, for the dispatcher that delivers it.
     *
     * @return the outbox delivery queue
     */
    OutboxDelivery outboxDelivery();
}
