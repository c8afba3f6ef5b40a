package dev.itsmkit.persistence.tck;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.spi.TenantStores;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every contract: a fresh, empty {@link Stores} before each test.
 */
public abstract class StoresContract {
    /** The stores under test, fresh for each test (set before each test by {@link #createStores()}). */
    protected Stores stores;

    /** Creates the contract; subclasses supply the stores through {@link #createStores()}. */
    protected StoresContract() {}

    /**
     * Creates the stores under test. Called before every test; must return stores that hold nothing,
     * isolated from those of other tests.
     *
     * @return fresh, empty stores
     */
    protected abstract Stores createStores();

    /** Creates fresh stores before each test. */
    @BeforeEach
    final void createFreshStores() {
        stores = createStores();
    }

    /**
     * Returns the stores of tenant {@link Fixtures#ACME}.
     *
     * @return the stores of tenant {@link Fixtures#ACME}
     */
    protected final TenantStores acme() {
        return stores.forTenant(Fixtures.ACME);
    }

    /**
     * Returns the stores of tenant {@link Fixtures#GLOBEX}.
     *
     * @return the stores of tenant {@link Fixtures#GLOBEX}
     */
    protected final TenantStores globex() {
        return stores.forTenant(Fixtures.GLOBEX);
    }

    /**
     * Saves new tickets, one unit of work each.
     *
     * @param tickets tickets of version 1
     */
    protected final void create(Ticket... tickets) {
        for (Ticket t : tickets) {
            stores.forTenant(t.tenant()).begin().save(t, 0).commit();
        }
    }

    /**
     * Saves new tickets, one unit of work each.
     *
     * @param tickets tickets of version 1
     */
    protected final void create(List<Ticket> tickets) {
        tickets.forEach(this::create);
    }

    /**
     * Appends events, one unit of work.
     *
     * @param tenant the tenant
     * @param events the events
     */
    protected final void append(TenantId tenant, TicketEvent... events) {
        var uow = stores.forTenant(tenant).begin();
        for (TicketEvent e : events) {
            uow.append(e);
        }
        uow.commit();
    }
}
